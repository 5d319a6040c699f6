/** How long a fired timer is remembered, and how many at most. */
const keepMs = 10 * 60_000;
const keepAtMost = 100_000;

export type FiredTimers = ReturnType<typeof createFiredTimers>;

/**
 * The timers this process fired lately. A burst of deadlines is fired in batches by its first
 * jobs; each later job would read the database only to find its timer fired. Fired is final
 * (no timer goes back to pending), so a job whose timer is here has nothing to do. A job whose
 * timer another process fired still asks the database.
 */
export function createFiredTimers() {
  const fired = new Map<string, number>();
  return {
    add(timerIds: string[]) {
      const now = Date.now();
      for (const id of timerIds) fired.set(id, now);
      // Oldest first (insertion order): drop what is too old or too many.
      for (const [id, at] of fired) {
        if (fired.size <= keepAtMost && now - at < keepMs) break;
        fired.delete(id);
      }
    },
    has: (timerId: string) => {
      const at = fired.get(timerId);
      return at !== undefined && Date.now() - at < keepMs;
    },
  };
}
