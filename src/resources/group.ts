// What a resource group is to the application: its migrations and a function that mounts its versions.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { Migration, Store } from '../store/store.ts';

/** Services every group may use; groups reach each other only through their services. */
export interface GroupDeps {
  config: Config;
  store: Store;
  identity: IdentityService;
}

export interface ResourceGroup {
  /** The COM path root, e.g. `user-preferences`. */
  name: string;
  migrations: readonly Migration[];
  /** Mounts the group's versions; runs inside its own encapsulated Fastify context. */
  register(app: FastifyInstance, deps: GroupDeps): Promise<void>;
}
