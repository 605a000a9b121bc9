// Request count and duration per method and route, counted in plain arrays and rendered as Prometheus metrics
// only when /metrics is scraped. prom-client's own Counter and Histogram hash their label set into a string
// on every call, which cost as much as the rest of a small request's bookkeeping put together.
import type { Registry } from 'prom-client';

interface RouteStats {
  method: string;
  route: string;
  /** Responses by status code. */
  byStatus: Map<number, number>;
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}

interface MetricValue {
  labels: Record<string, string | number>;
  sharedLabels?: Record<string, string>;
  value: number;
  metricName?: string;
}

interface MetricData {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: MetricValue[];
  aggregator: 'sum';
}

export interface HttpMetricsOptions {
  requestsName: string;
  requestsHelp: string;
  durationName: string;
  durationHelp: string;
  /** Upper bounds in seconds, ascending. */
  buckets: readonly number[];
}

/** Records one response per call; registers two metrics shaped like prom-client's Counter and Histogram. */
export class HttpMetrics {
  // Route patterns are few and fixed (one per route, never an id), so the nesting stays small.
  private readonly byRoute = new Map<string, Map<string, RouteStats>>();
  private readonly all: RouteStats[] = [];

  constructor(
    registry: Registry,
    private readonly opts: HttpMetricsOptions,
  ) {
    const metric = (name: string, help: string, type: MetricData['type'], values: () => MetricValue[]) => {
      const data = (): MetricData => ({ name, help, type, values: values(), aggregator: 'sum' });
      return { name, help, type, aggregator: 'sum', get: async () => data(), getForPromString: async () => data() };
    };
    // Registry only reads name, type and get()/getForPromString() from what it is given.
    const register = (m: ReturnType<typeof metric>) => registry.registerMetric(m as unknown as Parameters<Registry['registerMetric']>[0]);
    register(metric(opts.requestsName, opts.requestsHelp, 'counter', () => this.requestValues()));
    register(metric(opts.durationName, opts.durationHelp, 'histogram', () => this.durationValues()));
  }

  record(method: string, route: string, status: number, seconds: number): void {
    let methods = this.byRoute.get(route);
    if (!methods) this.byRoute.set(route, (methods = new Map()));
    let stats = methods.get(method);
    if (!stats) {
      stats = { method, route, byStatus: new Map(), buckets: new Array<number>(this.opts.buckets.length + 1).fill(0), sum: 0, count: 0 };
      methods.set(method, stats);
      this.all.push(stats);
    }
    stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
    const bounds = this.opts.buckets;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]!) i++;
    stats.buckets[i]!++;
    stats.sum += seconds;
    stats.count++;
  }

  private requestValues(): MetricValue[] {
    const values: MetricValue[] = [];
    for (const s of this.all) {
      for (const [status, value] of s.byStatus) values.push({ labels: { method: s.method, route: s.route, status: String(status) }, value });
    }
    return values;
  }

  private durationValues(): MetricValue[] {
    const values: MetricValue[] = [];
    const name = this.opts.durationName;
    for (const s of this.all) {
      const shared = { method: s.method, route: s.route };
      let cumulative = 0;
      this.opts.buckets.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        values.push({ labels: { le }, sharedLabels: shared, value: cumulative, metricName: `${name}_bucket` });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: shared, value: s.count, metricName: `${name}_bucket` });
      values.push({ labels: {}, sharedLabels: shared, value: s.sum, metricName: `${name}_sum` });
      values.push({ labels: {}, sharedLabels: shared, value: s.count, metricName: `${name}_count` });
    }
    return values;
  }
}
