// What every groups version derives from the hub alike: a group's identity and self links, its compliance
// roll-up, a member's identity, and the subscription tier rule. Each version's mapper adds what it names
// differently; members come first here so the versions keep their member order.
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import type { GroupMember, GroupView } from './model.ts';

/** The members that open a group in every version; `selfUri` repeats the self link, as HPE's groups do. */
export function groupHead(g: GroupView, scope: ApiScope) {
  const self = resourceUri(scope, `groups/${g.id}`);
  return {
    id: g.id,
    type: typeName(scope, 'group'),
    generation: g.generation,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    resourceUri: self,
    selfUri: self,
    name: g.name,
    description: g.description,
  };
}

/** groupCompliance: the summary and each category's roll-up with its reason. */
export function groupComplianceOf(g: GroupView) {
  return { summary: g.compliance.summary, firmware: { ...g.compliance.firmware }, iloSettings: { ...g.compliance.iloSettings } };
}

/** The members that open a group member in every version. */
export function memberHead(d: GroupMember, scope: ApiScope) {
  return {
    id: d.deviceId,
    type: typeName(scope, 'group/device'),
    resourceUri: resourceUri(scope, `groups/${d.groupId}/devices/${d.deviceId}`),
    serial: d.serial,
    productId: d.productId,
    eTag: d.eTag,
  };
}

/** HPE's enum knows only ENHANCED; other tiers are not shown. Spread it where the tier belongs. */
export const subscriptionTierOf = (tier: string | null) => (tier === 'ENHANCED' ? { subscriptionTier: 'ENHANCED' as const } : {});
