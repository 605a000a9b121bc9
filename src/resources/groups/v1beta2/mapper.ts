// groups v1beta2 ⇄ hub (groups.md §4 mapping): serverSettingsUris ⇄ settingsUris, serverPolicies.onServerAdd ⇄
// policies.onDeviceAdd (osImageSettings ⇄ osInstall), onSettingsApply ⇄ onDeviceApply, autoAddServerTags ⇄
// autoAddTags, groupComplianceStatus ⇄ complianceStatus, platformFamily ANY ⇄ DIRECT_CONNECT_SERVER. What v1beta2
// cannot see (firmwarePowerOff, storageVolumes) is kept by the hub's merge.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { ComError } from '../../../http/com-error.ts';
import type { Server } from '../../servers/model.ts';
import { isServerPolicies, type DeviceCompliance, type GroupMember, type GroupView, type ServerPolicies } from '../model.ts';
import type { PoliciesPatch } from '../policies.ts';
import { groupComplianceOf, groupHead, memberHead, subscriptionTierOf } from '../published.ts';
import type { GroupDraft, GroupPatch } from '../service.ts';
import { tagMap } from '../tags.ts';
import type { AssignBodyV1beta2, GroupCreateBodyV1beta2, GroupPatchBodyV1beta2 } from './schemas.ts';

export const NAMES_V1BETA2 = { settingsUris: 'serverSettingsUris', autoAddTags: 'autoAddServerTags' };

/** Legacy clients read server URIs in the `/api/compute/v1` form (groups.md §4). */
const serverUri = (id: string) => `/api/compute/v1/servers/${id}`;

function serverPoliciesWire(p: ServerPolicies) {
  const { osInstall, firmwarePowerOff: _hidden, storageVolumes: _alsoHidden, ...rest } = p.onDeviceAdd;
  return { onServerAdd: { ...rest, osImageSettings: osInstall, firmwareDowngrade: p.onDeviceApply.firmwareDowngrade }, onSettingsApply: { ...p.onDeviceApply } };
}

export function toMemberV1beta2(d: GroupMember, scope: ApiScope) {
  return {
    ...memberHead(d, scope),
    serverId: d.deviceId,
    serverUri: serverUri(d.deviceId),
    state: d.connected ? ('ACTIVE' as const) : ('ASSIGNED' as const),
    groupId: d.groupId,
    subscriptionState: d.subscriptionState,
    ...subscriptionTierOf(d.subscriptionTier),
  };
}

/** A requested server as a dry run shows it when it is in no group: no eTag, no group. */
export function toCandidateV1beta2(s: Server, scope: ApiScope) {
  return {
    id: s.id,
    type: typeName(scope, 'group/device'),
    serial: s.hardware.serialNumber,
    productId: s.hardware.productId,
    serverId: s.id,
    serverUri: serverUri(s.id),
    subscriptionState: s.state.subscriptionState,
    ...subscriptionTierOf(s.state.subscriptionTier),
  };
}

export function toV1beta2(g: GroupView, scope: ApiScope) {
  const head = groupHead(g, scope);
  const server = isServerPolicies(g.policies) ? g.policies : undefined;
  return {
    ...head,
    autoFwUpdateOnAdd: server?.onDeviceAdd.firmwareUpdate ?? false,
    groupComplianceStatus: g.compliance.summary,
    serverSettingsUris: g.settingIds.map((id) => resourceUri({ ...scope, version: 'v1beta1' }, `server-settings/${id}`)),
    platformFamily: g.deviceType === 'DIRECT_CONNECT_SERVER' ? ('ANY' as const) : g.deviceType,
    devicesUri: `${head.resourceUri}/devices`,
    devices: g.members.map((d) => toMemberV1beta2(d, scope)),
    ...(server ? { serverPolicies: serverPoliciesWire(server) } : {}),
    autoAddServerTags: g.autoAddTag ? tagMap(g.autoAddTag) : null,
    groupMeta: null,
    groupCompliance: groupComplianceOf(g),
  };
}

type PoliciesBody = GroupCreateBodyV1beta2['serverPolicies'];

/**
 * serverPolicies and autoFwUpdateOnAdd as one hub patch; both naming the firmware update with different values
 * is a 400 (groups.md §4.2).
 */
function policiesPatchOf(body: PoliciesBody, autoFw: boolean | undefined): PoliciesPatch | undefined {
  const add = body?.onServerAdd;
  if (autoFw !== undefined && typeof add?.firmwareUpdate === 'boolean' && add.firmwareUpdate !== autoFw) {
    throw ComError.badRequest([{ source: 'field', subject: 'autoFwUpdateOnAdd', description: 'must equal serverPolicies.onServerAdd.firmwareUpdate when both are sent' }]);
  }
  if (autoFw === undefined && (body === undefined || body === null)) return body;
  const patch: Exclude<PoliciesPatch, null> = {};
  if (add === null) patch.onDeviceAdd = null;
  else if (add) {
    const { osImageSettings, firmwareDowngrade, ...same } = add;
    patch.onDeviceAdd = { ...same, ...(osImageSettings !== undefined ? { osInstall: osImageSettings } : {}) };
    if (typeof firmwareDowngrade === 'boolean') patch.onDeviceApply = { firmwareDowngrade };
  }
  if (body?.onSettingsApply !== undefined) patch.onDeviceApply = body.onSettingsApply;
  // autoFwUpdateOnAdd is the same switch as onServerAdd.firmwareUpdate.
  if (autoFw !== undefined) patch.onDeviceAdd = { ...(patch.onDeviceAdd ?? {}), firmwareUpdate: autoFw };
  return patch;
}

export function fromCreateV1beta2(body: GroupCreateBodyV1beta2): GroupDraft {
  return {
    name: body.name,
    description: body.description ?? null,
    // ANY and PROLIANT alike: v1beta2 creates server groups only (groups.md §4.2).
    deviceType: 'DIRECT_CONNECT_SERVER',
    settingsUris: body.serverSettingsUris ?? [],
    policies: policiesPatchOf(body.serverPolicies, body.autoFwUpdateOnAdd),
    autoAddTags: body.autoAddServerTags,
  };
}

export function fromPatchV1beta2(body: GroupPatchBodyV1beta2): GroupPatch {
  const patch: GroupPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.description !== undefined) patch.description = body.description;
  if (body.platformFamily !== undefined) patch.deviceType = ['ANY', 'PROLIANT'].includes(body.platformFamily) ? 'DIRECT_CONNECT_SERVER' : body.platformFamily;
  if (body.serverSettingsUris !== undefined) patch.settingsUris = body.serverSettingsUris;
  const policies = policiesPatchOf(body.serverPolicies, body.autoFwUpdateOnAdd);
  if (policies !== undefined) patch.policies = policies;
  if (body.autoAddServerTags !== undefined) patch.autoAddTags = body.autoAddServerTags;
  if (body.firmwareBaseline !== undefined) patch.firmwareBaseline = body.firmwareBaseline;
  return patch;
}

/** Each device by serverId, or by productId+serial; neither is a 400 naming the item. */
export function fromAssignV1beta2(body: AssignBodyV1beta2): { deviceId: string; eTag?: string }[] {
  return body.devices.map((d, i) => {
    const deviceId = d.serverId ?? (d.productId && d.serial ? `${d.productId}+${d.serial}` : undefined);
    if (!deviceId) throw ComError.badRequest([{ source: 'field', subject: `devices.${i}`, description: 'name the server by serverId, or by serial and productId' }]);
    return d.eTag === undefined ? { deviceId } : { deviceId, eTag: d.eTag };
  });
}

/** Server ids never contain whitespace: a space in a query value is a `+` the client did not encode. */
export const fromQueryId = (id: string) => id.replace(/ /g, '+');

export function toComplianceV1beta2(c: DeviceCompliance, scope: ApiScope) {
  return {
    id: c.id,
    type: typeName(scope, 'group/compliance'),
    generation: c.generation,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    resourceUri: resourceUri(scope, `groups/${c.groupId}/compliance/${c.id}`),
    groupId: c.groupId,
    serial: c.serial,
    productId: c.productId,
    serverId: c.deviceId,
    complianceStatus: c.complianceState,
    deviations: c.deviations as unknown as Record<string, unknown>[],
    errorReason: c.errorReason,
    complianceCategory: 'FIRMWARE' as const,
  };
}

export function toIloComplianceV1beta2(c: DeviceCompliance, scope: ApiScope) {
  return {
    id: c.id,
    type: typeName(scope, 'group/ilo-settings-compliance'),
    generation: c.generation,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    resourceUri: resourceUri(scope, `groups/${c.groupId}/ilo-settings-compliance/${c.id}`),
    serial: c.serial,
    productId: c.productId,
    serverId: c.deviceId,
    serverUri: serverUri(c.deviceId),
    deviations: c.deviations as unknown as Record<string, unknown>[],
    complianceState: c.complianceState,
    remediation: c.remediation ?? {},
    complianceCategory: 'ILO_SETTINGS' as const,
    groupId: c.groupId,
    errorReason: c.errorReason,
  };
}
