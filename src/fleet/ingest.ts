// What a device event does to OpenCOM: it goes through the same services a real device's events will —
// the server record (generation bumped), alerts raised or cleared, an activity in the feed, telemetry
// samples — each event in one transaction.
import type { DeviceEvent } from '../devices/driver.ts';
import { recordActivity } from '../resources/activities/service.ts';
import { ALERT_CATALOGUE, alertFromCatalogue, clearAlerts, raiseAlert, type AlertMessageKey } from '../resources/alerts/service.ts';
import type { HealthState, Server } from '../resources/servers/model.ts';
import { updateServerState } from '../resources/servers/service.ts';
import { recordSamples } from '../resources/telemetry/service.ts';
import type { Store } from '../store/store.ts';
import { toStoredTimestamp } from '../store/time.ts';

const source = (s: Server) => ({ type: 'Server', id: s.id, name: s.name, resourceUri: `v1/servers/${s.id}` });

/** Which alert a degradation of a subsystem raises. */
const ALERT_FOR_SUBSYSTEM: Record<string, AlertMessageKey[]> = {};
for (const [key, template] of Object.entries(ALERT_CATALOGUE) as [AlertMessageKey, (typeof ALERT_CATALOGUE)[AlertMessageKey]][]) {
  if (template.messageId.startsWith('Utilization.')) continue;
  (ALERT_FOR_SUBSYSTEM[template.category] ??= []).push(key);
}
export const DEGRADABLE_SUBSYSTEMS = Object.keys(ALERT_FOR_SUBSYSTEM);

const HEALTH_FIELD: Record<string, keyof NonNullable<Server['hardware']['health']>> = {
  fans: 'fans',
  power: 'powerSupplies',
  temperature: 'temperature',
  memory: 'memory',
  processor: 'processor',
  storage: 'storage',
  network: 'network',
};

export async function ingestDeviceEvent(store: Store, event: Exclude<DeviceEvent, { kind: 'telemetry' }>, pick = 0): Promise<void> {
  const { workspaceId, serverId } = event.device;
  const at = toStoredTimestamp(event.at);
  await store.transaction(async (tx) => {
    switch (event.kind) {
      case 'power': {
        const after = await updateServerState(tx, workspaceId, serverId, (s) => ({ ...s, hardware: { ...s.hardware, powerState: event.powerState } }));
        if (after && event.outOfBand && (event.powerState === 'ON' || event.powerState === 'OFF')) {
          await recordActivity(tx, workspaceId, {
            key: 'SERVER_POWER_CHANGED_OUT_OF_BAND',
            text: {
              en: { title: 'Server power changed outside Compute Ops Management', message: `Server ${after.name} was powered ${event.powerState === 'ON' ? 'on' : 'off'} outside Compute Ops Management`, recommendedAction: null },
            },
            source: source(after),
            associatedServerId: after.id,
            at,
          });
        }
        return;
      }
      case 'connection': {
        const server = await updateServerState(tx, workspaceId, serverId, (s) => ({ ...s, state: { ...s.state, connected: event.connected, connectedModifiedAt: at } }));
        if (!server) return;
        await recordActivity(tx, workspaceId, { key: event.connected ? 'SERVER_CONNECTED' : 'SERVER_DISCONNECTED', args: { serverName: server.name }, source: source(server), associatedServerId: server.id, at });
        return;
      }
      case 'health': {
        const field = HEALTH_FIELD[event.subsystem];
        const server = await updateServerState(tx, workspaceId, serverId, (s) => {
          if (!s.hardware.health) return s;
          const health = { ...s.hardware.health, summary: event.health as HealthState, healthLED: event.health as HealthState };
          if (field) health[field] = event.health as never;
          if (event.subsystem === 'power') health.powerSupplyRedundancy = event.health === 'OK' ? 'REDUNDANT' : 'FAILED_REDUNDANT';
          return { ...s, hardware: { ...s.hardware, health } };
        });
        if (!server) return;
        if (event.health === 'OK') {
          for (const key of Object.keys(ALERT_CATALOGUE) as AlertMessageKey[]) {
            const template = ALERT_CATALOGUE[key];
            if (!template.messageId.startsWith('Utilization.')) await clearAlerts(tx, workspaceId, serverId, { messageId: template.messageId });
          }
          return;
        }
        const candidates = ALERT_FOR_SUBSYSTEM[event.subsystem] ?? [];
        const matching = candidates.filter((k) => (event.health === 'CRITICAL') === (ALERT_CATALOGUE[k].severity === 'CRITICAL'));
        const key = (matching.length ? matching : candidates)[pick % Math.max(1, (matching.length ? matching : candidates).length)];
        if (key) await raiseAlert(tx, workspaceId, alertFromCatalogue(key, serverId, at));
        return;
      }
      case 'alert': {
        if (event.cleared) await clearAlerts(tx, workspaceId, serverId, { messageId: event.messageId, originOfCondition: event.originOfCondition });
        return;
      }
    }
  });
}

/** Telemetry is written in batches per workspace: one transaction per tick, not one per sample. */
export async function ingestTelemetry(store: Store, events: readonly Extract<DeviceEvent, { kind: 'telemetry' }>[]): Promise<void> {
  const byWorkspace = new Map<string, Extract<DeviceEvent, { kind: 'telemetry' }>[]>();
  for (const e of events) byWorkspace.set(e.device.workspaceId, [...(byWorkspace.get(e.device.workspaceId) ?? []), e]);
  for (const [workspaceId, list] of byWorkspace) {
    await store.transaction((tx) =>
      recordSamples(
        tx,
        workspaceId,
        list.map((e) => ({
          serverId: e.device.serverId,
          at: toStoredTimestamp(e.at),
          powerWatts: e.powerWatts,
          cpuUtilization: e.cpuUtilization,
          memoryBusUtilization: e.memoryBusUtilization,
          ioBusUtilization: e.ioBusUtilization,
          cpuInterconnectUtilization: e.cpuInterconnectUtilization,
        })),
      ),
    );
  }
}
