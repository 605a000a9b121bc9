// The `settings` document on its way in: keys matched case-insensitively (clients send `Default`), merge
// patch applied (settings.md §5.4), and the server-side members filled in (volume ids, appliance status).
import { randomUUID } from 'node:crypto';
import type { Issue } from '../../http/com-error.ts';
import { coerceLenientBooleans } from '../../http/content-negotiation.ts';
import { mergePatch } from '../../http/merge-patch.ts';
import { SETTINGS_KEYS, type SettingCategory, type SettingPayload, type SettingsDocument, type SettingsKey } from './model.ts';
import { payloadSchema } from './payloads.ts';

type PatchDocument = Partial<Record<SettingsKey, SettingPayload | null>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Maps the keys a client sent to DEFAULT/GEN10/GEN11/GEN12 (settings.md §4.7: `DEFAULT` is matched ignoring
 * case, and emitted as `DEFAULT`). Payloads must be objects; `null` only where a patch removes a key.
 */
export function normalizeKeys(raw: Record<string, unknown>, allowNull: boolean): { doc: PatchDocument; issues: Issue[] } {
  const doc: PatchDocument = {};
  const issues: Issue[] = [];
  for (const [sent, value] of Object.entries(raw)) {
    const key = SETTINGS_KEYS.find((k) => k.toLowerCase() === sent.toLowerCase());
    if (!key) {
      issues.push({ source: 'field', subject: `settings.${sent}`, description: `is not one of ${SETTINGS_KEYS.join(', ')}` });
    } else if (key in doc) {
      issues.push({ source: 'field', subject: `settings.${key}`, description: 'is sent more than once' });
    } else if (isObject(value) || (allowNull && value === null)) {
      doc[key] = value;
    } else {
      issues.push({ source: 'field', subject: `settings.${key}`, description: allowNull ? 'must be an object or null' : 'must be an object' });
    }
  }
  return { doc, issues };
}

export function mergeDocument(current: SettingsDocument, patch: PatchDocument): SettingsDocument {
  return mergePatch(current, patch) as SettingsDocument;
}

/** A document with only its non-null payloads, for a create. */
export function withoutNulls(doc: PatchDocument): SettingsDocument {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null)) as SettingsDocument;
}

const APPLIANCE_CATEGORIES: readonly SettingCategory[] = ['OVE_APPLIANCE_SETTINGS_ANY', 'OVE_APPLIANCE_SETTINGS_SYNERGY'];

/**
 * Fills what the server owns: "True"/"False" booleans (client-compat.md), an id for every volume that has
 * none (settings.md §4.2), and the appliance copy `status`, which clients cannot set (§4.8: IN_PROGRESS at
 * creation, kept afterwards).
 */
export function completeDocument(category: SettingCategory, doc: SettingsDocument, previous?: SettingsDocument): SettingsDocument {
  const out: SettingsDocument = {};
  for (const [key, payload] of Object.entries(doc) as [SettingsKey, SettingPayload][]) {
    const p = structuredClone(payload);
    coerceLenientBooleans(payloadSchema(category, p) as Parameters<typeof coerceLenientBooleans>[0], p);
    if (category === 'STORAGE' && Array.isArray(p.volumes)) {
      p.volumes = p.volumes.map((v: unknown) => (isObject(v) && (v.id === undefined || v.id === null) ? { ...v, id: randomUUID() } : v));
    }
    if (APPLIANCE_CATEGORIES.includes(category)) p.status = previous?.[key]?.status ?? 'IN_PROGRESS';
    out[key] = p;
  }
  return out;
}
