// The three services the groups versions are wired to, created once per application by the plugin.
import type { ComplianceService } from './compliance-service.ts';
import type { MembershipService } from './membership-service.ts';
import type { GroupService } from './service.ts';

export interface GroupServices {
  groups: GroupService;
  membership: MembershipService;
  compliance: ComplianceService;
}
