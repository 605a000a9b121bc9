// A group row with its derived columns, and its members, as the hub's GroupView; the roll-up reason becomes
// the statusReason clients show beside a status other than COMPLIANT.
import type { CategoryCompliance, ComplianceCategory, GroupMember, GroupView } from './model.ts';
import { fromRow, rollupOf, type GroupViewRow } from './repository.ts';
import type { RollupReason } from './rollup-sql.ts';

const REASONS: Record<RollupReason, (category: ComplianceCategory) => string> = {
  NO_SETTING: (c) => (c === 'FIRMWARE' ? 'The group has no firmware baseline setting' : 'The group has no iLO setting'),
  NO_DEVICES: () => 'The group has no devices',
  DEVICE_NOT_APPLICABLE: () => 'Compliance does not apply to some devices',
  DEVICE_NOT_COMPLIANT: () => 'Some devices are not compliant',
  // HPE's own example of an UNKNOWN reason (groupCompliance-v1).
  NOT_COMPUTED: () => 'Not Initiated',
  DEVICE_UNKNOWN: () => 'The compliance of some devices could not be determined',
  ALL_COMPLIANT: () => '',
};

function category(reason: RollupReason, c: ComplianceCategory): CategoryCompliance {
  return { status: rollupOf(reason), statusReason: REASONS[reason](c) };
}

export function toGroupView(row: GroupViewRow, members: GroupMember[]): GroupView {
  return {
    ...fromRow(row),
    members,
    compliance: { summary: row.compliance_status, firmware: category(row.fw_reason, 'FIRMWARE'), iloSettings: category(row.ilo_reason, 'ILO_SETTINGS') },
    securityStatus: row.security_status,
  };
}
