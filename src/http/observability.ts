// /healthz (is the process up and its database reachable) and Prometheus /metrics with request counts and
// latencies per route, labelled by route pattern so ids never explode the label set.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/store.ts';
import { HttpMetrics } from './http-metrics.ts';

export const observabilityPlugin = fp(async function observability(app: FastifyInstance, opts: { store: Store }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'opencom_' });
  const metrics = new HttpMetrics(registry, {
    requestsName: 'opencom_http_requests_total',
    requestsHelp: 'HTTP requests by method, route and status',
    durationName: 'opencom_http_request_duration_seconds',
    durationHelp: 'HTTP request duration by method and route',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  });

  // A callback hook, not an async one: this runs on every response and needs no promise.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.record(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
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
