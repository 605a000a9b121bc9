// FNV-1a (32-bit) of a text: the same number on every machine and every start, so values derived from a server's
// id or serial (its AHS size, SAN names, telemetry baseline, generator index) never change between restarts.
// A salt draws independent numbers from the same text.

export function stableHash(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
