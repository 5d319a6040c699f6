import { describe, expect, it } from "vitest";

import { detectFileType, extensionMismatch } from "./sniff";

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === "string" ? [...Buffer.from(part, "latin1")] : [...part],
    ),
  );
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const zeros = (n: number) => new Array<number>(n).fill(0);
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => u32be(n).reverse();
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** A 44-byte PCM WAV header: mono, 8 kHz, 16 bit, then a few samples. */
const wav = bytes(
  "RIFF",
  u32le(36 + 8),
  "WAVE",
  "fmt ",
  u32le(16),
  u16le(1),
  u16le(1),
  u32le(8000),
  u32le(16000),
  u16le(2),
  u16le(16),
  "data",
  u32le(8),
  zeros(8),
);

// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
const mp3Frame = [0xff, 0xfb, 0x90, 0x64, ...zeros(413)];
// MPEG-2 Layer III, 64 kbit/s, 22.05 kHz: 208-byte frames.
const mpeg2Frame = [0xff, 0xf3, 0x80, 0xc4, ...zeros(204)];
const id3 = (tag: number[] | Uint8Array) => bytes("ID3", [3, 0, 0], [0, 0, 0, tag.length], tag);

const box = (type: string, ...content: (string | number[] | Uint8Array)[]) => {
  const body = bytes(...content);
  return bytes(u32be(body.length + 8), type, body);
};
const handler = (kind: string) =>
  box("trak", box("mdia", box("hdlr", zeros(8), kind, zeros(12), "handler\0")));
const mp4 = (brand: string, ...tracks: Uint8Array[]) =>
  bytes(
    box("ftyp", brand, zeros(4), brand, "isom"),
    box("moov", ...tracks),
    box("mdat", zeros(16)),
  );

const png = bytes([0x89], "PNG\r\n\x1a\n", u32be(13), "IHDR", zeros(13));
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF", zeros(8));
const webp = bytes("RIFF", u32le(100), "WEBPVP8 ", zeros(16));
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(box("ftyp", major, zeros(4), ...compatible), box("meta", zeros(8)));
// As an iPhone writes it: https://github.com/strukturag/libheif/issues/83
const iphoneHeic = ftyp("heic", "mif1", "MiHE", "MiPr", "miaf", "MiHB", "heic");
const zip = bytes("PK\x03\x04", [20, 0, 0, 0, 8, 0], zeros(20), "transcript.txt");
const exe = bytes(
  "MZ",
  [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff],
  "This program cannot be run",
);
const elf = bytes("\x7fELF", [2, 1, 1, 0], zeros(8), [2, 0, 0x3e, 0]);

const email = [
  "Return-Path: <support@rogers.com>",
  "Received: from mx.rogers.com by mail.example.test;",
  "\tFri, 20 Nov 2026 15:04:00 -0500",
  "From: Rogers Support <support@rogers.com>",
  "To: maya@example.test",
  "Subject: Your ticket TCK-99812",
  "Date: Fri, 20 Nov 2026 15:04:00 -0500",
  "Message-ID: <abc@rogers.com>",
  "MIME-Version: 1.0",
  "",
  "A technician will visit on Monday.",
].join("\r\n");

const transcript =
  "Agent (Priya): Hello, how can I help?\nMe: My internet is down since Monday. Ça va?\n";

const cases: [string, Uint8Array, string | null][] = [
  ["a PDF", bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "application/pdf"],
  ["a PCM WAV header", wav, "audio/wav"],
  ["MP3 frames without a tag", bytes(mp3Frame, mp3Frame), "audio/mpeg"],
  ["MPEG-2 Layer III frames", bytes(mpeg2Frame, mpeg2Frame, mpeg2Frame), "audio/mpeg"],
  ["an ID3 tag then MP3 frames", bytes(id3(bytes("TIT2", zeros(6))), mp3Frame), "audio/mpeg"],
  ["an ID3 tag, padding, then MP3 frames", bytes(id3(zeros(20)), zeros(5), mp3Frame), "audio/mpeg"],
  ["an M4A with a sound track", mp4("M4A ", handler("soun")), "audio/mp4"],
  ["an isom MP4 with only sound", mp4("isom", handler("soun")), "audio/mp4"],
  ["an email message", utf8(email), "message/rfc822"],
  ["a chat transcript", utf8(transcript), "text/plain; charset=utf-8"],
  [
    "a transcript with a BOM and CRLF",
    utf8(`\uFEFF${transcript.replaceAll("\n", "\r\n")}`),
    "text/plain; charset=utf-8",
  ],
  [
    "text with one header-like line",
    utf8("Subject: my call\n\nThey said Monday."),
    "text/plain; charset=utf-8",
  ],

  ["a PNG", png, "image/png"],
  ["a JPEG", jpeg, "image/jpeg"],
  ["a WebP", webp, "image/webp"],
  ["a HEIC photo from an iPhone", iphoneHeic, "image/heic"],
  ["a generic HEIF with the heic brand", ftyp("mif1", "mif1", "heic"), "image/heic"],
  ["a HEIC burst", ftyp("msf1", "msf1", "hevc"), "image/heic"],

  ["an empty file", new Uint8Array(), null],
  ["only whitespace", utf8(" \n\t\n"), null],
  ["a ZIP", zip, null],
  ["a Windows EXE", exe, null],
  ["an ELF binary", elf, null],
  ["an AVIF (HEIF, but AV1)", ftyp("avif", "avif", "mif1", "miaf"), null],
  ["a generic HEIF without an HEVC brand", ftyp("mif1", "mif1", "avif"), null],
  ["half a PNG signature", bytes([0x89], "PNG"), null],
  ["a gzip stream", bytes([0x1f, 0x8b, 8, 0], zeros(12)), null],
  ["AAC (ADTS) frames, not Layer III", bytes([0xff, 0xf1, 0x50, 0x80], zeros(40)), null],
  ["a frame sync with a bad bitrate", bytes([0xff, 0xfb, 0xf0, 0x64], zeros(413)), null],
  ["one MP3 frame header followed by junk", bytes(mp3Frame, "not another frame at all"), null],
  ["an ID3 tag in front of a PNG", bytes(id3(zeros(10)), png), null],
  ["an ID3 tag in front of a JPEG", bytes(id3(zeros(10)), jpeg), null],
  ["an MP4 video", mp4("isom", handler("vide"), handler("soun")), null],
  [
    "an M4A brand without any track box",
    bytes(box("ftyp", "M4A ", zeros(4)), box("mdat", zeros(8))),
    null,
  ],
  ["a QuickTime movie", mp4("qt  ", handler("soun")), null],
  ["an AVI (RIFF but not WAVE)", bytes("RIFF", u32le(100), "AVI LIST", zeros(16)), null],
  ["invalid UTF-8", bytes("caf", [0xc3, 0x28], " au lait"), null],
  ["Latin-1 text", bytes("Caf\xe9 cr\xe8me"), null],
  ["UTF-16 text", new Uint8Array(Buffer.from("\uFEFFhello there", "utf16le")), null],
  ["text with a NUL byte", utf8("hello\0world"), null],
  ["text full of control characters", utf8("a\x01b\x02c\x03d\x04e\x05"), null],
  ["an HTML page", utf8("<!DOCTYPE html><html><body>hi</body></html>"), null],
  ["an html element after blank lines", utf8("\n\n  <HTML><p>hi</p></HTML>"), null],
  ["text with a script tag", utf8("Transcript\n<script>fetch('/api')</script>"), null],
];

describe("detectFileType judges a file by its content", () => {
  it.each(cases)("%s", (_name, input, expected) => {
    expect(detectFileType(input)?.mimeType ?? null).toBe(expected);
  });

  it("says what kind of attachment each type is", () => {
    expect(detectFileType(wav)).toEqual({
      mimeType: "audio/wav",
      extension: "wav",
      kind: "recording",
    });
    expect(detectFileType(utf8(email))?.kind).toBe("email");
    expect(detectFileType(utf8(transcript))?.kind).toBe("transcript");
    expect(detectFileType(bytes("%PDF-1.4"))?.kind).toBe("document");
  });
});

describe("a file's name must agree with what it holds", () => {
  const text = detectFileType(utf8(transcript))!;
  const photo = detectFileType(jpeg)!;
  const heic = detectFileType(iphoneHeic)!;
  it.each<[string, ReturnType<typeof detectFileType>, boolean]>([
    ["chat.txt", text, true],
    ["chat.LOG", text, true],
    ["chat", text, true],
    ["C:\\Users\\maya\\chat.md", text, true],
    [".bashrc", text, true],
    ["chat.", text, true],
    ["evil.exe", text, false],
    ["chat.txt.exe", text, false],
    ["letter.jpeg", photo, true],
    ["letter.JPG", photo, true],
    ["letter.png", photo, false],
    ["IMG_4021.HEIC", heic, true],
    ["IMG_4021.heif", heic, true],
    ["IMG_4021.jpg", heic, false],
  ])("%s", (name, type, agrees) => {
    expect(extensionMismatch(name, type!) === null).toBe(agrees);
  });

  it("says what the file holds and what to rename it to", () => {
    expect(extensionMismatch("evil.exe", text)).toBe(
      "This file's name ends in .exe, but it holds plain text. Rename it to end in .txt, or choose the file you meant.",
    );
    expect(extensionMismatch("x.averyveryverylongextension", photo)).toMatch(
      /^This file's name ends in \.averyveryver…, but it holds a JPEG image\. Rename it to end in \.jpg/,
    );
  });
});
