import type { ChannelStatus, ContactDirection, RedFlagKind } from "@caseward/db/vocabulary";
import { redFlagKinds } from "@caseward/db/vocabulary";

/**
 * Red flags (PRODUCT.md glossary): warning signs during a contact. The kinds and their advice,
 * and a scanner that finds them in notes and transcripts, in English and some French.
 */

export { redFlagKinds };
export type { RedFlagKind };

export interface RedFlagDetails {
  title: string;
  /** What the sign means, in one or two sentences. */
  meaning: string;
  /** What to do now. */
  advice: string;
}

export const redFlagDetails: Record<RedFlagKind, RedFlagDetails> = {
  asked_password: {
    title: "Asked for your password",
    meaning:
      "No genuine company needs your password: its staff can reach your account without it. Whoever asks for it wants to get into your account.",
    advice:
      "Do not give it. If you already did, change it now from the official website or app (and anywhere else you use it), then turn on two-step verification.",
  },
  asked_one_time_code: {
    title: "Asked for a one-time code",
    meaning:
      "A code sent to your phone or email proves that you are the one acting. Reading it out lets someone else log in, reset your password or approve a payment as you.",
    advice:
      "Never share a one-time code with anyone, even someone who says they are from the company. Hang up. If you already shared it, call the company on a verified number and ask them to lock your account.",
  },
  asked_full_card_number: {
    title: "Asked for your full card number or the code on the back",
    meaning:
      "To find your account a company needs the last 4 digits at most. The full number, the expiry date and the code on the back are what it takes to spend with your card.",
    advice:
      "Give only the last 4 digits. The one exception is a payment you chose to make on a number you verified, and never the code on the back to prove who you are. If you gave it away, call the number on the back of your card and ask for a new card.",
  },
  asked_remote_access: {
    title: "Asked to connect to your computer or phone",
    meaning:
      "Remote-access apps (AnyDesk, TeamViewer, Quick Assist…) let the other person see and do everything you can, your online banking included.",
    advice:
      "Do not install the app or let them connect. If they already did, disconnect from the internet, uninstall the app, change your banking and email passwords from another device, and have the device checked.",
  },
  asked_gift_card_crypto_wire: {
    title: "Asked to pay with gift cards, crypto or a wire transfer",
    meaning:
      "Genuine companies and government agencies do not take payment in gift cards or cryptocurrency, and never ask you to move money to a 'safe account'. Such payments are almost impossible to get back.",
    advice:
      "Do not pay. Hang up and check with the company on a verified channel whether you owe anything. If you already paid, call the card issuer, your bank or the transfer service at once and report the fraud.",
  },
  pressure_to_act_now: {
    title: "Pressured to act right now",
    meaning:
      "Threats (account closed today, arrest) and requests to keep it secret are there to stop you from thinking and checking. Genuine companies give you time.",
    advice:
      "Slow down. Say you will call back, hang up, and call the company on a number you verified yourself. Talk to someone you trust before you pay or share anything.",
  },
  inbound_unverified: {
    title: "Contacted you from an unverified number or address",
    meaning:
      "Caller ID, sender names and email addresses are easy to fake, so a call or message saying it comes from the company proves nothing.",
    advice:
      "Give no personal information on a contact you did not start. Hang up and call back on a channel you verified (the back of your card, a statement, the official website).",
  },
};

/**
 * PRODUCT.md's inbound red flag, from the contact itself: the company reached the user on a
 * channel that is not verified (or on no known channel at all).
 */
export function isInboundUnverified(contact: {
  direction: ContactDirection;
  channelStatus: ChannelStatus | null;
}): boolean {
  return contact.direction === "inbound" && contact.channelStatus !== "verified";
}

// ---------------------------------------------------------------------------------------------
// The scanner.
//
// The text is normalised (accents stripped, lower case, one kind of apostrophe and space) and
// cut into sentences. Each rule is a regex whose gaps are bounded ("up to N words of up to 30
// characters"), so every match attempt reads a bounded number of characters and the scan is
// linear in the text. A match is then dropped when:
//   - it is negated: a negation word in the same clause before it, or inside it ("we will
//     never ask for your password", "don't share this code", "ne donnez jamais votre NIP");
//   - `unless` matches it ("the last 4 digits of your card number", "they paid me by wire");
//   - `userActs` is set and the user is the subject ("I bought a gift card" is a support case,
//     "he told me to buy gift cards" is a red flag);
//   - `unlessBefore` matches the clause before it ("the refund will be sent by wire transfer");
//   - `after` is set and the next few words do not match (a "code" is only a one-time code
//     when it was sent, texted or received).
// A condition is not a negation: "if you don't pay today you will be arrested" is a threat.
//
// Decisions: a company *sending* a code ("they will send a code by mail to verify my address")
// is normal; only being asked to hand a code over is a red flag. Screen sharing alone and
// "don't hang up" are not flagged: legitimate support does both.

type TextRule = {
  kind: RedFlagKind;
  pattern: RegExp;
  unless?: RegExp;
  /** Tested on the clause before the match. */
  unlessBefore?: RegExp;
  after?: RegExp;
  inSentence?: RegExp;
  /** Skip when the same sentence matches this (a requested closure is not a threat). */
  notInSentence?: RegExp;
  userActs?: boolean;
  /** Rules that are negations themselves ("don't tell your bank") skip the negation check. */
  negatable?: boolean;
};

const rx = (source: string) => new RegExp(source, "g");

/** Up to n more words. Each word is 1–30 non-space characters, which bounds backtracking. */
const gap = (n: number) => String.raw`(?: [^ ]{1,30}){0,${n}}`;

const WHAT_IS = String.raw`what(?:'s|s| is| was| are| were)`;
const RECIPIENT = String.raw`(?:me|us|him|her|them|it to me|the (?:agent|rep|representative|caller|person|technician|tech|man|woman|guy|lady))`;
const ASKING = String.raw`(?:ask(?:ed|s|ing)?|want(?:ed|s)?|need(?:ed|s)?|request(?:ed|s|ing)?|demand(?:ed|s|ing)?|require[ds]?|insist(?:ed|s)? on)`;
const HANDING = String.raw`(?:give|gave|giving|read|reading|tell|told|telling|send|sent|share|shared|provide|provided|spell|repeat|repeated|forward|forwarded|text|texted)`;
const FR_ASK = String.raw`(?:quel est|quel etait|donne[rz]?(?:-moi)?|me donner|dites(?:-moi)?|me dire|lisez(?:-moi)?|me lire|communique[rz]?|me communiquer|demand(?:e|er|ez|ait|erait|ent|eront)|fourni[rs]|fournissez|confirme[rz]?|besoin d[e'])`;

const PASSWORD = String.raw`(?:password|passcode|passphrase|pin(?: number| code)?|mot de passe|nip|code secret|code confidentiel)`;
const NOT_A_PASSWORD_REQUEST =
  /\b(?:one[- ]?time|otp|reset|change[ds]?|changing|update[ds]?|create[ds]?|choose|chose|set|new|forg[eo]t|forgotten|enter(?:ed)?|recover|lock(?:ed)?|expired|app|website|site|page|portal|login|log in|screen|form|strong(?:er)?|weak|activate|activation|atm|terminal|machine|checkout|chip)\b/;

/** "You will need your PIN at the ATM" is about the card, not a request for the PIN. */
const PIN_AT_A_MACHINE =
  /\b(?:atm|activate|activation|terminal|chip and pin|checkout|cash machine|guichet)\b/;

const ONE_TIME_CODE = String.raw`(?:one[- ]?time (?:pass ?)?(?:code|password|pin|passcode)|otp|(?:verification|authentication|auth|2fa|mfa|two[- ]factor|two[- ]step|2[- ]step|sms|text|login|log[- ]?in|sign[- ]?in) code|code (?:de verification|de validation|d'activation|a usage unique|unique|de confirmation|otp|sms|recu par (?:texto|sms|courriel)))`;
const CODE_WAS_SENT =
  /^(?: [^ ]{1,30}){0,6}? (?:sent|send|sending|texted|text|sms|emailed|received|receive|got|get|envoye|envoyer|recu|recevoir|texto|on your (?:phone|screen|cell|mobile|device|app)|from (?:the|your|our) (?:text|sms|app|email))\b/;
const OTP_ASK = String.raw`(?:(?:give|gave|read|tell|told|send|sent|share|shared|provide|provided|forward|forwarded|text|texted|spell) ${RECIPIENT}|read(?: (?:it|them))? (?:out|back|aloud|off)|(?:can|could|would|will) you(?: please)? (?:read|tell|give|repeat|send)|repeat(?:ed)?(?: back)?|${WHAT_IS}|ask(?:ed|s|ing)?(?: (?:me|you|us))? for|(?:ask(?:ed|s|ing)?|told|tell(?:s|ing)?|want(?:ed|s)?) (?:me|you|us) to (?:read|give|tell|send|share|repeat|say|forward|provide)|${FR_ASK})`;

const CARD_OBJECT = String.raw`(?:(?:credit |debit |bank |visa |mastercard |amex |payment )?card(?: number| no\b| #|'s number| numbers)|(?:full|whole|entire|complete|long)(?: (?:credit|debit|visa|mastercard|amex))? (?:card )?number|(?:16|sixteen)[- ]digit (?:card )?number|(?:16|sixteen|15|fifteen) digits|cvv2?|cvc2?|cvn|card verification (?:value|code|number)|(?:security|secret|3[- ]digit|three[- ]digit|4[- ]digit|four[- ]digit|cvv) (?:code|number) (?:on|at|from) the back|(?:3|4|three|four) (?:digits?|numbers) (?:code )?(?:on|at|from) the back|numero(?: complet)? de (?:votre |la |ta )?carte|(?:(?:3|trois) )?chiffres (?:au|du) (?:dos|verso)|cryptogramme)`;
// "told me my card number was…" and "sent me a new card" are news, not requests: no told/sent here.
const CARD_ASK = String.raw`(?:${WHAT_IS}|${ASKING}|give|gave|giving|read|tell|provide|provided|share|shared|repeat|repeated|spell|confirm(?:ed)?|verif(?:y|ied)|${FR_ASK})`;
const NOT_A_FULL_CARD =
  /\b(?:last|ending|ends|final|first|new|stolen|lost|expired|replacement|derniers?|dernieres?)\b/;

const DEVICE = String.raw`(?:computer|pc|mac|laptop|desktop|device|screen|tablet|machine|phone|mouse)`;
const REMOTE_TOOL = String.raw`(?:any ?desk|team ?viewer|quicksupport|quick ?assist|ultra ?viewer|logmein|rustdesk|splashtop|screenconnect|connectwise|gotoassist|bomgar|remotepc|zoho assist|ammyy|aeroadmin|remote utilities|remote desktop)`;
const AGENT_INTENT = String.raw`(?:let me|let us|let's|allow me to|i'll|i will|we'll|we will|i need to|we need to|i have to|we have to|so (?:that )?(?:i|we|he|she|they) can|(?:he|she|they) (?:wanted|tried|asked|wants|want) to)`;

const INSTRUMENT = String.raw`(?:(?:[^ ]{1,30} )?gift ?cards?|(?:google play|play store|itunes|steam|razer gold|vanilla|prepaid) (?:store |visa |debit )?(?:cards?|codes?|vouchers?)|paysafe ?cards?|neosurf|bitcoins?|btc|crypto(?:currency|currencies|s)?|ethereum|usdt|tether|litecoin|wire(?: transfers?)?|western union|money ?grams?|money orders?|(?:safe|secure|protected|safety|holding) account|account for (?:your )?(?:safety|protection|safekeeping)|cartes?[- ]cadeaux?|cartes? prepayees?|crypto-?monnaies?|mandat cash|compte (?:securise|sur|protege))`;
const PAY = String.raw`(?:pay|pays|paying|paid|payment|payments|settle|settling|payer|payez|paye|paiement|regle[rz]?|reglement)`;
const BUY = String.raw`(?:buy|buying|bought|purchase|purchasing|purchased|load|loading|deposit|depositing|deposited|put|putting|convert|converting|acheter|achetez|achete|deposer|deposez)`;
const MOVE = String.raw`(?:send|sending|sent|transfer|transferring|transferred|wire|wiring|wired|move|moving|moved|envoye[rz]?|transfere[rz]?|virer|virez)`;
const PAY_PREPOSITION = String.raw`(?:with|in|by|using|via|through|en|par|avec)`;
/** "The refund will be sent by wire transfer": money coming to the user. */
const REFUND_BEFORE = /\b(?:refunds?|reimbursements?|remboursements?|compensation)\b/;
/** The company paying the user, or a goodwill gift card, is not a red flag. */
const PAID_TO_USER =
  /\b(?:pa(?:y|id)|refund(?:ed)?|reimburs(?:e|ed)|sen[dt]|give|gave|offer(?:ed)?|issue[ds]?|credit(?:ed)?) (?:me|you)\b|\bcompensat|\bgoodwill|\bgeste commercial/;

// Threats: something of yours will be closed or blocked, or you will be arrested or sued. Only
// threats aimed at the user: "I will take legal action" in the user's own notes is not one.
const THREAT = String.raw`(?:(?:account|card|service|access|benefits|sin|ssn|number|compte|carte|acces|numero)${gap(3)} (?:will|would|is going to|are going to|could|may|might|gonna|sera|seront|va|vont|pourrait)${gap(2)} (?:closed|suspended|frozen|locked|blocked|terminated|deactivated|cancell?ed|seized|disconnected|shut (?:off|down)|cut off|compromised|deleted|ferme|suspendu|bloque|gele|resilie|coupe|desactive|saisi|annule)|(?:you|i|we|he|she|they)(?:'ll|'d| will| would| could| may| might| can| are going to| were going to| was going to)? (?:be |get )?(?:arrested|sued|deported|jailed|prosecuted)|(?:legal action|a lawsuit|charges|(?:an )?arrest warrant|a warrant) against you|warrant for your arrest|police (?:will|are|is) (?:coming|come|on (?:their|the|its) way)|vous (?:serez|allez etre|pourriez etre) (?:arrete|poursuivi|expulse)e?s?|mandat d'arret|poursuites contre vous)`;
const URGENCY =
  /\b(?:now|immediately|right away|today|tonight|asap|urgent(?:ly)?|within (?:the next )?(?:\d+|an?|one|two|few) (?:minutes?|mins?|hours?|hrs?)|in (?:the next )?(?:\d+|an?|one|two|few) (?:minutes?|mins?|hours?|hrs?)|unless|if you (?:don't|do not|dont|fail to)|or else|maintenant|immediatement|aujourd'hui|ce soir|sinon|a moins que|dans (?:les )?(?:\d+|quelques) (?:heures?|minutes?)|si vous ne)\b/;
const REQUESTED_BY_USER =
  /\b(?:as (?:i|you|we) (?:asked|requested)|at (?:my|your) request|(?:i|you) requested|i asked (?:them|him|her) to|scheduled|planned|maintenance|repair|upgrade|installation|outage|a ma demande|comme demande|panne|reparation)\b/;

const rules: readonly TextRule[] = [
  // Password, PIN.
  {
    kind: "asked_password",
    pattern: rx(
      String.raw`\b${WHAT_IS}${gap(2)} (?:your|ur|my|the) (?:[^ ]{1,30} ){0,2}${PASSWORD}\b`,
    ),
    unless: NOT_A_PASSWORD_REQUEST,
    notInSentence: PIN_AT_A_MACHINE,
  },
  {
    kind: "asked_password",
    pattern: rx(String.raw`\b${ASKING}${gap(4)} ${PASSWORD}\b`),
    unless: NOT_A_PASSWORD_REQUEST,
    notInSentence: PIN_AT_A_MACHINE,
  },
  {
    kind: "asked_password",
    pattern: rx(String.raw`\b${HANDING} ${RECIPIENT}${gap(3)} ${PASSWORD}\b`),
    unless: NOT_A_PASSWORD_REQUEST,
    notInSentence: PIN_AT_A_MACHINE,
  },
  {
    kind: "asked_password",
    pattern: rx(
      String.raw`\b${FR_ASK}${gap(3)} (?:votre|vos|ton|tes|mon|mes|le|du|de votre|son|ses) ${PASSWORD}\b`,
    ),
  },
  // One-time codes: named ones need only the request; a bare "code" must have been sent.
  {
    kind: "asked_one_time_code",
    pattern: rx(String.raw`\b${OTP_ASK}${gap(3)} ${ONE_TIME_CODE}\b`),
  },
  {
    kind: "asked_one_time_code",
    pattern: rx(String.raw`\b(?:${OTP_ASK}|confirm(?:ed)?)${gap(4)} (?:codes?|digits|numbers)\b`),
    after: CODE_WAS_SENT,
  },
  {
    kind: "asked_one_time_code",
    pattern: rx(
      String.raw`\b(?:read|give|tell|send|repeat|say|spell) (?:it|them)(?: back| out)? to (?:me|us)\b`,
    ),
    inSentence: /\b(?:codes?|otp)\b/,
  },
  // Full card number, CVV.
  {
    kind: "asked_full_card_number",
    pattern: rx(String.raw`\b${CARD_ASK}${gap(4)} ${CARD_OBJECT}`),
    unless: NOT_A_FULL_CARD,
  },
  // Remote access.
  { kind: "asked_remote_access", pattern: rx(String.raw`\b${REMOTE_TOOL}\b`) },
  {
    kind: "asked_remote_access",
    pattern: rx(
      String.raw`\bremote(?:ly)? (?:access|control|connection|session|assistance)\b|\b(?:access|control|connect to|log ?in ?to|get into|take over|see) (?:your|my|the) ${DEVICE} remotely\b`,
    ),
  },
  {
    kind: "asked_remote_access",
    pattern: rx(
      String.raw`\b${AGENT_INTENT}(?: remotely)? (?:connect|log|get|access|go|take control|take over|control)(?: (?:in|into|to|onto|on|of))? (?:your|my|the) ${DEVICE}\b`,
    ),
  },
  {
    kind: "asked_remote_access",
    pattern: rx(
      String.raw`\b(?:take|took|taking|get|have|(?:give|gave|grant|granted) ${RECIPIENT}) (?:remote |full )?(?:control|access) (?:of|over|to) (?:your|my|the) ${DEVICE}\b`,
    ),
  },
  {
    kind: "asked_remote_access",
    pattern: rx(
      String.raw`\b(?:install|download)${gap(4)} (?:remote|screen[- ]sharing|support) (?:app|application|software|program|tool)\b`,
    ),
  },
  {
    kind: "asked_remote_access",
    pattern: rx(
      String.raw`\b(?:prendre|prend|pris|prenne) (?:le )?controle (?:de|sur) (?:votre|ton|mon) (?:ordinateur|ordi|pc|appareil|telephone|ecran)\b|\b(?:acces|controle|connexion|assistance) a distance\b|\bconnecter (?:a|sur) (?:votre|ton|mon) (?:ordinateur|ordi|pc|appareil|ecran)\b`,
    ),
  },
  // Gift cards, crypto, wire transfers, "safe accounts".
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(
      String.raw`\b${PAY}${gap(5)} ${PAY_PREPOSITION} (?:[^ ]{1,30} ){0,2}${INSTRUMENT}\b`,
    ),
    unless: PAID_TO_USER,
    unlessBefore: REFUND_BEFORE,
    userActs: true,
  },
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(String.raw`\b${BUY}${gap(4)} ${INSTRUMENT}\b`),
    unless: PAID_TO_USER,
    unlessBefore: REFUND_BEFORE,
    userActs: true,
  },
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(
      String.raw`\b${MOVE}${gap(3)} (?:${PAY_PREPOSITION}|to|on|into|sur|vers) (?:[^ ]{1,30} ){0,2}${INSTRUMENT}\b`,
    ),
    unless: PAID_TO_USER,
    unlessBefore: REFUND_BEFORE,
    userActs: true,
  },
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(
      String.raw`\b${INSTRUMENT}${gap(3)} (?:as (?:a )?payment|to pay|(?:are|is) accepted|only|en paiement|pour payer|acceptee?s?)\b`,
    ),
    // "Do you accept gift cards as payment?" is the user asking a shop.
    notInSentence: /\b(?:do|does|can|could) (?:you|they|we|i|it) (?:accept|take|use|pay)\b/,
    unless: PAID_TO_USER,
    unlessBefore: REFUND_BEFORE,
    userActs: true,
  },
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(
      String.raw`\bwire (?:me|us|him|her|them|the money|the funds|it)\b|\b(?:bitcoin|btc|crypto) (?:atm|machine|kiosk|terminal)s?\b|\bguichets? (?:bitcoin|crypto)\b`,
    ),
  },
  {
    kind: "asked_gift_card_crypto_wire",
    pattern: rx(
      String.raw`\b(?:read|give|tell|send|text|email|photograph|scratch)${gap(4)} (?:gift ?cards?|google play|itunes|steam|cartes?[- ]cadeaux?)(?: card)? (?:numbers?|codes?|pins?)\b|\b(?:numbers?|codes?|pins?) (?:on|from) (?:the )?back of (?:the |those |these |your )?(?:gift ?cards?|google play|itunes|steam)`,
    ),
    unless: PAID_TO_USER,
  },
  // Pressure and secrecy.
  {
    kind: "pressure_to_act_now",
    pattern: rx(
      String.raw`\bact (?:now|immediately|quickly|fast|today|right away|right now)\b|\bagisse[zr]? (?:maintenant|immediatement|vite|rapidement|tout de suite)\b|\b(?:your|the|this is your) (?:last|final) (?:chance|warning)\b|\bderniere chance\b|\bbefore it'?s too late\b|\bavant qu'il ne soit trop tard\b`,
    ),
  },
  {
    kind: "pressure_to_act_now",
    pattern: rx(String.raw`\b${THREAT}\b`),
    inSentence: URGENCY,
    notInSentence: REQUESTED_BY_USER,
  },
  {
    kind: "pressure_to_act_now",
    negatable: false,
    pattern: rx(
      String.raw`\b(?:don't|do not|dont|never) (?:tell|inform|call|contact|talk to|speak to|speak with|talk with|mention (?:this|it) to) (?:your (?:bank|branch|family|spouse|wife|husband|partner|kids|children|son|daughter|advisor|adviser)|the (?:bank|teller|branch|police)|bank staff|(?:anyone|anybody) (?:at|in) (?:the|your) (?:bank|branch)|(?:anyone|anybody) about (?:this|our|the) (?:call|conversation|investigation|case|operation))\b|\bkeep (?:this|it|our (?:call|conversation)) (?:a )?(?:secret|confidential|between us|to yourself)\b|\bif (?:they|the bank|anyone|the teller|the cashier) asks?,?${gap(3)} (?:say|tell (?:them|him|her))\b|\b(?:n'en parlez|ne (?:le |la )?dites (?:rien )?|ne parlez pas)${gap(2)} (?:personne|votre (?:banque|conseiller|famille)|a votre (?:banque|conseiller|famille))\b|\bgardez (?:ca|cela|le|la) (?:secret|confidentiel)\b`,
    ),
  },
  // Contacted from a hidden number, or by someone "claiming to be" the company.
  {
    kind: "inbound_unverified",
    pattern: rx(
      String.raw`\b(?:(?:called|rang|phoned|texted|messaged|emailed|contacted) (?:me|us)|calls?|texts?|messages?|emails?|sms|voicemails?) from (?:an? )?(?:unknown|private|blocked|hidden|unlisted|restricted|withheld|strange|random|spoofed|unrecognized|unrecognised|masked) (?:number|phone|line|caller|address|sender)\b|\b(?:no|without|hidden) caller id\b|\b(?:claim(?:ed|ing|s)?|pretend(?:ed|ing|s)?) to be\b|\bposing as\b|\bimpersonat(?:ing|ed|e)\b|\bse (?:faisant|faisait|fait) passer pour\b|\bpretend(?:ant|ait) etre\b|\b(?:numero|appel) (?:inconnu|masque|prive|cache)\b`,
    ),
  },
];

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

function ruleMatches(rule: TextRule, sentence: string): boolean {
  if (rule.inSentence && !rule.inSentence.test(sentence)) return false;
  if (rule.notInSentence?.test(sentence)) return false;
  for (const match of sentence.matchAll(rule.pattern)) {
    const found = match[0];
    if (rule.unless?.test(found)) continue;
    const before = clauseBefore(sentence, match.index);
    if (rule.negatable !== false && NEGATION.test((before + found).replace(CONDITION, " ")))
      continue;
    if (rule.userActs && USER_IS_SUBJECT.test(before)) continue;
    if (rule.unlessBefore?.test(before)) continue;
    if (rule.after) {
      const end = match.index + found.length;
      if (!rule.after.test(sentence.slice(end, end + 100))) continue;
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
    for (const rule of rules) {
      if (!found.has(rule.kind) && ruleMatches(rule, padded)) found.add(rule.kind);
    }
  }
  return redFlagKinds.filter((kind) => found.has(kind));
}
