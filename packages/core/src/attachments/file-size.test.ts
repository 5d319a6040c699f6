import { describe, expect, it } from "vitest";

import { humanFileSize } from "./file-size";

// French writes the size with its own units (octet, kilooctet…: o, ko, Mo, Go, as the OQLF
// writes them), a decimal comma and a no-break space before the unit.
describe("humanFileSize", () => {
  it.each([
    [812, "812 bytes", "812\u00a0o"],
    [14.2 * 1024, "14.2 KB", "14,2\u00a0ko"],
    [25 * 1024 ** 2, "25 MB", "25\u00a0Mo"],
    [3.45 * 1024 ** 2, "3.5 MB", "3,5\u00a0Mo"],
    [1024 ** 3, "1 GB", "1\u00a0Go"],
  ])("%i bytes", (bytes, english, french) => {
    expect(humanFileSize(bytes)).toBe(english);
    expect(humanFileSize(bytes, "en-CA")).toBe(english);
    expect(humanFileSize(bytes, "fr-CA")).toBe(french);
  });
});
