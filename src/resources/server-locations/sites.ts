// GreenLake locations for the demo fleet, derived from the servers' `location` and `room` tags: one
// location per data-center room, with the postal address of the site and an id fixed by the seed.
import { createHash } from 'node:crypto';
import type { LocationAddress } from './model.ts';

type SiteAddress = Omit<LocationAddress, 'streetAddress2'>;

/** Addresses of the sites the fleet generator places servers in (catalog SITES), by `location` tag. */
const SITE_ADDRESSES: Readonly<Record<string, SiteAddress>> = {
  houston: { streetAddress: '1701 E Mossy Oaks Rd', city: 'Spring', state: 'TX', postalCode: '77389', country: 'US' },
  'san jose': { streetAddress: '6280 America Center Dr', city: 'San Jose', state: 'CA', postalCode: '95002', country: 'US' },
  grenoble: { streetAddress: '5 Avenue Raymond Chanas', city: 'Eybens', state: null, postalCode: '38320', country: 'FR' },
  frankfurt: { streetAddress: 'Hanauer Landstrasse 298', city: 'Frankfurt am Main', state: 'Hesse', postalCode: '60314', country: 'DE' },
  tokyo: { streetAddress: '2-2-1 Ojima', city: 'Koto-ku', state: 'Tokyo', postalCode: '136-8711', country: 'JP' },
};

export interface SiteLocation {
  name: string;
  description: string | null;
  address: LocationAddress;
}

/** The location a `location`/`room` tag pair stands for; unknown sites get an address naming the tag. */
export function siteLocation(location: string, room: string | null): SiteLocation {
  const site = SITE_ADDRESSES[location.toLowerCase()] ?? { streetAddress: `${location} data center`, city: location, state: null, postalCode: null, country: 'US' };
  return {
    name: room ? `${location} ${room}` : location,
    description: room ? `Data center room ${room}, ${location}` : `Data center, ${location}`,
    address: { ...site, streetAddress2: room ? `Room ${room}` : null },
  };
}

/** A version-4-shaped UUID determined by `key` alone, so re-seeding yields the same location ids. */
export function locationIdFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = (8 + (parseInt(h[16]!, 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
