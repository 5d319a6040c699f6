// The Message-ID of a raw message, read by the receiver before anything parses the message: it
// is the key that makes a second delivery of the same message a duplicate. Only the header
// block is read, and only its first `headerScanBytes` (a header bomb costs nothing more).

/** How much of a message's start is searched for its header block. */
export const headerScanBytes = 256 * 1024;

/**
 * The Message-ID header's value (`<id@host>`), or null when there is none in the header block
 * (or the block is longer than `headerScanBytes`). Folded lines are unfolded; the first
 * Message-ID wins.
 */
export function messageIdOf(raw: Uint8Array): string | null {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, headerScanBytes));
  const text = head.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const block = end >= 0 ? text.slice(0, end) : raw.byteLength <= headerScanBytes ? text : "";
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  const line = /^message-id[ \t]*:[ \t]*(.*)$/im.exec(unfolded)?.[1]?.trim();
  if (!line) return null;
  const bracketed = /<[^<>\s]{1,900}>/.exec(line)?.[0];
  const id = bracketed ?? line.split(/\s/)[0]!;
  return id.length > 0 && id.length <= 998 ? id : null;
}
