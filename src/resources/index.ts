// The registry: one line per resource group, in mount order. Reading it is reading the API surface.
import type { ResourceGroup } from './group.ts';
import { userPreferencesGroup } from './user-preferences/plugin.ts';

export const RESOURCE_GROUPS: readonly ResourceGroup[] = [userPreferencesGroup];
