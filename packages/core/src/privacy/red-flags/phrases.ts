import type { RedFlagKind } from "@caseward/db/vocabulary";

// The phrases that show each red flag in a note or a transcript, in English and some French,
// as regexes over normalised text (./scanner.ts: accents stripped, lower case, one kind of
// apostrophe and space). Every gap is bounded ("up to N words of up to 30 characters"), so a
// match attempt reads a bounded number of characters and the scan stays linear in the text.
// How the scanner reads each field is explained in ./scanner.ts.
//
// Decisions: a company *sending* a code ("they will send a code by mail to verify my address")
// is normal; only being asked to hand a code over is a red flag. Screen sharing alone and
// "don't hang up" are not flagged: legitimate support does both.

export type RedFlagPhrase = {
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
  /** Phrases that are negations themselves ("don't tell your bank") skip the negation check. */
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
const THREAT = String.raw`(?:(?:account|card|service|access|benefits|sin|ssn|number|compte|carte|acces|numero)s?${gap(3)} (?:will|would|is going to|are going to|could|may|might|gonna|sera|seront|va|vont|pourrait)${gap(2)} (?:closed|suspended|frozen|locked|blocked|terminated|deactivated|cancell?ed|seized|disconnected|shut (?:off|down)|cut off|compromised|deleted|(?:ferme|suspendu|bloque|gele|resilie|coupe|desactive|saisi|annule)e?s?)|(?:you|i|we|he|she|they)(?:'ll|'d| will| would| could| may| might| can| are going to| were going to| was going to)? (?:be |get )?(?:arrested|sued|deported|jailed|prosecuted)|(?:legal action|a lawsuit|charges|(?:an )?arrest warrant|a warrant) against you|warrant for your arrest|police (?:will|are|is) (?:coming|come|on (?:their|the|its) way)|vous (?:serez|allez etre|pourriez etre) (?:arrete|poursuivi|expulse)e?s?|mandat d'arret|poursuites contre vous)`;
const URGENCY =
  /\b(?:now|immediately|right away|today|tonight|asap|urgent(?:ly)?|within (?:the next )?(?:\d+|an?|one|two|few) (?:minutes?|mins?|hours?|hrs?)|in (?:the next )?(?:\d+|an?|one|two|few) (?:minutes?|mins?|hours?|hrs?)|unless|if you (?:don't|do not|dont|fail to)|or else|maintenant|immediatement|aujourd'hui|ce soir|sinon|a moins que|dans (?:les )?(?:\d+|quelques) (?:heures?|minutes?)|si vous ne)\b/;
const REQUESTED_BY_USER =
  /\b(?:as (?:i|you|we) (?:asked|requested)|at (?:my|your) request|(?:i|you) requested|i asked (?:them|him|her) to|scheduled|planned|maintenance|repair|upgrade|installation|outage|a ma demande|comme demande|panne|reparation)\b/;

export const redFlagPhrases: readonly RedFlagPhrase[] = [
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
      String.raw`\b${MOVE}${gap(3)} (?:${PAY_PREPOSITION}|to|on|into|sur|vers|dans) (?:[^ ]{1,30} ){0,2}${INSTRUMENT}\b`,
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
      String.raw`\b(?:don't|do not|dont|never) (?:tell|inform|call|contact|talk to|speak to|speak with|talk with|mention (?:this|it) to) (?:your (?:bank|branch|family|spouse|wife|husband|partner|kids|children|son|daughter|advisor|adviser)|the (?:bank|teller|branch|police)|bank staff|(?:anyone|anybody) (?:at|in) (?:the|your) (?:bank|branch)|(?:anyone|anybody) about (?:this|our|the) (?:call|conversation|investigation|case|operation))\b|\bkeep (?:this|it|our (?:call|conversation)) (?:a )?(?:secret|confidential|between us|to yourself)\b|\bif (?:they|the bank|anyone|the teller|the cashier) asks?,?${gap(3)} (?:say|tell (?:them|him|her))\b|\b(?:n'en parlez|ne (?:le |la )?dites(?: rien)?|ne parlez pas)${gap(2)} (?:personne|votre (?:banque|conseiller|famille)|a votre (?:banque|conseiller|famille))\b|\bgardez (?:ca|cela|le|la) (?:secret|confidentiel)\b`,
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
