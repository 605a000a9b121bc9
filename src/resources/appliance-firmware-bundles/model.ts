// The hub model of an appliance firmware bundle: an HPE OneView release that OneView appliances (VMs, or
// Synergy composers) managed through COM can be updated to (firmware-bundles.md §3). HPE publishes the
// catalogue; it is the same for every workspace.

export const APPLIANCE_TYPES = ['VM', 'SYNERGY'] as const;
export type ApplianceType = (typeof APPLIANCE_TYPES)[number];

/** ACTIVE bundles can be installed; INACTIVE ones are retired releases kept for reference. */
export const APPLIANCE_BUNDLE_STATES = ['ACTIVE', 'INACTIVE'] as const;
export type ApplianceBundleState = (typeof APPLIANCE_BUNDLE_STATES)[number];

/** One OneView release for one appliance type. */
export interface ApplianceFirmwareBundle {
  /** 32 lowercase hex characters; what the Appliance Software Update job names as applianceFirmwareId. */
  id: string;
  name: string;
  /** OneView version delivered, e.g. `9.30.00`. */
  applianceVersion: string;
  applianceType: ApplianceType;
  /** Publication date, `YYYY-MM-DD`. */
  releaseDate: string;
  /** A milestone release is a mandatory stepping stone: later releases only upgrade from it or after it. */
  milestone: boolean;
  state: ApplianceBundleState;
  /** Where HPE's repository keeps the update, e.g. `/depot/volume/pub/OliveComputeUpdate/Ov9_30`. */
  rdaBundlePath: string;
  ovaFileName: string;
  /** Bytes. */
  size: number;
  releaseNotes: string;
  /** Synergy release information page; empty for VM appliances. */
  synergyReleaseInfo: string;
  languages: string[];
  features: string[];
  /** Appliance versions that can update to this bundle directly. */
  supportedUpgrades: string[];
  createdAt: string;
  updatedAt: string;
}
