// A declared fleet file loads exact servers, idempotently, next to the generated ones; a bad file fails
// with a message naming what is wrong.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { findServer } from '../resources/servers/repository.ts';
import { openTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { readFleetFile } from './fleet-file.ts';
import { loadFleets } from './load-fleets.ts';

const dir = mkdtempSync(join(tmpdir(), 'opencom-fleet-'));
const yamlFile = join(dir, 'fleet.yaml');
writeFileSync(
  yamlFile,
  `servers:
  - productId: P52534-B21
    serialNumber: CZ2D1G0ABC
    hostname: esx-prod-001.example.net
    model: ProLiant DL380 Gen11
    health: WARNING
    powerState: OFF
    subscriptionState: EXPIRED
    tags: { location: Houston, rack: R12 }
    firmware: { "iLO 6": "1.56 Feb 02 2024", "System ROM": "U54 v1.50 (11/16/2023)" }
  - productId: 868703-B21
    serialNumber: MXQ80100AB
`,
);

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('fleet file', () => {
  it('loads exactly the declared servers, once, beside the generated fleet', async () => {
    const config = loadConfig({ OPENCOM_DEMO_SERVERS: '3', OPENCOM_FLEET_FILE: yamlFile, OPENCOM_TELEMETRY_SERVERS: '0' }).fleet;
    const first = await loadFleets(t.store, config, t.workspaces.B);
    expect(first).toMatchObject({ generated: 3, declared: 2 });
    expect(await loadFleets(t.store, config, t.workspaces.B)).toMatchObject({ generated: 0, declared: 0 });
    const s = await findServer(t.store, t.workspaces.B, 'P52534-B21+CZ2D1G0ABC');
    expect(s).toMatchObject({
      name: 'CZ2D1G0ABC',
      serverGeneration: 'GEN_11',
      hardware: { model: 'ProLiant DL380 Gen11', powerState: 'OFF', health: { summary: 'WARNING' } },
      host: { hostname: 'esx-prod-001.example.net' },
      state: { subscriptionState: 'EXPIRED' },
      tags: { location: 'Houston', rack: 'R12' },
    });
    expect(s!.firmwareInventory).toEqual(expect.arrayContaining([{ name: 'iLO 6', version: '1.56 Feb 02 2024', deviceContext: 'System Board' }]));
    expect(await findServer(t.store, t.workspaces.B, '868703-B21+MXQ80100AB')).toBeDefined();
  });

  it('refuses a file that does not fit the schema, naming the place', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ servers: [{ productId: 'P52534-B21', serialNumber: 'lower-case!', health: 'FINE' }] }));
    expect(() => readFleetFile(bad)).toThrow(/serialNumber|health/);
  });
});
