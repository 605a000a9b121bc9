// On start: the generated demo fleet (OPENCOM_DEMO_SERVERS from OPENCOM_DEMO_SEED) and the declared fleet
// (OPENCOM_FLEET_FILE), loaded idempotently, with the warranty, location and telemetry history that
// describe each new server.
import type { Config } from '../config.ts';
import { alertFromCatalogue, raiseAlert } from '../resources/alerts/service.ts';
import type { Server } from '../resources/servers/model.ts';
import { seedLocations } from '../resources/server-locations/service.ts';
import { seedWarranties } from '../resources/server-warranty/service.ts';
import { seedHistory } from '../resources/telemetry/service.ts';
import type { Store } from '../store/store.ts';
import { provisionGeneratedFleet, provisionServers } from './demo-fleet.ts';
import { generateDeclared, readFleetFile } from './fleet-file.ts';

export interface FleetLoad {
  generated: number;
  declared: number;
  workspaceIds: string[];
}

/** Everything that describes newly added servers besides the servers themselves. */
async function describe(store: Store, workspaceId: string, servers: Server[], config: Config['fleet'], historyBudget: { left: number }): Promise<void> {
  await store.transaction(async (tx) => {
    await seedWarranties(tx, workspaceId, servers, config.seed);
    await seedLocations(tx, workspaceId, servers, config.seed);
    // A server that arrives degraded arrives with the alert that explains it (the generator degrades power).
    for (const s of servers) {
      const health = s.hardware.health?.summary;
      if (health !== 'WARNING' && health !== 'CRITICAL') continue;
      await raiseAlert(tx, workspaceId, alertFromCatalogue(health === 'CRITICAL' ? 'PowerSupplyFailed' : 'PowerSupplyInputLost', s.id, s.updatedAt));
    }
  });
  // Telemetry history is bounded like live telemetry: only the first OPENCOM_TELEMETRY_SERVERS servers report.
  const withHistory = servers.slice(0, Math.max(0, historyBudget.left));
  historyBudget.left -= withHistory.length;
  if (withHistory.length) await seedHistory(store, workspaceId, withHistory, Date.now(), config.seed);
}

export async function loadFleets(store: Store, config: Config['fleet'], defaultWorkspaceId: string): Promise<FleetLoad> {
  const now = Date.now();
  const budgets = new Map<string, { left: number }>();
  const budget = (ws: string) => budgets.get(ws) ?? (budgets.set(ws, { left: config.telemetryServers }), budgets.get(ws)!);
  const generated = await provisionGeneratedFleet(store, defaultWorkspaceId, config.seed, config.demoServers, now, (added) =>
    describe(store, defaultWorkspaceId, added, config, budget(defaultWorkspaceId)),
  );
  let declared = 0;
  const workspaceIds = new Set([defaultWorkspaceId]);
  if (config.file) {
    const file = readFleetFile(config.file);
    const ws = file.workspaceId?.toLowerCase() ?? defaultWorkspaceId;
    workspaceIds.add(ws);
    const added = await provisionServers(store, ws, generateDeclared(file, ws, config.seed, now));
    if (added.length) await describe(store, ws, added, config, budget(ws));
    declared = added.length;
  }
  return { generated, declared, workspaceIds: [...workspaceIds] };
}
