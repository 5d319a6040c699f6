// After each 250 the receiver queues the message's filing. One round trip to Redis per
// message costs the receiver as much time as the store itself under load (issue 15's bench):
// the ids stored within `windowMs` of each other are queued together instead.

/** Coalesces `queue(ids)` calls made within `windowMs` into one (at most `maxIds` ids). */
export function filingBatch(
  queue: (ids: string[]) => Promise<void>,
  { windowMs = 5, maxIds = 500 }: { windowMs?: number; maxIds?: number } = {},
) {
  let pending: string[] = [];
  let done: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let flushNow: () => void = () => undefined;

  return (ids: string[]): Promise<void> => {
    pending.push(...ids);
    if (!done) {
      done = new Promise<void>((resolve, reject) => {
        flushNow = () => {
          clearTimeout(timer);
          const batch = pending;
          pending = [];
          done = undefined;
          queue(batch).then(resolve, reject);
        };
        timer = setTimeout(flushNow, windowMs);
      });
    }
    const batch = done;
    if (pending.length >= maxIds) flushNow();
    return batch;
  };
}
