// Adding a credential-based server (servers.md §4.4). COM answers 202 with a job and the server appears when
// the job has reached the BMC. The request is stored as a pending registration beside its job (same id), and
// completePendingRegistrations (called by the device simulator) materialises it and ends the job.
import { createHash } from 'node:crypto';
import { ComError } from '../../http/com-error.ts';
import { submitJob } from '../../job-engine/submit.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { placeOnboardedServers } from '../groups/auto-add.ts';
import { gatewayUri, serverId, type BmcCredentials, type Server } from './model.ts';
import { findServer, insertServers } from './repository.ts';
import { finishRegistration, insertRegistration, pendingForHost, pendingRegistrations, type Registration } from './registration-repository.ts';
import { endRegistrationJob, REGISTRATION_TEMPLATE_ID } from './registration-job.ts';
import { applianceIssues, credentialIssues } from './rules.ts';

/** What the client asked for, in hub terms. */
export interface RegistrationRequest {
  credentials: Partial<BmcCredentials>;
  applianceId: string | null;
}

/** What reaching the BMC tells about the machine behind it. */
export interface DiscoveredServer {
  productId: string;
  serialNumber: string;
  model?: string | null;
  manufacturer?: string;
  uuid?: string | null;
}

export type Discovery = (registration: Registration) => DiscoveredServer | Promise<DiscoveredServer>;

/**
 * Without a device to ask, the identity is derived from the BMC host, so the same host always becomes the
 * same server. Credential servers are typically non-HPE machines managed over DMTF Redfish.
 */
export const discoverByHost: Discovery = (r) => ({
  productId: 'DMTF',
  serialNumber: `CR${createHash('sha256').update(r.host.toLowerCase()).digest('hex').slice(0, 10).toUpperCase()}`,
  model: null,
  manufacturer: 'Unknown',
  uuid: null,
});

/** Validates and stores the registration; returns the job id the client polls. */
export async function registerServer(store: Store, workspaceId: string, userId: string, request: RegistrationRequest): Promise<string> {
  const issues = [...credentialIssues(request.credentials), ...applianceIssues(request.applianceId)];
  if (issues.length) throw ComError.badRequest(issues);
  const now = nowTimestamp();
  const c = request.credentials as BmcCredentials;
  const registration: Omit<Registration, 'id'> = {
    workspaceId,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
    state: 'PENDING',
    host: c.host.trim(),
    username: c.username,
    password: c.password,
    certificateFingerprint: c.certificateFingerprint ?? '',
    applianceId: request.applianceId?.toLowerCase() ?? null,
    serverId: null,
    failureReason: null,
  };
  return store.transaction(async (tx) => {
    if (await pendingForHost(tx, workspaceId, registration.host)) {
      throw ComError.badRequest(
        [{ source: 'field', subject: 'hardware.bmc.userDefined.host', description: `a server at ${registration.host} is already being added` }],
        undefined,
        'ALREADY_EXISTS',
      );
    }
    // The registration is a real job, readable through every jobs version; its id is the job's. Until the
    // server exists, its BMC host is the only name the job's target has.
    const job = await submitJob(tx, {
      workspaceId,
      templateId: REGISTRATION_TEMPLATE_ID,
      resource: { type: 'server', id: registration.host },
      params: { host: registration.host, ...(registration.applianceId ? { applianceId: registration.applianceId } : {}) },
      createdBy: userId,
    });
    await insertRegistration(tx, { ...registration, id: job.id });
    return job.id;
  });
}

/** The server a completed registration becomes: connected, not yet subscribed, nothing inventoried yet. */
export function credentialServer(r: Registration, d: DiscoveredServer, now: string): Server {
  return {
    id: serverId(d.productId, d.serialNumber),
    workspaceId: r.workspaceId,
    name: d.serialNumber,
    generation: 1,
    createdAt: now,
    updatedAt: now,
    platformFamily: 'DMTF',
    serverGeneration: 'UNKNOWN',
    maintenanceMode: false,
    hardware: {
      serialNumber: d.serialNumber,
      model: d.model ?? null,
      uuid: d.uuid ?? null,
      productId: d.productId,
      manufacturer: d.manufacturer ?? 'Unknown',
      powerState: 'UNKNOWN',
      indicatorLed: 'UNKNOWN',
      health: null,
      platform: null,
      formFactor: null,
      memoryMb: null,
      bmc: {
        mac: '',
        ip: r.host,
        hostname: r.host,
        license: null,
        model: null,
        version: null,
        userDefined: { host: r.host, username: r.username, password: r.password, certificateFingerprint: r.certificateFingerprint },
      },
    },
    state: { managed: true, connected: true, connectedModifiedAt: now, subscriptionState: 'REQUIRED', subscriptionTier: null, subscriptionExpiresAt: null, subscriptionKey: null },
    firmwareInventory: null,
    softwareInventory: null,
    firmwareBundleUri: null,
    lastFirmwareUpdate: null,
    tags: null,
    processorVendor: null,
    biosFamily: null,
    host: null,
    autoIloFwUpdate: false,
    oneview: null,
    lastFullInventoryCollectionAt: null,
    lastFullInventoryCollectionPowerState: 'UNKNOWN',
    deviceClaimType: 'MANUAL',
    connectionType: r.applianceId ? 'GATEWAY' : 'CREDENTIAL',
    managedBy: null,
    lastServerLogCollectionAt: null,
    appliance: { applianceId: r.applianceId, applianceUri: r.applianceId ? gatewayUri(r.applianceId) : null },
  };
}

/** What happened to one registration. */
export interface RegistrationOutcome {
  jobId: string;
  state: 'COMPLETE' | 'FAILED';
  serverId: string | null;
  failureReason: string | null;
}

/**
 * Turns every pending registration of the workspace into a server (or a failure when a server with the
 * discovered id already exists). Given the store it runs in one transaction; given a transaction it joins it.
 */
export async function completePendingRegistrations(db: Db | Store, workspaceId: string, discover: Discovery = discoverByHost): Promise<RegistrationOutcome[]> {
  const run = async (tx: Db): Promise<RegistrationOutcome[]> => {
    const outcomes: RegistrationOutcome[] = [];
    for (const r of await pendingRegistrations(tx, workspaceId)) {
      const now = nowTimestamp();
      const server = credentialServer(r, await discover(r), now);
      const taken = await findServer(tx, workspaceId, server.id);
      const outcome: RegistrationOutcome = taken
        ? { jobId: r.id, state: 'FAILED', serverId: null, failureReason: `A server with id ${server.id} already exists` }
        : { jobId: r.id, state: 'COMPLETE', serverId: server.id, failureReason: null };
      if (!taken) {
        await insertServers(tx, [server]);
        await placeOnboardedServers(tx, workspaceId, [server]);
      }
      await finishRegistration(tx, r, { ...outcome, now });
      await endRegistrationJob(tx, workspaceId, r.id, outcome);
      outcomes.push(outcome);
    }
    return outcomes;
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}
