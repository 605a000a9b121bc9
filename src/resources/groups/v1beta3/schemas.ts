// groups v1beta3 wire schemas beyond the v1 model: HPE's deviceiLOSettingsCompliance-v1beta3.
import { Type } from '@sinclair/typebox';
import { ComplianceStateEnum, Deviation, Remediation } from '../wire.ts';

export const IloComplianceV1beta3 = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ description: 'compute-ops-mgmt/group/ilo-settings-compliance' }),
    resourceUri: Type.String({ description: '/compute-ops-mgmt/v1beta3/groups/{group-id}/ilo-settings-compliance/{id}' }),
    deviceUri: Type.String(),
    generation: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time', description: 'When the compliance was computed' }),
    groupId: Type.String({ format: 'uuid' }),
    serial: Type.String(),
    productId: Type.String(),
    deviceId: Type.String(),
    deviations: Type.Array(Deviation, { description: '{category, settingName, currentValue, expectedValue} per differing iLO setting' }),
    complianceState: ComplianceStateEnum,
    errorReason: Type.String(),
    remediation: Remediation,
    complianceCategory: Type.Literal('ILO_SETTINGS'),
  },
  { description: 'iLO settings compliance of one device of the group' },
);
