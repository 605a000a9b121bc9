// groups v1 ⇄ hub. v1 is the hub's own shape; v1beta3 is the same with settings URIs of settings v1beta1,
// device URIs of servers v1beta2, and the deprecated onDeviceAdd.firmwareDowngrade alias.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { isServerPolicies, type DeviceCompliance, type GroupMember, type GroupPolicies, type GroupView } from '../model.ts';
import type { PoliciesPatch } from '../policies.ts';
import { groupComplianceOf, groupHead, memberHead, subscriptionTierOf } from '../published.ts';
import type { GroupDraft, GroupPatch } from '../service.ts';
import { tagMap } from '../tags.ts';
import type { CurrentVersionOptions, GroupCreateBody, GroupPatchBody, PoliciesWire } from './schemas.ts';

export interface CurrentMapping extends CurrentVersionOptions {
  settingsVersion: 'v1' | 'v1beta1';
  serversVersion: 'v1' | 'v1beta2';
}

export const mappingV1: CurrentMapping = { version: 'v1', addDowngradeAlias: false, settingsVersion: 'v1', serversVersion: 'v1' };

const at = (scope: ApiScope, version: string, path: string) => resourceUri({ ...scope, version }, path);

function policiesWire(p: GroupPolicies, m: CurrentMapping): PoliciesWire {
  if (!isServerPolicies(p)) return { onDeviceAdd: p.onDeviceAdd };
  const onDeviceAdd: NonNullable<PoliciesWire['onDeviceAdd']> = { ...p.onDeviceAdd };
  if (m.addDowngradeAlias) onDeviceAdd.firmwareDowngrade = p.onDeviceApply.firmwareDowngrade;
  return { onDeviceAdd, onDeviceApply: { ...p.onDeviceApply } };
}

export function toDeviceWire(d: GroupMember, scope: ApiScope, m: CurrentMapping) {
  return {
    ...memberHead(d, scope),
    deviceId: d.deviceId,
    deviceUri: at(scope, m.serversVersion, `servers/${d.deviceId}`),
    groupId: d.groupId,
    subscriptionState: d.subscriptionState,
    ...subscriptionTierOf(d.subscriptionTier),
    overallSecurityStatus: d.overallSecurityStatus,
  };
}

export function toGroupWire(g: GroupView, scope: ApiScope, m: CurrentMapping) {
  const head = groupHead(g, scope);
  return {
    ...head,
    deviceType: g.deviceType,
    settingsUris: g.settingIds.map((id) => at(scope, m.settingsVersion, `settings/${id}`)),
    policies: policiesWire(g.policies, m),
    autoAddTags: tagMap(g.autoAddTag),
    complianceStatus: g.compliance.summary,
    securityStatus: g.securityStatus,
    devicesUri: `${head.resourceUri}/devices`,
    devices: g.members.map((d) => toDeviceWire(d, scope, m)),
    groupCompliance: groupComplianceOf(g),
  };
}

export function toComplianceWire(c: DeviceCompliance, scope: ApiScope, m: CurrentMapping) {
  return {
    id: c.id,
    type: typeName(scope, 'group/compliance'),
    resourceUri: resourceUri(scope, `groups/${c.groupId}/compliance/${c.id}`),
    generation: c.generation,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    groupId: c.groupId,
    serial: c.serial,
    productId: c.productId,
    deviceId: c.deviceId,
    deviceUri: at(scope, m.serversVersion, `servers/${c.deviceId}`),
    ...(c.bundleId === null ? {} : { bundleId: c.bundleId }),
    deviations: c.deviations as unknown as Record<string, unknown>[],
    ...(c.score === null ? {} : { score: c.score }),
    complianceState: c.complianceState,
    errorReason: c.errorReason,
    remediation: c.remediation ?? {},
    complianceCategory: c.category,
  };
}

type PoliciesBody = GroupCreateBody['policies'];

/** The request's policies as a hub patch; onDeviceAdd.firmwareDowngrade (v1beta3, deprecated) feeds onDeviceApply. */
export function policiesPatchOf(body: PoliciesBody): PoliciesPatch | undefined {
  if (body === undefined || body === null) return body;
  const patch: Exclude<PoliciesPatch, null> = {};
  if (body.onDeviceAdd !== undefined) patch.onDeviceAdd = body.onDeviceAdd as Record<string, unknown> | null;
  if (body.onDeviceApply !== undefined) patch.onDeviceApply = body.onDeviceApply as Record<string, unknown> | null;
  const alias = (body.onDeviceAdd as Record<string, unknown> | null | undefined)?.firmwareDowngrade;
  if (typeof alias === 'boolean' && body.onDeviceApply?.firmwareDowngrade == null) patch.onDeviceApply = { ...patch.onDeviceApply, firmwareDowngrade: alias };
  return patch;
}

export function fromCreate(body: GroupCreateBody): GroupDraft {
  return {
    name: body.name,
    description: body.description ?? null,
    deviceType: body.deviceType,
    settingsUris: body.settingsUris ?? [],
    policies: policiesPatchOf(body.policies),
    autoAddTags: body.autoAddTags,
  };
}

export function fromPatch(body: GroupPatchBody): GroupPatch {
  const patch: GroupPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.description !== undefined) patch.description = body.description;
  if (body.deviceType !== undefined) patch.deviceType = body.deviceType;
  if (body.settingsUris !== undefined) patch.settingsUris = body.settingsUris;
  if (body.policies !== undefined) patch.policies = policiesPatchOf(body.policies);
  if (body.autoAddTags !== undefined) patch.autoAddTags = body.autoAddTags;
  return patch;
}

export const NAMES_V1 = { settingsUris: 'settingsUris', autoAddTags: 'autoAddTags' };
