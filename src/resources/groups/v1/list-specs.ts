// What v1 and v1beta3 lists filter and sort on (conventions §6.4): the hub's properties under their own names.
import { COMPLIANCE_PROPERTIES, complianceListSpecOf, GROUP_PROPERTIES, groupListSpecOf, MEMBER_PROPERTIES, memberListSpecOf } from '../properties.ts';

export const groupListSpec = groupListSpecOf(GROUP_PROPERTIES);

export const deviceListSpec = memberListSpecOf(MEMBER_PROPERTIES);

export const complianceListSpec = complianceListSpecOf(COMPLIANCE_PROPERTIES, 'deviceId');
