// The hub model of a server location: a GreenLake location (owned by the GreenLake Locations service) and
// the servers of the workspace bound to it (server-locations.md). COM publishes only the binding.

/** A GreenLake location's postal address; kept for the demo fleet and for grouping by location. */
export interface LocationAddress {
  streetAddress: string;
  streetAddress2: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
  country: string;
}

/** A GreenLake location known to the workspace, with the servers bound to it. */
export interface ServerLocation {
  /** The GreenLake location id (UUID). */
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  address: LocationAddress;
  /** Starts at 1; +1 on each change of the binding set (server-locations.md). */
  generation: number;
  createdAt: string;
  updatedAt: string;
  /** Ids (`<productId>+<serialNumber>`) of the bound servers, in id order; a server is bound to one location at most. */
  servers: string[];
}
