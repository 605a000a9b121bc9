// The hub model of a user preference: one user's default e-mail notification choices in one workspace.
// Every published version maps to and from this shape only (user-preferences.md §1).

/** The six notification choices; the hub always holds all of them, whatever a version shows. */
export interface NotificationChoices {
  /** Service events (narrowest of the three cumulative event flags). */
  criticalNotification: boolean;
  /** Adds critical events that are not service events. */
  criticalNonServiceNotification: boolean;
  /** Adds warning events (widest). */
  warningNotification: boolean;
  /** Daily health summary; independent. */
  healthNotification: boolean;
  /** Out-of-band power operations; independent. */
  powerResetNotification: boolean;
  /** Hours (1..3) a server must stay disconnected before an e-mail; null = off. */
  disconnectNotification: number | null;
}

/** A stored user preference: the choices plus identity and bookkeeping. */
export interface UserPreference extends NotificationChoices {
  id: string;
  workspaceId: string;
  userId: string;
  /** Starts at 1 and only ever increases, once per change (conventions §4). */
  generation: number;
  createdAt: string;
  updatedAt: string;
}

/** "Initial values": every flag off, disconnect disabled. */
export const ALL_OFF: Readonly<NotificationChoices> = Object.freeze({
  criticalNotification: false,
  criticalNonServiceNotification: false,
  warningNotification: false,
  healthNotification: false,
  powerResetNotification: false,
  disconnectNotification: null,
});

export function choicesOf(p: NotificationChoices): NotificationChoices {
  return {
    criticalNotification: p.criticalNotification,
    criticalNonServiceNotification: p.criticalNonServiceNotification,
    warningNotification: p.warningNotification,
    healthNotification: p.healthNotification,
    powerResetNotification: p.powerResetNotification,
    disconnectNotification: p.disconnectNotification,
  };
}

export function sameChoices(a: NotificationChoices, b: NotificationChoices): boolean {
  return (Object.keys(ALL_OFF) as (keyof NotificationChoices)[]).every((k) => a[k] === b[k]);
}
