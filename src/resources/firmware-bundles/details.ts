// A bundle's contents grouped by component category, as bundle-details publishes them (firmware-bundles.md
// §2): one entry per category the bundle carries, in a fixed category order.
import { createHash } from 'node:crypto';
import { COMPONENT_CATEGORIES, type ComponentCategory, type FirmwareBundle } from './model.ts';

/** One category of a bundle and the devices it updates. */
export interface BundleCategoryDetail {
  /** UUID, the same for the same bundle and category on every run. */
  id: string;
  bundleId: string;
  category: ComponentCategory;
  generation: number;
  createdAt: string;
  updatedAt: string;
  devices: { target: string; deviceName: string; version: string }[];
}

function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  // RFC 4122 shape (version 4 bits, variant 10) so clients that validate UUIDs accept it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function bundleDetails(bundle: FirmwareBundle): BundleCategoryDetail[] {
  return COMPONENT_CATEGORIES.flatMap((category) => {
    const devices = bundle.components.filter((c) => c.category === category).map((c) => ({ target: c.target, deviceName: c.name, version: c.version }));
    if (devices.length === 0) return [];
    return [
      {
        id: uuidOf(`firmware-bundle-detail/${bundle.id}/${category}`),
        bundleId: bundle.id,
        category,
        // Bundle contents never change once published.
        generation: 1,
        createdAt: bundle.createdAt,
        updatedAt: bundle.createdAt,
        devices,
      },
    ];
  });
}
