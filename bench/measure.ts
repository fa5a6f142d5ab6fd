// Timing helpers: a warm-up, then N timed runs (bounded in time), summarized as p50 / p95 / max in ms.

export interface Stat {
  /** Timed runs actually made (fewer than asked when the time bound was reached). */
  n: number;
  p50: number;
  p95: number;
  /** Missing in results saved before it was added. */
  p99?: number;
  max: number;
}

export interface TimeOptions {
  warmup: number;
  iterations: number;
  /** Stop early once the timed runs have taken this long (at least `minIterations` are made). */
  maxMs: number;
  minIterations?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

/** Runs `fn` warm-up times untimed, then times it; returns the stat and the last result. */
export async function timeIt<T>(fn: () => Promise<T>, opts: TimeOptions): Promise<{ stat: Stat; last: T }> {
  let last!: T;
  for (let i = 0; i < opts.warmup; i++) last = await fn();
  const samples: number[] = [];
  const started = performance.now();
  const min = opts.minIterations ?? 5;
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
    if (samples.length >= min && performance.now() - started > opts.maxMs) break;
  }
  return { stat: summarize(samples), last };
}

/** `concurrency` loops calling `fn` back to back for `durationMs`; latency percentiles and throughput. */
export async function loadFor(fn: () => Promise<void>, concurrency: number, durationMs: number): Promise<{ stat: Stat; perSecond: number; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await fn();
        samples.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return { stat: summarize(samples), perSecond: samples.length / elapsed, errors };
}

export const fmtMs = (ms: number): string =>
  Number.isNaN(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);

export const fmtDuration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${(ms / 1000).toFixed(1)} s`;
};

/** Rejects after `ms` with a message naming what took too long. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: gave up after ${fmtDuration(ms)}`)), ms);
  });
  p.catch(() => {}); // after a timeout, the abandoned work's own failure must not crash the process
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
