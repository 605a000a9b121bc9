// The hub model of a server warranty: the HPE support entitlement COM knows for one server of a workspace
// (server-warranty.md). One record per server; its own UUID, distinct from the server id.

/** COM's support states (serverWarranty-v1beta2 `supportState`). */
export const SUPPORT_STATES = ['ACTIVE', 'EXPIRED', 'UNKNOWN'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

/** The entitlement data as HPE's support systems report it; all null when nothing is known. */
export interface Entitlement {
  /** First day of coverage, stored as a midnight-UTC timestamp. */
  supportStartDate: string | null;
  /** Last day of coverage, stored as a midnight-UTC timestamp. */
  supportEndDate: string | null;
  /** Kind of coverage, e.g. `Warranty` or `Care Pack`. */
  supportLevel: string | null;
  /** The offering, e.g. `HPE Warranty` or `HPE Tech Care Essential`. */
  contractLevel: string | null;
}

/** A stored warranty record plus its state at the time it was read. */
export interface ServerWarranty extends Entitlement {
  id: string;
  workspaceId: string;
  /** The server (`<productId>+<serialNumber>`) this record belongs to. */
  serverId: string;
  /** Starts at 1; +1 whenever the stored entitlement data changes (conventions §4). */
  generation: number;
  createdAt: string;
  updatedAt: string;
  /**
   * Derived, never stored, so it cannot go stale: ACTIVE inside [start, end], EXPIRED after end, UNKNOWN
   * without dates or before start (server-warranty.md, derivation rule).
   */
  supportState: SupportState;
}
