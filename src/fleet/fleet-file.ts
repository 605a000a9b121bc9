// A fleet declared in a file (OPENCOM_FLEET_FILE, YAML or JSON): servers with exact product ids, serials,
// hostnames, models, firmware, health, tags and subscription states, so users can mirror a production
// fleet and tests can rely on exact names. Anything not declared is generated, deterministically.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { HEALTH_STATES, POWER_STATES, SUBSCRIPTION_STATES } from '../resources/servers/model.ts';
import { stableHash } from '../devices/stable-hash.ts';
import { PRODUCT_LINES } from './catalog.ts';
import { generateServer, type GeneratedServer } from './generate-server.ts';

const Literals = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

const DeclaredServer = Type.Object(
  {
    productId: Type.String({ pattern: '^[A-Z0-9]{5,7}-[A-Z0-9]{3}$|^[A-Z0-9]{6}$' }),
    serialNumber: Type.String({ pattern: '^[A-Z0-9]{6,14}$' }),
    model: Type.Optional(Literals(PRODUCT_LINES.map((l) => l.model))),
    hostname: Type.Optional(Type.String({ minLength: 1 })),
    health: Type.Optional(Literals(HEALTH_STATES)),
    powerState: Type.Optional(Literals(POWER_STATES)),
    connected: Type.Optional(Type.Boolean()),
    subscriptionState: Type.Optional(Literals(SUBSCRIPTION_STATES)),
    tags: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Component name → version, e.g. { "iLO 6": "1.62 Jun 18 2024" }. */
    firmware: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);

export const FleetFile = Type.Object(
  {
    /** Workspace to load into; the bootstrap workspace when absent. */
    workspaceId: Type.Optional(Type.String({ format: 'uuid' })),
    servers: Type.Array(DeclaredServer),
  },
  { additionalProperties: false },
);
export type FleetFile = Static<typeof FleetFile>;

export function readFleetFile(path: string): FleetFile {
  const text = readFileSync(path, 'utf8');
  const data: unknown = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  if (!Value.Check(FleetFile, data)) {
    const first = [...Value.Errors(FleetFile, data)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
    throw new Error(`fleet file ${path} is not valid:\n  ${first.join('\n  ')}`);
  }
  return data;
}

/** A stable generator index per serial, so a declared server's generated details never change between starts. */
function indexOf(serial: string): number {
  return stableHash(serial) % 1_000_000_000;
}

export function generateDeclared(file: FleetFile, workspaceId: string, seed: number, nowMs: number): GeneratedServer[] {
  return file.servers.map((d) => {
    const g = generateServer(seed, indexOf(d.serialNumber), workspaceId, nowMs, {
      productId: d.productId,
      serialNumber: d.serialNumber,
      ...(d.model ? { model: d.model } : {}),
      ...(d.hostname ? { hostname: d.hostname } : {}),
      ...(d.health ? { health: d.health } : {}),
      ...(d.powerState ? { powerState: d.powerState } : {}),
      ...(d.connected !== undefined ? { connected: d.connected } : {}),
      ...(d.subscriptionState ? { subscriptionState: d.subscriptionState } : {}),
      ...(d.tags ? { tags: d.tags } : {}),
    });
    if (d.firmware && g.server.firmwareInventory) {
      for (const [name, version] of Object.entries(d.firmware)) {
        const existing = g.server.firmwareInventory.find((f) => f.name === name);
        if (existing) existing.version = version;
        else g.server.firmwareInventory.push({ name, version, deviceContext: 'System Board' });
      }
    }
    return g;
  });
}
