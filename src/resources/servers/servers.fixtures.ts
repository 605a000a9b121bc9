// Shared set-up of the servers suites: a small known fleet per workspace, and request shorthands.
import { seedServers } from '../../../test/helpers/fleet.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { ServerOverrides } from '../../fleet/generate-server.ts';
import type { Server } from './model.ts';
import { updateServerState } from './service.ts';

export const V1 = '/compute-ops-mgmt/v1/servers';
export const V1BETA2 = '/compute-ops-mgmt/v1beta2/servers';
export const V1BETA1 = '/compute-ops-mgmt/v1beta1/servers';
export const LEGACY_PREFIX = '/compute-ops/v1/servers';
export const JSON_BODY = { 'content-type': 'application/json' };
export const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };

/** The servers of workspace A every suite can name. */
export const KNOWN = {
  /** Subscribed, ON, healthy, known host name. */
  on: { productId: 'P28948-B21', serialNumber: 'CZ2D1G0ABC', hostname: 'esx-prod-017.example.net', id: 'P28948-B21+CZ2D1G0ABC' },
  /** Subscription expired: gated. */
  expired: { productId: 'P52534-B21', serialNumber: 'MXQ89990RR', hostname: 'lnx-test-0002.example.net', id: 'P52534-B21+MXQ89990RR' },
  /** No subscription at all: gated. */
  required: { productId: '875765-S01', serialNumber: '1M512501AB', hostname: 'win-dev-0003.example.net', id: '875765-S01+1M512501AB' },
  /** Subscribed, OFF, critical. */
  off: { productId: 'P38471-B21', serialNumber: 'J208PP003O', hostname: 'esx-prod-004.example.net', id: 'P38471-B21+J208PP003O' },
} as const;

const KNOWN_OVERRIDES: ServerOverrides[] = [
  { ...KNOWN.on, subscriptionState: 'SUBSCRIBED', powerState: 'ON', health: 'OK', tags: { location: 'Grenoble-DC2' } },
  { ...KNOWN.expired, subscriptionState: 'EXPIRED', powerState: 'ON', health: 'OK' },
  { ...KNOWN.required, subscriptionState: 'REQUIRED', powerState: 'OFF', health: 'WARNING' },
  { ...KNOWN.off, subscriptionState: 'SUBSCRIBED', powerState: 'OFF', health: 'CRITICAL' },
];

/** Workspace A: the four known servers plus `extra` subscribed ones; other workspaces get `count` subscribed ones. */
export async function seedFleets(t: TestApp, extra = 6): Promise<Record<'A' | 'B' | 'T1', Server[]>> {
  await t.store.run('DELETE FROM server_registrations');
  await t.store.run('DELETE FROM servers');
  const subscribed = (): ServerOverrides => ({ subscriptionState: 'SUBSCRIBED' });
  return {
    A: await seedServers(t.store, t.workspaces.A, KNOWN_OVERRIDES.length + extra, { seed: 1, overrides: (i) => KNOWN_OVERRIDES[i] ?? subscribed() }),
    B: await seedServers(t.store, t.workspaces.B, 3, { seed: 2, overrides: subscribed }),
    T1: await seedServers(t.store, t.workspaces.T1, 2, { seed: 3, overrides: subscribed }),
  };
}

/** Makes a known server reachable through stored credentials (optionally through a gateway). */
export async function makeCredentialServer(t: TestApp, id: string, gateway: string | null = null): Promise<Server> {
  const changed = await updateServerState(t.store, t.workspaces.A, id, (s) => ({
    ...s,
    connectionType: gateway ? 'GATEWAY' : 'CREDENTIAL',
    appliance: { applianceId: gateway, applianceUri: gateway && `/compute-ops-mgmt/v1beta1/appliances/gateway+${gateway}` },
    hardware: { ...s.hardware, bmc: { ...s.hardware.bmc!, userDefined: { host: '10.0.0.9', username: 'admin', password: 'old-secret', certificateFingerprint: 'AB:CD' } } },
  }));
  return changed!;
}

/** A path segment for a server id, encoded as clients send it (%2B). */
export const enc = (id: string): string => encodeURIComponent(id);
