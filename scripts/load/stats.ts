/** Latency percentiles and the small formatting helpers the load benchmark prints with. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? 0 };
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

export function formatPercentiles(p: Percentiles): string {
  return `p50 ${ms(p.p50)} ms, p95 ${ms(p.p95)} ms, p99 ${ms(p.p99)} ms`;
}

export const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
