// Characters that pass for a Latin letter at a glance: Cyrillic and Greek letters, Latin letters
// that keep no base letter once accents are removed, and digits or symbols typed for letters.
// A subset of Unicode's confusables (https://www.unicode.org/reports/tr39/#Confusable_Detection)
// limited to what shows up in phishing domains.
// Each string lists characters that pass for the letter after it.
const lookalikeGroups: ReadonlyArray<readonly [string, string]> = [
  ["аα4", "a"],
  ["вьβ8", "b"],
  ["с", "c"],
  ["ԁđ", "d"],
  ["еε3", "e"],
  ["9", "g"],
  ["нһħ", "h"],
  ["ј", "j"],
  ["кκ", "k"],
  ["іӏιıł1|i", "l"],
  ["м", "m"],
  ["η", "n"],
  ["оοø0", "o"],
  ["рρ", "p"],
  ["ԛ", "q"],
  ["г", "r"],
  ["ѕ5", "s"],
  ["тτ7", "t"],
  ["υ", "u"],
  ["ν", "v"],
  ["ԝω", "w"],
  ["хχ", "x"],
  ["у", "y"],
];
// 1, l, I and i (and their dotless or foreign cousins) look alike in many fonts, hence "l".
const lookalikeCharacters = new Map(
  lookalikeGroups.flatMap(([characters, letter]) =>
    Array.from(characters, (character) => [character, letter] as const),
  ),
);

// Pairs of letters that read as one letter: "rn" as m, "vv" as w, "cl" as d.
const lookalikePairs: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, "m"],
  [/vv/g, "w"],
  [/cl/g, "d"],
];

/**
 * What a text looks like rather than what it is: two names with the same skeleton are easily
 * mistaken for each other ("paypa1", "pаypal" with a Cyrillic а and "paypal" all give "paypal").
 */
export function skeleton(text: string): string {
  const plain = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  let result = Array.from(
    plain,
    (character) => lookalikeCharacters.get(character) ?? character,
  ).join("");
  for (const [pair, letter] of lookalikePairs) result = result.replace(pair, letter);
  return result;
}

const scripts = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Armenian}/u,
];

/** A single name written with letters from several alphabets is almost always a disguise. */
export function mixesScripts(text: string): boolean {
  return scripts.filter((script) => script.test(text)).length > 1;
}

export function isAscii(text: string): boolean {
  return /^\p{ASCII}*$/u.test(text);
}
