// The derived group fields as SQL, so lists filter and sort on them in the database (never in JS): the
// compliance roll-up of groups.md §2 per category and overall, and the security roll-up of the members.
import type { Dialect } from '../../store/store.ts';
import type { ComplianceCategory, ComplianceState } from './model.ts';

/**
 * Why a category's roll-up is what it is; the status follows from the reason. Order matters (groups.md §2):
 * any NOT_APPLICABLE member (or none at all, or no setting to comply with) beats NOT_COMPLIANT, which beats
 * UNKNOWN (a member without a result counts as UNKNOWN), which beats COMPLIANT.
 */
export const ROLLUP_REASONS = {
  NO_SETTING: 'NOT_APPLICABLE',
  NO_DEVICES: 'NOT_APPLICABLE',
  DEVICE_NOT_APPLICABLE: 'NOT_APPLICABLE',
  DEVICE_NOT_COMPLIANT: 'NOT_COMPLIANT',
  NOT_COMPUTED: 'UNKNOWN',
  DEVICE_UNKNOWN: 'UNKNOWN',
  ALL_COMPLIANT: 'COMPLIANT',
} as const satisfies Record<string, ComplianceState>;
export type RollupReason = keyof typeof ROLLUP_REASONS;

/** The setting categories whose presence makes a compliance category applicable. */
const APPLICABLE_SETTINGS: Record<ComplianceCategory, readonly string[]> = {
  FIRMWARE: ['FIRMWARE'],
  ILO_SETTINGS: ['ILO', 'ILO_SETTINGS'],
};

const members = (g: string) => `FROM group_devices gd WHERE gd.workspace_id = ${g}.workspace_id AND gd.group_id = ${g}.id`;
const records = (g: string, category: ComplianceCategory) =>
  `FROM group_compliance c WHERE c.workspace_id = ${g}.workspace_id AND c.group_id = ${g}.id AND c.category = '${category}'`;

/** The roll-up reason of one category for the group row aliased `g`. */
export function reasonSql(g: string, category: ComplianceCategory): string {
  const settings = APPLICABLE_SETTINGS[category].map((c) => `'${c}'`).join(', ');
  return `CASE
    WHEN NOT EXISTS (SELECT 1 FROM group_settings gs WHERE gs.workspace_id = ${g}.workspace_id AND gs.group_id = ${g}.id AND gs.category IN (${settings})) THEN 'NO_SETTING'
    WHEN NOT EXISTS (SELECT 1 ${members(g)}) THEN 'NO_DEVICES'
    WHEN EXISTS (SELECT 1 ${records(g, category)} AND c.compliance_state = 'NOT_APPLICABLE') THEN 'DEVICE_NOT_APPLICABLE'
    WHEN EXISTS (SELECT 1 ${records(g, category)} AND c.compliance_state = 'NOT_COMPLIANT') THEN 'DEVICE_NOT_COMPLIANT'
    WHEN EXISTS (SELECT 1 FROM group_devices gd LEFT JOIN group_compliance c
                   ON c.workspace_id = gd.workspace_id AND c.group_id = gd.group_id AND c.device_id = gd.device_id AND c.category = '${category}'
                 WHERE gd.workspace_id = ${g}.workspace_id AND gd.group_id = ${g}.id AND c.id IS NULL) THEN 'NOT_COMPUTED'
    WHEN EXISTS (SELECT 1 ${records(g, category)} AND c.compliance_state = 'UNKNOWN') THEN 'DEVICE_UNKNOWN'
    ELSE 'ALL_COMPLIANT' END`;
}

/** The status a reason column implies. */
export function statusSql(reasonColumn: string): string {
  const cases = Object.entries(ROLLUP_REASONS).map(([reason, status]) => `WHEN '${reason}' THEN '${status}'`);
  return `CASE ${reasonColumn} ${cases.join(' ')} END`;
}

/** The overall status: categories that do not apply are left out; none applying is NOT_APPLICABLE. */
export function summarySql(a: string, b: string): string {
  return `CASE
    WHEN ${a} = 'NOT_APPLICABLE' AND ${b} = 'NOT_APPLICABLE' THEN 'NOT_APPLICABLE'
    WHEN ${a} = 'NOT_COMPLIANT' OR ${b} = 'NOT_COMPLIANT' THEN 'NOT_COMPLIANT'
    WHEN ${a} = 'UNKNOWN' OR ${b} = 'UNKNOWN' THEN 'UNKNOWN'
    ELSE 'COMPLIANT' END`;
}

/** TRUE when the server details row aliased `d` has a security parameter at risk that the user did not ignore. */
export function atRiskSql(d: string, dialect: Dialect): string {
  return dialect === 'sqlite'
    ? `EXISTS (SELECT 1 FROM json_each(${d}.security_parameters) p WHERE json_extract(p.value, '$.securityStatus') = 'RISK' AND json_extract(p.value, '$.ignore') = 0)`
    : `EXISTS (SELECT 1 FROM jsonb_array_elements(${d}.security_parameters) p WHERE p ->> 'securityStatus' = 'RISK' AND p ->> 'ignore' = 'false')`;
}

/** A member's overallSecurityStatus (the servers group's rule): UNKNOWN without security data. */
export function memberSecuritySql(d: string, dialect: Dialect): string {
  return `CASE WHEN ${d}.server_id IS NULL THEN 'UNKNOWN' WHEN ${atRiskSql(d, dialect)} THEN 'RISK' ELSE 'OK' END`;
}

/** The group's securityStatus: RISK when any member is, UNKNOWN when any member has no security data, else OK. */
export function groupSecuritySql(g: string, dialect: Dialect): string {
  const joined = `FROM group_devices gd LEFT JOIN server_details d ON d.workspace_id = gd.workspace_id AND d.server_id = gd.device_id
    WHERE gd.workspace_id = ${g}.workspace_id AND gd.group_id = ${g}.id`;
  return `CASE
    WHEN EXISTS (SELECT 1 ${joined} AND d.server_id IS NOT NULL AND ${atRiskSql('d', dialect)}) THEN 'RISK'
    WHEN EXISTS (SELECT 1 ${joined} AND d.server_id IS NULL) THEN 'UNKNOWN'
    ELSE 'OK' END`;
}
