// groups v1beta3 routes: the v1 operations through the shared wiring with v1beta3's mapping (its /compliance
// lists firmware results), plus the iLO-settings compliance routes only v1beta3 (and v1beta2) publish.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { Collection } from '../../../http/schemas.ts';
import { complianceRoutes } from '../routes.ts';
import type { GroupServices } from '../services.ts';
import { complianceListSpec } from '../v1/list-specs.ts';
import { currentGroupRoutes } from '../v1/routes.ts';
import { mappingV1beta3, toIloComplianceV1beta3 } from './mapper.ts';
import { IloComplianceV1beta3 } from './schemas.ts';

export function groupsV1beta3(s: GroupServices): VersionRoutes {
  const current = currentGroupRoutes(s, { mapping: mappingV1beta3, complianceCategories: ['FIRMWARE'] });
  const iloCompliance = complianceRoutes(s, {
    version: 'v1beta3',
    kind: 'ilo-settings-compliance',
    categories: ['ILO_SETTINGS'],
    item: IloComplianceV1beta3,
    collection: Collection(IloComplianceV1beta3, 'iLO settings compliance records'),
    summaries: { list: 'List per-device iLO-settings compliance for the group', get: 'Read one device iLO-settings compliance record' },
    listSpec: complianceListSpec,
    toWire: toIloComplianceV1beta3,
  });
  return async (app, scope) => {
    await current(app, scope);
    await iloCompliance(app, scope);
  };
}
