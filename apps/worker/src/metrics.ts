import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the worker counts for /metrics (Prometheus text): counts and durations, no personal data. */
export interface WorkerMetrics {
  /** Emails the SMTP server accepted. */
  sent(count: number): void;
  /** Sends that failed (retried later, or failed for good after the last attempt). */
  failed(count: number): void;
  /** How late timers were fired after their due time, in ms. */
  timerLateness(ms: number[]): void;
}

/**
 * The worker's metrics registry: emails sent and failed, timer lateness, and, read when
 * scraped, each queue's jobs by state (`queueDepths`, the producer's).
 */
export function createWorkerMetrics(
  queueDepths: () => Promise<Record<string, Record<string, number>>>,
) {
  const registry = new Registry();
  const sent = new Counter({
    name: "caseward_emails_sent_total",
    help: "Emails the SMTP server accepted.",
    registers: [registry],
  });
  const failed = new Counter({
    name: "caseward_emails_failed_total",
    help: "Email sends that failed (each is retried until its last attempt).",
    registers: [registry],
  });
  const lateness = new Histogram({
    name: "caseward_timer_lateness_seconds",
    help: "How long after its due time a timer was fired.",
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  new Gauge({
    name: "caseward_queue_jobs",
    help: "Jobs in each queue, by state.",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, counts] of Object.entries(await queueDepths()))
        for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
    },
  });
  const metrics: WorkerMetrics = {
    sent: (count) => {
      if (count > 0) sent.inc(count);
    },
    failed: (count) => {
      if (count > 0) failed.inc(count);
    },
    timerLateness: (ms) => {
      for (const late of ms) lateness.observe(Math.max(0, late) / 1000);
    },
  };
  return { registry, metrics };
}
