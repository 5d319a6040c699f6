import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("useTranslations", () => {
  it("comes from ~/i18n/translations (messages with values written without ICU), never next-intl's", () => {
    const direct = sources(src).filter((file) => {
      if (file.endsWith(join("i18n", "translations.ts"))) return false;
      const code = readFileSync(file, "utf8");
      return /import\s*\{[^}]*\buseTranslations\b[^}]*\}\s*from\s*["']next-intl["']/.test(code);
    });
    expect(direct.map((file) => relative(src, file))).toEqual([]);
  });
});
