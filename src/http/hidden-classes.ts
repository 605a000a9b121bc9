// V8 lets objects that start empty and get the same first property share one hidden class only while the
// empty object's list of such transitions has room (about 1,500). Compiling every route's response schemas
// fills that list when the app becomes ready (each serializer registers under a fresh name), and from then on
// an empty object given a property not seen before gets a hidden class of its own: every access to it misses
// V8's caches and takes the slow path. Fastify's per-reply header object and the logger's request-id bindings
// are built that way on every request. Building those shapes once before the app starts, and keeping them
// alive so the transitions are never collected, keeps them on the shared path.

/** Property orders of objects built on every request: reply headers (COM success, 429, others), log bindings. */
const HOT_SHAPES: readonly (readonly string[])[] = [
  ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'content-type', 'content-length'],
  ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'content-type', 'content-length'],
  ['content-type', 'content-length'],
  ['reqId'],
];

const reserved: object[] = [];

/** Creates the hot shapes' transitions; call before the app compiles its routes. Idempotent. */
export function reserveHotShapes(): void {
  if (reserved.length > 0) return;
  for (const keys of HOT_SHAPES) {
    const shape: Record<string, string> = {};
    for (const key of keys) shape[key] = '';
    reserved.push(shape);
  }
}
