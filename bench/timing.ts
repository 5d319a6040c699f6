/** Milliseconds per run of `task`, after `warmUp` untimed runs (plans and caches are hot). */
export async function time(task: () => Promise<unknown>, runs: number, warmUp = 5) {
  for (let i = 0; i < warmUp; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentiles: every figure is a real sample. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return {
    runs: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    min: round(sorted[0]!),
  };
}
