import { describe, expect, it } from "vitest";

import { attachmentContentDisposition, displayFileName, downloadFileName } from "./file-name";

describe("displayFileName keeps a name fit to show, never a path", () => {
  it.each([
    ["call with Priya.mp3", "call with Priya.mp3"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\maya\\Desktop\\chat.txt", "chat.txt"],
    ["  spaced.txt  ", "spaced.txt"],
    ["bell\u0000\u0007\nnotes.txt", "bellnotes.txt"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["", "attachment.txt"],
    ["..", "attachment.txt"],
    ["dir/", "attachment.txt"],
    ["e\u0301te\u0301.txt", "été.txt"],
    [`${"a".repeat(300)}.m4a`, `${"a".repeat(196)}.m4a`],
    [`${"é".repeat(250)}`, "é".repeat(200)],
  ])("%j → %j", (input, expected) => {
    expect(displayFileName(input, "txt")).toBe(expected);
  });
});

describe("downloads", () => {
  it.each([
    ["chat.txt", "text/plain; charset=utf-8", "chat.txt"],
    ["CHAT.TXT", "text/plain; charset=utf-8", "CHAT.TXT"],
    ["page.html", "text/plain; charset=utf-8", "page.html.txt"],
    ["call", "audio/mpeg", "call.mp3"],
    ["voice memo.mp4", "audio/mp4", "voice memo.mp4.m4a"],
    ["odd.bin", "application/octet-stream", "odd.bin"],
  ])("%s of type %s is saved as %s", (name, mimeType, expected) => {
    expect(downloadFileName(name, mimeType)).toBe(expected);
  });

  it("names the file in ASCII and in UTF-8", () => {
    expect(attachmentContentDisposition('Appel "Bell" (été) 100%.txt')).toBe(
      `attachment; filename="Appel _Bell_ (_t_) 100_.txt"; filename*=UTF-8''Appel%20%22Bell%22%20%28%C3%A9t%C3%A9%29%20100%25.txt`,
    );
  });
});
