import type { AttachmentKind } from "@caseward/db/vocabulary";

export interface DetectedFileType {
  mimeType: string;
  /** The extension a download of this type is saved with. */
  extension: string;
  kind: AttachmentKind;
}

const pdf: DetectedFileType = { mimeType: "application/pdf", extension: "pdf", kind: "document" };
const wav: DetectedFileType = { mimeType: "audio/wav", extension: "wav", kind: "recording" };
const mp3: DetectedFileType = { mimeType: "audio/mpeg", extension: "mp3", kind: "recording" };
const m4a: DetectedFileType = { mimeType: "audio/mp4", extension: "m4a", kind: "recording" };
const eml: DetectedFileType = { mimeType: "message/rfc822", extension: "eml", kind: "email" };
const txt: DetectedFileType = {
  mimeType: "text/plain; charset=utf-8",
  extension: "txt",
  kind: "transcript",
};
const png: DetectedFileType = { mimeType: "image/png", extension: "png", kind: "image" };
const jpeg: DetectedFileType = { mimeType: "image/jpeg", extension: "jpg", kind: "image" };
const webp: DetectedFileType = { mimeType: "image/webp", extension: "webp", kind: "image" };
const heic: DetectedFileType = { mimeType: "image/heic", extension: "heic", kind: "image" };

const fileTypes = [pdf, wav, mp3, m4a, eml, txt, png, jpeg, webp, heic];

// The extensions a file of each type is found under. An email saved from a mail program as
// text is still an email; a chat exported as .log or .md is still text.
const extensionsOf = new Map<DetectedFileType, readonly string[]>([
  [pdf, ["pdf"]],
  [wav, ["wav", "wave"]],
  [mp3, ["mp3"]],
  [m4a, ["m4a", "mp4"]],
  [eml, ["eml", "txt", "text"]],
  [txt, ["txt", "text", "log", "md", "csv"]],
  [png, ["png"]],
  [jpeg, ["jpg", "jpeg", "jpe", "jfif"]],
  [webp, ["webp"]],
  [heic, ["heic", "heif", "hif"]],
]);

/** What a file holds, in the words of an error message. */
const described = new Map<DetectedFileType, string>([
  [pdf, "a PDF document"],
  [wav, "a WAV recording"],
  [mp3, "an MP3 recording"],
  [m4a, "an M4A recording"],
  [eml, "an email"],
  [txt, "plain text"],
  [png, "a PNG image"],
  [jpeg, "a JPEG image"],
  [webp, "a WebP image"],
  [heic, "a HEIC photo"],
]);

/** The extension files of a type we keep are saved with, from the type we detected. */
export const extensionForMimeType = (mimeType: string) =>
  fileTypes.find((type) => type.mimeType === mimeType)?.extension;

/** What the upload accepts, in the words the user sees in errors and in the file picker. */
export const allowedFileTypesText =
  "a text (.txt), email (.eml), PDF, MP3, M4A or WAV file, or a PNG, JPEG, WebP or HEIC image";

/**
 * Why a file's name does not fit what it holds, or null when it does: a name that ends in an
 * extension must end in one of its type's (a text file named `evil.exe` is refused, so that
 * nobody downloads it later and runs it). A name without any extension is fine: the download
 * gets the right one.
 */
export function extensionMismatch(fileName: string, type: DetectedFileType): string | null {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return null;
  const extension = base.slice(dot + 1).toLowerCase();
  const allowed = extensionsOf.get(type) ?? [type.extension];
  if (allowed.includes(extension)) return null;
  const shown = extension.length > 12 ? `${extension.slice(0, 12)}…` : extension;
  return `This file's name ends in .${shown}, but it holds ${described.get(type) ?? "something else"}. Rename it to end in .${type.extension}, or choose the file you meant.`;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWithBytes = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/**
 * The type of a file judged by its content only; the name the user gave it is never trusted.
 * Anything not recognised is null and must be refused.
 */
export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return pdf;
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE") return wav;
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return webp;
  // https://www.w3.org/TR/png-3/#5PNG-file-signature
  if (startsWithBytes(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  // SOI then the first marker: JPEG files begin FF D8 FF (ITU T.81, B.1.1.2).
  if (startsWithBytes(bytes, [0xff, 0xd8, 0xff])) return jpeg;
  if (isHeic(bytes)) return heic;
  if (isMp3(bytes)) return mp3;
  if (isAudioMp4(bytes)) return m4a;
  const text = decodeUtf8(bytes);
  if (text === null || !looksLikePlainText(text) || looksLikeHtml(text)) return null;
  return isEmailMessage(text) ? eml : txt;
}

// --- MP3 -----------------------------------------------------------------------------------

// Layer III bitrates in kbit/s by bitrate index; 0 (free format) and 15 are not accepted.
const mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];
const mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0];
const sampleRates: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/**
 * Length of the MPEG Layer III frame whose header starts at `at`, or null when there is none.
 * Header layout: http://www.mp3-tech.org/programmer/frame_header.html
 */
function mp3FrameLength(bytes: Uint8Array, at: number): number | null {
  const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]];
  if (b0 === undefined || b1 === undefined || b2 === undefined) return null;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  if (layer !== 0b01) return null; // Layer III only: that is what .mp3 means
  const rates = sampleRates[version];
  const bitrate = (version === 3 ? mpeg1Bitrates : mpeg2Bitrates)[b2 >> 4];
  const sampleRate = rates?.[(b2 >> 2) & 0b11];
  if (!bitrate || !sampleRate) return null;
  const padding = (b2 >> 1) & 1;
  return Math.floor(((version === 3 ? 144 : 72) * bitrate * 1000) / sampleRate) + padding;
}

/** A frame header, and the next one where it should be when the file is long enough. */
function startsWithMp3Frames(bytes: Uint8Array, at: number): boolean {
  const length = mp3FrameLength(bytes, at);
  if (length === null) return false;
  const next = at + length;
  return next + 4 > bytes.length || mp3FrameLength(bytes, next) !== null;
}

function isMp3(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 3) !== "ID3") return startsWithMp3Frames(bytes, 0);
  // ID3v2 tag: version 2–4, then a 28-bit "syncsafe" size; audio frames follow the tag.
  const header = bytes.subarray(0, 10);
  if (header.length < 10 || header[3]! < 2 || header[3]! > 4) return false;
  if (header.subarray(6).some((b) => b >= 0x80)) return false;
  const size = (header[6]! << 21) | (header[7]! << 14) | (header[8]! << 7) | header[9]!;
  const hasFooter = (header[5]! & 0x10) !== 0;
  let at = 10 + size + (hasFooter ? 10 : 0);
  while (bytes[at] === 0) at++; // padding some taggers leave after the tag
  return startsWithMp3Frames(bytes, at);
}

// --- M4A -----------------------------------------------------------------------------------

// ISO base media (MP4) brands that audio files are written with; `isom`/`mp42` are generic, so
// the tracks are checked as well: a video is not a recording.
const audioBrands = new Set(["M4A ", "M4B ", "mp42", "mp41", "isom", "iso2", "dash"]);

interface Box {
  type: string;
  start: number; // first byte of the content, after the header
  end: number;
}

function* boxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield { type: ascii(bytes, at + 4, 4), start: at + header, end: at + size };
    at += size;
  }
}

const child = (bytes: Uint8Array, parent: Box, type: string) =>
  [...boxes(bytes, parent.start, parent.end)].filter((box) => box.type === type);

/** `ftyp` with an audio brand, and a `moov` whose tracks include sound and no video. */
function isAudioMp4(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 4) !== "ftyp" || !audioBrands.has(ascii(bytes, 8, 4))) return false;
  const moov = [...boxes(bytes, 0, bytes.length)].find((box) => box.type === "moov");
  if (!moov) return false;
  const handlers = child(bytes, moov, "trak")
    .flatMap((trak) => child(bytes, trak, "mdia"))
    .flatMap((mdia) => child(bytes, mdia, "hdlr"))
    // hdlr content: version/flags (4), pre_defined (4), handler_type (4)
    .map((hdlr) => ascii(bytes, hdlr.start + 8, 4));
  return handlers.includes("soun") && !handlers.includes("vide");
}

// --- HEIC ----------------------------------------------------------------------------------

// HEIF brands of HEVC-coded images (ISO/IEC 23008-12 Annex B): an iPhone writes `heic` as the
// major brand; `mif1`/`msf1` are generic HEIF, HEVC only when `heic`/`heix` is among the
// compatible brands (AVIF files are `mif1` with `avif`).
const heicBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx"]);

function isHeic(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 4) !== "ftyp") return false;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const major = ascii(bytes, 8, 4);
  if (heicBrands.has(major)) return true;
  if (major !== "mif1" && major !== "msf1") return false;
  // ftyp: major brand, minor version (4 bytes), then compatible brands to the box's end.
  for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4) {
    if (heicBrands.has(ascii(bytes, at, 4))) return true;
  }
  return false;
}

// --- Text ----------------------------------------------------------------------------------

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** No NUL and hardly any control characters besides tab, line breaks and form feed. */
function looksLikePlainText(text: string): boolean {
  if (text.trim() === "") return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    const allowed = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowed) || code === 0x7f) controls++;
  }
  return controls <= Math.max(2, text.length / 1000);
}

// Files are served back to the browser that uploaded them. Even with `nosniff` and
// `attachment`, a page that a browser (or a user double-clicking the download) could render
// has no place among transcripts, so HTML is refused rather than stored as text.
function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 1024)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<script");
}

const knownEmailHeaders = new Set([
  "received",
  "from",
  "to",
  "cc",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "return-path",
  "reply-to",
  "sender",
  "content-type",
  "delivered-to",
]);

/**
 * RFC 5322 message: the lines before the first blank one are all header fields (`Name: value`
 * or folded continuations), at least two of them ones every mail has.
 * https://www.rfc-editor.org/rfc/rfc5322#section-2.2
 */
function isEmailMessage(text: string): boolean {
  const blank = text.search(/\r?\n\r?\n/);
  const head = blank === -1 ? text : text.slice(0, blank);
  const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/);
  let known = 0;
  for (const [index, line] of lines.entries()) {
    if (/^[ \t]/.test(line) && index > 0) continue;
    const name = /^([!-9;-~]+):/.exec(line)?.[1];
    if (!name) return false;
    if (knownEmailHeaders.has(name.toLowerCase())) known++;
  }
  return known >= 2;
}
