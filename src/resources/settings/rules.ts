// Validation of the hub model (settings.md §2–§4): pure functions returning issues with the dotted subjects
// COM clients see. The category picks the payload schema (the OpenAPI's `oneOf` cannot: settings.md §3).
import { Value } from '@sinclair/typebox/value';
import type { Issue } from '../../http/com-error.ts';
import { keysOf, SETTINGS_KEYS, type PayloadProfile, type SettingCategory, type SettingsDocument } from './model.ts';
import { MIN_DRIVES, payloadSchema, type RAID_TYPES } from './payloads.ts';

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

/** The fields rules look at; a create draft and a stored setting both qualify. */
export interface SettingContent {
  name: string;
  description: string | null;
  category: SettingCategory;
  settings: SettingsDocument | undefined;
}

export function validateSetting(s: SettingContent, profile: PayloadProfile): Issue[] {
  const issues: Issue[] = [];
  if (s.name.length < 1 || s.name.length > 100) issues.push(field('name', 'must be 1 to 100 characters'));
  if (s.description !== null && s.description.length > 10000) issues.push(field('description', 'must be at most 10000 characters'));
  if (s.settings === undefined) return [...issues, field('settings', `is required for category ${s.category}`)];
  issues.push(...documentIssues(s.category, s.settings, profile));
  return dedupe(issues);
}

function documentIssues(category: SettingCategory, doc: SettingsDocument, profile: PayloadProfile): Issue[] {
  const allowed = keysOf(category);
  const issues: Issue[] = [];
  for (const key of SETTINGS_KEYS) {
    if (doc[key] !== undefined && !allowed.includes(key)) issues.push(field(`settings.${key}`, `is not a key of category ${category}; use ${allowed.join(', ')}`));
  }
  if (!allowed.some((k) => doc[k] !== undefined)) issues.push(field('settings', `needs ${category === 'FIRMWARE' ? 'at least one of ' : ''}${allowed.join(', ')}`));
  for (const key of allowed) {
    const payload = doc[key];
    if (payload !== undefined) issues.push(...payloadIssues(category, payload, `settings.${key}`, profile));
  }
  return issues;
}

function payloadIssues(category: SettingCategory, payload: Record<string, unknown>, at: string, profile: PayloadProfile): Issue[] {
  const schema = payloadSchema(category, payload);
  const issues = [...Value.Errors(schema, payload)].map((e) => field(subjectOf(at, e.path), e.message));
  if (issues.length) return issues;
  switch (category) {
    case 'OS':
      return osIssues(payload, at, profile);
    case 'STORAGE':
      return 'volumes' in payload ? volumeIssues(payload.volumes as Record<string, unknown>[], at) : singleVolumeIssues(payload, at);
    case 'OVE_APPLIANCE_SETTINGS_ANY':
    case 'OVE_APPLIANCE_SETTINGS_SYNERGY':
      return applianceIssues(payload, at);
    default:
      return [];
  }
}

function osIssues(p: Record<string, unknown>, at: string, profile: PayloadProfile): Issue[] {
  const issues: Issue[] = [];
  if (!profile.osTypes.includes(p.osType as string)) issues.push(field(`${at}.osType`, `must be one of ${profile.osTypes.join(', ')}`));
  for (const key of ['mediaUrl', 'unattendedInstallationFileUrl']) {
    if (typeof p[key] === 'string' && !URL.canParse(p[key])) issues.push(field(`${at}.${key}`, 'must be a full URL'));
  }
  return issues;
}

function singleVolumeIssues(p: Record<string, unknown>, at: string): Issue[] {
  const size = p.volumeSizeInGB as number;
  return size > 0 || size === -1 ? [] : [field(`${at}.volumeSizeInGB`, 'must be greater than 0, or -1 for the whole disk')];
}

/** Spare drives make no sense without redundancy; too few drives cannot build the RAID (settings.md §4.2). */
function volumeIssues(volumes: Record<string, unknown>[], at: string): Issue[] {
  const issues: Issue[] = [];
  volumes.forEach((v, i) => {
    const raid = v.raidType as (typeof RAID_TYPES)[number];
    if (raid === 'RAID0' && typeof v.spareDriveCount === 'number' && v.spareDriveCount > 0) {
      issues.push(field(`${at}.volumes.${i}.spareDriveCount`, 'spare drives are not allowed with RAID0'));
    }
    if (typeof v.driveCount === 'number' && v.driveCount < MIN_DRIVES[raid]) {
      issues.push(field(`${at}.volumes.${i}.driveCount`, `${raid} needs at least ${MIN_DRIVES[raid]} drives`));
    }
  });
  const ids = volumes.map((v) => v.id).filter((id): id is string => typeof id === 'string');
  if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) issues.push(field(`${at}.volumes`, 'volume ids must be unique'));
  return issues;
}

/** Consent to store sensitive data is mandatory; the reserved VLAN range has fixed bounds (settings.md §4.8, §4.9). */
function applianceIssues(p: Record<string, unknown>, at: string): Issue[] {
  const issues: Issue[] = [];
  if (p.allowSensitiveInfoUse !== true) issues.push(field(`${at}.allowSensitiveInfoUse`, 'must be true'));
  const range = (p.globalSettings as { reservedVlanRange?: { start?: number; length?: number } } | undefined)?.reservedVlanRange;
  if (range?.length !== undefined && range.length !== 0 && (range.length < 60 || range.length > 128)) {
    issues.push(field(`${at}.globalSettings.reservedVlanRange.length`, 'must be 0 or from 60 to 128'));
  }
  if (range?.start !== undefined && range.length !== undefined && range.start + range.length > 4095) {
    issues.push(field(`${at}.globalSettings.reservedVlanRange`, 'start + length must not exceed 4095'));
  }
  return issues;
}

/** `/volumes/0/raidType` under `settings.DEFAULT` → `settings.DEFAULT.volumes.0.raidType`. */
function subjectOf(at: string, pointer: string): string {
  const parts = pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [at, ...parts].join('.');
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Map<string, Issue>();
  for (const i of issues) if (!seen.has(i.subject)) seen.set(i.subject, i);
  return [...seen.values()];
}
