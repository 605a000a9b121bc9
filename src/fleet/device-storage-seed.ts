// A simulated server's storage controllers, from its inventory's storage category (Redfish Storage records
// as the fleet generates them: Id, Name, and how many Drives and Volumes sit behind the controller).
import type { StorageSeed } from '../devices/simulator/storage.ts';
import type { ServerDetails } from '../resources/servers/model.ts';

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

export function storageSeedOf(details: ServerDetails | undefined): StorageSeed[] {
  return (details?.inventory.storage.data ?? []).flatMap((c) =>
    typeof c['Id'] === 'string' && c['Id'] ? [{ id: c['Id'], name: typeof c['Name'] === 'string' ? c['Name'] : c['Id'], drives: count(c['Drives']), volumes: count(c['Volumes']) }] : [],
  );
}
