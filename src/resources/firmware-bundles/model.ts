// The hub model of a server firmware bundle: an HPE Service Pack for ProLiant (SPP) or a patch/hotfix on one,
// with the firmware components it delivers (firmware-bundles.md §1). HPE publishes the catalogue; it is the
// same for every workspace.

export const BUNDLE_TYPES = ['BASE', 'PATCH', 'HOTFIX', 'SUPPLEMENT'] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

/** Server generation a bundle serves, in HPE's spelling. */
export const BUNDLE_GENERATIONS = ['BUNDLE_GEN_10', 'BUNDLE_GEN_11', 'BUNDLE_GEN_12'] as const;
export type BundleGeneration = (typeof BUNDLE_GENERATIONS)[number];

/** `2022.09.0` is 3-octet, `2023.09.00.00` 4-octet. */
export const BUNDLE_NAME_FORMATS = ['BUNDLE_3OCTET', 'BUNDLE_4OCTET'] as const;
export type BundleNameFormat = (typeof BUNDLE_NAME_FORMATS)[number];

export const PLATFORM_FAMILIES = ['PROLIANT'] as const;

/** Component categories of bundle-details; the network and storage ones are those FIRMWARE exclusions name. */
export const COMPONENT_CATEGORIES = [
  'ILO',
  'SYSTEM_ROM',
  'SYSTEM_BOARD',
  'STORAGE_CONTROLLERS',
  'STORAGE_DRIVES',
  'STORAGE_FIBRE_CHANNEL',
  'NETWORKING_ADAPTERS',
  'POWER_SUPPLIES',
] as const;
export type ComponentCategory = (typeof COMPONENT_CATEGORIES)[number];

/** One firmware component a bundle delivers. */
export interface BundleComponent {
  /** As a server's firmware inventory names it (Redfish FirmwareInventory Name), e.g. `System ROM`. */
  name: string;
  /** In the spelling the device reports, e.g. `U46 v2.16 (07/11/2024)` or `3.08 Oct 24 2024`. */
  version: string;
  category: ComponentCategory;
  /** Where the component lives in a server, e.g. `System Board`. */
  deviceContext: string;
  /** Device identifier shared by every bundle carrying the device (what FIRMWARE exclusions name). */
  target: string;
  /** The package file in the bundle, e.g. `U46_2.16_07_11_2024.fwpkg`. */
  componentFile: string;
  /** HPE's package title. */
  description: string;
}

/** A firmware bundle without its components: what lists show. */
export interface FirmwareBundleHead {
  /** 32 lowercase hex characters. */
  id: string;
  /** Starts at 1; +1 each time HPE changes the record (e.g. retires the bundle). */
  generation: number;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** Publication date, `YYYY-MM-DD`. */
  releaseDate: string;
  summary: string;
  bundleType: BundleType;
  platformFamily: (typeof PLATFORM_FAMILIES)[number];
  /** For PATCH/HOTFIX/SUPPLEMENT: the id of the SPP it applies to. */
  baseBundleId: string | null;
  releaseVersion: string;
  enhancements: string;
  advisories: string;
  supportedOsList: string[];
  /** Currently supported and selectable. */
  isActive: boolean;
  releaseNotes: string;
  supportUrl: string;
  displayName: string;
  vmwareAddonInfo: Record<string, string>[] | null;
  bundleNameFormat: BundleNameFormat;
  bundleGeneration: BundleGeneration;
}

/** A firmware bundle with every component it delivers; a PATCH/HOTFIX lists its SPP's components with its fixes applied. */
export interface FirmwareBundle extends FirmwareBundleHead {
  components: BundleComponent[];
}
