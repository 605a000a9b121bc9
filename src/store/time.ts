// Timestamps are stored and served as fixed-width RFC 3339 UTC with microseconds (COM's examples use
// `2026-01-12T09:21:35.489466Z`), so text comparison in SQL orders them correctly.

let lastMicros = 0n;

/** Now, as stored text; strictly increasing within the process so updates always move updatedAt forward. */
export function nowTimestamp(): string {
  const micros = BigInt(Date.now()) * 1000n;
  lastMicros = micros > lastMicros ? micros : lastMicros + 1n;
  return formatMicros(lastMicros);
}

export function formatMicros(micros: bigint): string {
  const ms = Number(micros / 1000n);
  const frac = (micros % 1_000_000n).toString().padStart(6, '0');
  return new Date(ms).toISOString().slice(0, 19) + '.' + frac + 'Z';
}

/** Converts any date-time the database or a client hands us to the stored form. */
export function toStoredTimestamp(value: string | Date): string {
  if (value instanceof Date) return formatMicros(BigInt(value.getTime()) * 1000n);
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) throw new Error(`not a timestamp: ${value}`);
  const [, date, time, fraction = '', zone = 'Z'] = m;
  const base = Date.parse(`${date}T${time}${zone.toUpperCase() === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(base)) throw new Error(`not a timestamp: ${value}`);
  const micros = BigInt(base) * 1000n + BigInt((fraction + '000000').slice(0, 6));
  return formatMicros(micros);
}
