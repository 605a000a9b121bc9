// The hub model of an activity: one entry of a workspace's audit/event feed (activities.md §2). Activities
// are written by other groups through the service and only ever read over HTTP.

/** Languages activities are served in (Accept-Language, conventions §8). English is the fallback. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The human-readable part of an activity in one language. */
export interface ActivityText {
  title: string;
  /** May span lines: `<headline>\n\n<label>: <detail>` (activities.md §2, "formatted message"). */
  message: string;
  recommendedAction: string | null;
}

/** The resource that caused the activity. */
export interface ActivitySource {
  /** Human category, e.g. `Server`, `Group`, `Job`, `Firmware` (activities.md §2). */
  type: string;
  /** Opaque id: a server id, a group or job UUID, `oneview+<uuid>`… */
  id: string;
  name: string;
  /** The source's URI without its prefix, e.g. `v1/jobs/<id>`; the request's prefix is added on the way out. */
  resourcePath: string | null;
  originId: string | null;
}

/** A stored activity. Rendered text is kept per language, so history never changes when templates do. */
export interface Activity {
  id: string;
  workspaceId: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  /** Machine event key, UPPER_SNAKE_CASE `<SCOPE>_<EVENT>`. */
  key: string;
  text: Record<Language, ActivityText>;
  source: ActivitySource;
  associatedServerId: string | null;
  groupId: string | null;
  groupDisplayName: string | null;
  healthState: string | null;
  serverSettingsId: string | null;
  serverSettingsName: string | null;
  serverSettingsCategory: string | null;
  hidden: boolean;
}

/** A run of back-to-back activities with the same key, shown as its newest member (the `groups` parameter). */
export interface ActivityGroup {
  newest: Activity;
  size: number;
}

/** What another group hands to `recordActivity`. */
export interface NewActivity {
  key: string;
  /** Values for the `{name}` placeholders of the key's templates in ACTIVITY_MESSAGES. */
  args?: Readonly<Record<string, string | number>>;
  /** Explicit text, for keys without templates; Japanese falls back to English when absent. */
  text?: { en: ActivityText; ja?: ActivityText };
  source: {
    type: string;
    id: string;
    name: string;
    /** Root-relative COM URI (`/compute-ops-mgmt/v1/jobs/<id>`, either prefix) or a prefix-less `v1/jobs/<id>`. */
    resourceUri?: string | null;
    originId?: string | null;
  };
  associatedServerId?: string | null;
  groupId?: string | null;
  groupDisplayName?: string | null;
  healthState?: string | null;
  serverSettingsId?: string | null;
  serverSettingsName?: string | null;
  serverSettingsCategory?: string | null;
  hidden?: boolean;
  /** When it happened; now when absent. */
  at?: string;
}
