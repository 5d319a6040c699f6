import type { RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

import type { RedFlagPhrase } from "./phrases";
import { redFlagPhrases } from "./phrases";

// The scanner: finds the red flags a note or a transcript shows.
//
// The text is normalised (accents stripped, lower case, one kind of apostrophe and space) and
// cut into sentences, and each phrase of ./phrases.ts is tried on each sentence. A match is
// then dropped when:
//   - it is negated: a negation word in the same clause before it, or inside it ("we will
//     never ask for your password", "don't share this code", "ne donnez jamais votre NIP");
//   - `unless` matches it ("the last 4 digits of your card number", "they paid me by wire");
//   - `userActs` is set and the user is the subject ("I bought a gift card" is a support case,
//     "he told me to buy gift cards" is a red flag);
//   - `unlessBefore` matches the clause before it ("the refund will be sent by wire transfer");
//   - `after` is set and the next few words do not match (a "code" is only a one-time code
//     when it was sent, texted or received).
// A condition is not a negation: "if you don't pay today you will be arrested" is a threat.

const NEGATION =
  /\b(?:never|not|no (?:one|legitimate|genuine|real|bank|company|agent|representative|employee)|nobody|none|don't|dont|doesn't|doesnt|didn't|didnt|won't|wont|wouldn't|shouldn't|can't|cannot|mustn't|isn't|aren't|wasn't|jamais|ne|pas|aucune?)\b|n't\b|\bn'(?=[a-z])/;
/** "If you don't pay, you will be arrested": the condition does not negate the threat. */
const CONDITION =
  /\b(?:if|unless) [^ ]{1,30} (?:don't|dont|do not|didn't|did not|can't|cannot|won't|fail to)\b|\bsi vous ne\b/g;
const CLAUSE_BREAK = /[,;:()"]|\b(?:but|so|then|because|however|mais|donc|puis|car)\b/g;
const USER_IS_SUBJECT =
  /\b(?:(?:i|we)(?:'ve|'d)?(?: (?:had|have|already|just|also|then|once))?(?: (?:used|use|tried))?|j'ai|nous avons) $/;

/** The text of the clause before `index`, up to 60 characters. */
function clauseBefore(sentence: string, index: number): string {
  const before = sentence.slice(Math.max(0, index - 60), index);
  let cut = 0;
  for (const found of before.matchAll(CLAUSE_BREAK)) cut = found.index + found[0].length;
  return before.slice(cut);
}

function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u3000 ]+/g, " ");
}

function phraseMatches(phrase: RedFlagPhrase, sentence: string): boolean {
  if (phrase.inSentence && !phrase.inSentence.test(sentence)) return false;
  if (phrase.notInSentence?.test(sentence)) return false;
  for (const match of sentence.matchAll(phrase.pattern)) {
    const found = match[0];
    if (phrase.unless?.test(found)) continue;
    const before = clauseBefore(sentence, match.index);
    if (phrase.negatable !== false && NEGATION.test((before + found).replace(CONDITION, " ")))
      continue;
    if (phrase.userActs && USER_IS_SUBJECT.test(before)) continue;
    if (phrase.unlessBefore?.test(before)) continue;
    if (phrase.after) {
      const end = match.index + found.length;
      if (!phrase.after.test(sentence.slice(end, end + 100))) continue;
    }
    return true;
  }
  return false;
}

/**
 * The red flags a note or transcript shows, in `redFlagKinds` order, each once. Case, accents
 * and curly apostrophes do not matter. Linear in the length of the text.
 */
export function scanForRedFlags(text: string): RedFlagKind[] {
  const found = new Set<RedFlagKind>();
  // A full stop ends a sentence unless it sits inside a number ("$1.50", "4.2").
  for (const sentence of normalize(text).split(/[!?\n\r]+|\.(?!\d)/)) {
    if (sentence.trim() === "") continue;
    const padded = ` ${sentence.trim()} `;
    for (const phrase of redFlagPhrases) {
      if (!found.has(phrase.kind) && phraseMatches(phrase, padded)) found.add(phrase.kind);
    }
  }
  return redFlagKinds.filter((kind) => found.has(kind));
}
