// Server firmware updates: FirmwareUpdate.New brings the server to the bundle the job names;
// IloOnlyFirmwareUpdate updates only the iLO, to the version of the newest active bundle of the server's
// generation (what "the iLO version COM requires" means here), leaving the server's baseline as it was.
import type { Issue } from '../../http/com-error.ts';
import { findBundle, newestActiveBundle } from '../../resources/firmware-bundles/baseline.ts';
import type { Db } from '../../store/store.ts';
import type { StoredJob } from '../model.ts';
import { firmwareTask } from './firmware-task.ts';

export async function bundleParamIssues(db: Db, job: { params: Record<string, unknown> }): Promise<Issue[]> {
  const bundleId = job.params['bundle_id'];
  if (typeof bundleId !== 'string' || !(await findBundle(db, bundleId))) {
    return [{ source: 'field', subject: 'jobParams.bundle_id', description: `firmware bundle ${String(bundleId)} does not exist` }];
  }
  return [];
}

/** The bundle a job's `bundle_id` names. */
export async function bundleOfParams(db: Db, job: StoredJob) {
  const id = String(job.params['bundle_id']);
  const bundle = await findBundle(db, id);
  return bundle ? { bundle } : { failure: `firmware bundle ${id} no longer exists`, messageId: 'FWE-100' };
}

export const firmwareUpdate = firmwareTask({ method: 'Update', bundle: bundleOfParams, setsBaseline: true, activities: true }, bundleParamIssues);

export const iloOnlyFirmwareUpdate = firmwareTask({
  method: 'Update',
  setsBaseline: false,
  activities: true,
  async bundle(db, _job, server) {
    const bundle = await newestActiveBundle(db, server.serverGeneration);
    if (!bundle) return { failure: `no active firmware bundle serves ${server.serverGeneration} servers`, messageId: 'FWE-100' };
    const ilo = bundle.components.filter((c) => c.category === 'ILO');
    if (ilo.length === 0) return { failure: `firmware bundle ${bundle.name} carries no iLO firmware`, messageId: 'FWE-100' };
    return { bundle: { ...bundle, components: ilo } };
  },
});
