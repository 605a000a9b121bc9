// A simulated server's storage controllers, from its inventory's storage category (Redfish Storage records
// as the fleet generates them: Id, Name, and how many Drives and Volumes sit behind the controller).
import type { StorageSeed } from '../devices/simulator/storage.ts';
import type { DeviceFacts } from '../resources/servers/repository.ts';

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

export function storageSeedOf(facts: DeviceFacts | undefined): StorageSeed[] {
  return (facts?.storageControllers ?? []).flatMap((c) =>
    typeof c['Id'] === 'string' && c['Id'] ? [{ id: c['Id'], name: typeof c['Name'] === 'string' ? c['Name'] : c['Id'], drives: count(c['Drives']), volumes: count(c['Volumes']) }] : [],
  );
}
