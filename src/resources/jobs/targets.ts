// How each API version names a job's target and template, both ways (jobs.md §2, "Resource type ⇄ legacy
// URI mapping"): v1 `compute-ops-mgmt/<type>` + id, legacy URIs of the target's collection, and template
// references given as a bare id or as any job-templates URI.
import { resourceUri, type ApiScope } from '../../http/api-scope.ts';
import { JOB_RESOURCE_TYPES, type JobResourceType } from '../../job-engine/model.ts';

/** The collection word a legacy view shows as `resource.type`, and the path segment of the target's URI. */
export const COLLECTION_OF: Readonly<Record<JobResourceType, string>> = {
  server: 'servers',
  group: 'groups',
  'oneview-appliance': 'oneview-appliances',
  setting: 'settings',
  'external-service': 'external-services',
  filter: 'filters',
};

/** The version a legacy view's `associatedResourceUri` uses per target type (jobs.md §2 examples). */
const LEGACY_URI_VERSION: Readonly<Record<JobResourceType, string | undefined>> = {
  server: 'v1beta2',
  // Groups follow the job view's own version (v1beta3 → v1beta3/groups, v1beta2 → v1beta2/groups).
  group: undefined,
  'oneview-appliance': 'v1beta1',
  setting: 'v1beta1',
  'external-service': 'v1beta1',
  filter: 'v1beta1',
};

const TYPE_BY_COLLECTION = new Map<string, JobResourceType>([
  ...Object.entries(COLLECTION_OF).map(([type, collection]) => [collection, type as JobResourceType] as const),
  // OneView appliances were once served under /v1beta1/appliances.
  ['appliances', 'oneview-appliance'],
]);

const V1_TYPE = /^(?:compute-ops-mgmt|compute-ops)\/([a-z-]+)$/i;

/** `compute-ops-mgmt/server` (or the old `compute-ops/server`) → `server`; undefined for anything else. */
export function parseResourceType(text: string): JobResourceType | undefined {
  const kind = V1_TYPE.exec(text.trim())?.[1]?.toLowerCase();
  return JOB_RESOURCE_TYPES.find((t) => t === kind);
}

// Either COM prefix or the v1beta1-era /api/compute, any version, the collection, and one id segment.
const TARGET_URI = /^\/(?:compute-ops-mgmt|compute-ops|api\/compute)\/v\d+(?:(?:alpha|beta)\d+)?\/([a-z-]+)\/([^/?#]+)\/?$/i;

/** The path of a URI that may come absolute (`https://host/compute-ops-mgmt/…`) or root-relative. */
function pathOf(uri: string): string {
  const trimmed = uri.trim();
  const absolute = /^https?:\/\/[^/]+(\/.*)?$/i.exec(trimmed);
  return absolute ? (absolute[1] ?? '/') : trimmed;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A legacy `resourceUri` → the target it names; undefined when it names no job target. */
export function parseTargetUri(uri: string): { type: JobResourceType; id: string } | undefined {
  const m = TARGET_URI.exec(pathOf(uri));
  if (!m) return undefined;
  const type = TYPE_BY_COLLECTION.get(m[1]!.toLowerCase());
  const id = decodeSegment(m[2]!);
  return type && id ? { type, id } : undefined;
}

const TEMPLATE_URI = /^\/(?:compute-ops-mgmt|compute-ops|api\/compute)\/v\d+(?:(?:alpha|beta)\d+)?\/job-templates\/([^/?#]+)\/?$/i;

/** A `jobTemplateUri`: the template id it names, whether given bare or as a job-templates URI (jobs.md §5). */
export function parseTemplateRef(ref: string): string {
  const trimmed = ref.trim();
  const m = TEMPLATE_URI.exec(pathOf(trimmed));
  return (m ? (decodeSegment(m[1]!) ?? m[1]!) : trimmed).toLowerCase();
}

/** The self link of a template, published as v1beta2 only. */
export function templateUri(scope: ApiScope, templateId: string): string {
  return resourceUri({ prefix: scope.prefix, version: 'v1beta2' }, `job-templates/${templateId}`);
}

/** The URI a legacy view names the target by. */
export function targetUri(scope: ApiScope, target: { type: JobResourceType; id: string }): string {
  const version = LEGACY_URI_VERSION[target.type] ?? scope.version;
  return resourceUri({ prefix: scope.prefix, version }, `${COLLECTION_OF[target.type]}/${target.id}`);
}
