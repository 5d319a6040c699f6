// What state the machine is in when a run starts and ends. These are shared virtual machines whose
// speed swings within a session: the sign-in page, which no change touched, has taken 105 ms of
// Lighthouse's blocking time in one hour and 622 ms in another. The swing is not the CPU: a
// tight loop runs at the same pace either way. It is memory the process has not touched yet.
// The guest hands the pages it frees back to the host (free page reporting), and the first
// write to one then costs the host a fault: 10–18 µs a 4 KB page on a slow hour against well
// under 1 µs when it is resident. Chromium's renderers, V8's heaps growing and a server's GC
// write to fresh pages all the time, so every figure of a run moves with this one.

import { loadavg } from "node:os";

/** Bytes of fresh memory written in one probe: 16,384 pages, 5 ms to 0.3 s. */
const probeBytes = 64 * 1024 * 1024;
const pageBytes = 4096;

export interface HostProbe {
  /** Microseconds to write the first byte of each page of memory just allocated. */
  freshPageMicros: number;
  /** The same pages written again, now resident: the CPU's own pace, for comparison. */
  residentPageMicros: number;
  /** The 1-minute load average, as `uptime` prints it. */
  loadAverage: number;
}

const micros = (start: bigint, pages: number) =>
  Math.round((Number(process.hrtime.bigint() - start) / 1000 / pages) * 1000) / 1000;

/**
 * Writes one byte in each page of a fresh allocation, then again. `allocUnsafeSlow` of this size
 * is an mmap of its own, never memory the process had already, and it is freed with the buffer.
 */
export function probeHost(): HostProbe {
  const pages = probeBytes / pageBytes;
  let start = process.hrtime.bigint();
  const memory = Buffer.allocUnsafeSlow(probeBytes);
  for (let at = 0; at < probeBytes; at += pageBytes) memory[at] = 1;
  const freshPageMicros = micros(start, pages);
  start = process.hrtime.bigint();
  for (let at = 0; at < probeBytes; at += pageBytes) memory[at] = 2;
  const residentPageMicros = micros(start, pages);
  return {
    freshPageMicros,
    residentPageMicros,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
