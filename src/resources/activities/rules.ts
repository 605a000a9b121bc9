// Validation of the activity hub model (activities.md §2). Pure; subjects are the wire paths.
import type { Issue } from '../../http/com-error.ts';
import { LANGUAGES, type Activity } from './model.ts';

const KEY = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
// A source URI without its prefix: version segment, then a path of printable characters.
const RESOURCE_PATH = /^v[0-9][a-z0-9]*\/[\x21-\x7e]+$/;

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

export function validateActivity(a: Activity): Issue[] {
  const issues: Issue[] = [];
  if (!KEY.test(a.key)) issues.push(field('key', 'must be UPPER_SNAKE_CASE'));
  for (const name of ['type', 'id', 'name'] as const) {
    if (a.source[name].trim() === '') issues.push(field(`source.${name}`, 'must not be empty'));
  }
  if (a.source.resourcePath !== null && !RESOURCE_PATH.test(a.source.resourcePath)) {
    issues.push(field('source.resourceUri', 'must be a root-relative COM URI such as /compute-ops-mgmt/v1/jobs/<id>'));
  }
  for (const language of LANGUAGES) {
    if (a.text[language].title.trim() === '') issues.push(field('title', `must not be empty (${language})`));
    if (a.text[language].message.trim() === '') issues.push(field('message', `must not be empty (${language})`));
  }
  return issues;
}
