import { describe, expect, it } from "vitest";

import { fitOnOneLine, printableText, wrapText } from "./pdf-text";

// One unit per character: widths are easy to reason about.
const widthOf = (text: string) => text.length;

describe("printableText", () => {
  it.each([
    ["plain ASCII", "Reference TCK-99812", "Reference TCK-99812"],
    ["Latin-1 accents", "Ça coûte très cher, señor Müller", "Ça coûte très cher, señor Müller"],
    ["Windows-1252 extras", "40 € — “ok” ‘fine’ … • ™ Œuvre", "40 € — “ok” ‘fine’ … • ™ Œuvre"],
    ["decomposed accents are composed first", "e\u0301te\u0301", "été"],
    ["decomposed Vietnamese is composed", "Nguye\u0302\u0303n", "Nguyễn"],
    ["other scripts are kept", "你好 Привет 王芳", "你好 Привет 王芳"],
    ["accents outside Latin-1", "Łódź Dvořák", "Łódź Dvořák"],
    ["unusual spaces", "10\u00a0AM\u202fEST\u2003x", "10 AM EST x"],
    ["tabs and Windows line ends", "a\tb\r\nc\rd", "a    b\nc\nd"],
    ["controls and invisible characters", "a\u0000b\u0007c\u200bd\u202ee\u00adf\ufeff", "abcdef"],
  ])("%s", (_, input, expected) => {
    expect(printableText(input)).toBe(expected);
  });
});

describe("wrapText", () => {
  it.each([
    ["fits on one line", "one two", 10, ["one two"]],
    ["breaks at spaces", "one two three four", 9, ["one two", "three", "four"]],
    ["breaks a word too long for a line", "abcdefghijkl xy", 5, ["abcde", "fghij", "kl xy"]],
    ["keeps blank lines between paragraphs", "first\n\nsecond", 20, ["first", "", "second"]],
    ["an empty text is one empty line", "", 20, [""]],
    ["drops trailing spaces", "end   ", 20, ["end"]],
  ])("%s", (_, text, width, expected) => {
    expect(wrapText(text, width, widthOf)).toEqual(expected);
  });

  it("never returns a line wider than the limit", () => {
    const text =
      "Agent: your reference number is TCK-99812, call back if nothing by Friday. ".repeat(20);
    const lines = wrapText(text, 37, widthOf);
    expect(lines.every((line) => line.length <= 37)).toBe(true);
    expect(lines.join(" ").replace(/\s+/g, " ").trim()).toBe(text.replace(/\s+/g, " ").trim());
  });
});

describe("fitOnOneLine", () => {
  it("keeps a short line and cuts a long one with an ellipsis", () => {
    expect(fitOnOneLine("Internet  outage\n", 20, widthOf)).toBe("Internet outage");
    expect(fitOnOneLine("Internet outage since Monday", 12, widthOf)).toBe("Internet ou…");
  });
});
