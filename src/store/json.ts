// JSON columns come back as text from SQLite and already parsed from PostgreSQL (jsonb).
export function parseJson<T>(value: unknown): T {
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

export function parseJsonOrNull<T>(value: unknown): T | null {
  return value === null || value === undefined ? null : parseJson<T>(value);
}
