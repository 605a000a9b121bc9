// /healthz (is the process up and its database reachable) and Prometheus /metrics with request counts and
// latencies per route, labelled by route pattern so ids never explode the label set.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/store.ts';

export const observabilityPlugin = fp(async function observability(app: FastifyInstance, opts: { store: Store }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'opencom_' });
  const requests = new Counter({
    name: 'opencom_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'opencom_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });

  // Labelled children are looked up once per (method, route, status), not hashed on every request.
  const children = new Map<string, { count: () => void; time: (seconds: number) => void }>();
  // A callback hook, not an async one: this runs on every response and needs no promise.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let child = children.get(key);
    if (!child) {
      const counter = requests.labels(request.method, route, String(reply.statusCode));
      const histogram = duration.labels(request.method, route);
      child = { count: () => counter.inc(), time: (seconds) => histogram.observe(seconds) };
      children.set(key, child);
    }
    child.count();
    child.time(reply.elapsedTime / 1000);
    done();
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await opts.store.get('SELECT 1 AS ok');
      return { status: 'ok', database: opts.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: opts.store.dialect });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
