// What group lists filter and sort on, by the hub's names, as columns of the views the repositories read
// (groups view, members view, compliance table). Each version's list-specs.ts publishes those it shows under
// its own names (conventions §6.4, groups.md §4.1), with the paging every version shares.
import { defineListSpec, type ListSpec, type PropertyDef } from '../../query/list-spec.ts';
import { SUBSCRIPTION_STATES } from '../servers/model.ts';
import { COMPLIANCE_CATEGORIES, COMPLIANCE_STATES, DEVICE_TYPES, SECURITY_STATES } from './model.ts';

type Properties = Readonly<Record<string, PropertyDef>>;

export const GROUP_PROPERTIES = {
  autoAddTags: { json: 'auto_add_tags' },
  complianceStatus: { column: 'compliance_status', type: 'enum', values: COMPLIANCE_STATES },
  createdAt: { column: 'created_at', type: 'timestamp' },
  description: { column: 'description', type: 'string' },
  deviceType: { column: 'device_type', type: 'enum', values: DEVICE_TYPES },
  generation: { column: 'generation', type: 'integer' },
  id: { column: 'id', type: 'string' },
  name: { column: 'name', type: 'string' },
  policies: { json: 'policies' },
  securityStatus: { column: 'security_status', type: 'enum', values: SECURITY_STATES },
  settingsUris: { column: 'settings_uris', type: 'string' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
} as const satisfies Properties;

/** Group members, plus their ids. */
export const MEMBER_PROPERTIES = {
  id: { column: 'device_id', type: 'string' },
  deviceId: { column: 'device_id', type: 'string' },
  eTag: { column: 'etag', type: 'string' },
  groupId: { column: 'group_id', type: 'string' },
  overallSecurityStatus: { column: 'overall_security_status', type: 'enum', values: SECURITY_STATES },
  productId: { column: 'product_id', type: 'string' },
  serial: { column: 'serial', type: 'string' },
  subscriptionState: { column: 'subscription_state', type: 'enum', values: SUBSCRIPTION_STATES },
  subscriptionTier: { column: 'subscription_tier', type: 'enum', values: ['ENHANCED'] },
} as const satisfies Properties;

/** Device compliance records, plus the device's identity. */
export const COMPLIANCE_PROPERTIES = {
  bundleId: { column: 'bundle_id', type: 'string' },
  complianceCategory: { column: 'category', type: 'enum', values: COMPLIANCE_CATEGORIES },
  complianceState: { column: 'compliance_state', type: 'enum', values: COMPLIANCE_STATES },
  createdAt: { column: 'created_at', type: 'timestamp' },
  deviceId: { column: 'device_id', type: 'string' },
  generation: { column: 'generation', type: 'integer' },
  id: { column: 'id', type: 'string' },
  productId: { column: 'product_id', type: 'string' },
  remediation: { json: 'remediation' },
  score: { column: 'score', type: 'integer' },
  serial: { column: 'serial', type: 'string' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
} as const satisfies Properties;

/** A groups list, sorted by name. */
export function groupListSpecOf(properties: Properties): ListSpec {
  return defineListSpec({ idColumn: 'id', defaultSort: 'name', limit: { max: 1000, default: 1000 }, properties });
}

/** A members list; members lists declare no paging, so a page holds them all. */
export function memberListSpecOf(properties: Properties): ListSpec {
  return defineListSpec({ idColumn: 'device_id', limit: { max: 10000, default: 10000 }, properties });
}

/** A compliance records list, sorted by the version's name for the device id. */
export function complianceListSpecOf(properties: Properties, defaultSort: string): ListSpec {
  return defineListSpec({ idColumn: 'id', defaultSort, limit: { max: 10000, default: 10000 }, properties });
}
