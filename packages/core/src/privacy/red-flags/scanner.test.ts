import { describe, expect, it } from "vitest";

import type { RedFlagKind } from "./rules";
import { scanForRedFlags } from "./scanner";

const flagged: [string, RedFlagKind[]][] = [
  // Passwords and PINs.
  ["What's your online banking password?", ["asked_password"]],
  ["He asked me for my password to 'check the account'.", ["asked_password"]],
  ["The rep needs your PIN to proceed", ["asked_password"]],
  ["I gave him my PIN because he sounded official", ["asked_password"]],
  ["Can you tell me your Netflix password please", ["asked_password"]],
  ["Il m'a demandé mon NIP.", ["asked_password"]],
  ["Pouvez-vous me donner votre mot de passe ?", ["asked_password"]],
  // One-time codes.
  ["Can you read me the code we just texted you?", ["asked_one_time_code"]],
  ["He asked me to read the code we texted you.", ["asked_one_time_code"]],
  ["She told me to give her the 6 digits I received by SMS", ["asked_one_time_code"]],
  ["They told me to repeat the code that was sent to my phone", ["asked_one_time_code"]],
  ["The agent asked me to enter the code I received in the app.", []],
  ["Agent: what's the 6-digit code you received?", ["asked_one_time_code"]],
  ["He asked me for the verification code.", ["asked_one_time_code"]],
  ["Please give me the one-time passcode.", ["asked_one_time_code"]],
  ["You'll get a text with a code, read it back to me", ["asked_one_time_code"]],
  ["I need you to confirm the code we sent to your phone", ["asked_one_time_code"]],
  ["Lisez-moi le code de vérification, s’il vous plaît", ["asked_one_time_code"]],
  ["Donnez-moi le code que vous venez de recevoir par SMS", ["asked_one_time_code"]],
  // Full card numbers and the code on the back.
  ["Give me the full card number including the 3 digits on the back", ["asked_full_card_number"]],
  ["She wanted my card number and the CVV", ["asked_full_card_number"]],
  ["What is the security code on the back of your card?", ["asked_full_card_number"]],
  ["Can you read the long number on the front?", ["asked_full_card_number"]],
  ["Quel est le numéro de votre carte ?", ["asked_full_card_number"]],
  ["Pouvez-vous me lire les chiffres au dos de votre carte", ["asked_full_card_number"]],
  // Remote access.
  ["He told me to install AnyDesk", ["asked_remote_access"]],
  ["Download TeamViewer so I can fix it", ["asked_remote_access"]],
  ["Let me connect to your computer to remove the virus", ["asked_remote_access"]],
  ["He wanted to take control of my laptop", ["asked_remote_access"]],
  ["Open Quick Assist and give me the number", ["asked_remote_access"]],
  ["Il voulait prendre le contrôle de mon ordinateur", ["asked_remote_access"]],
  // Gift cards, crypto, wire transfers.
  ["You have to pay with Google Play gift cards", ["asked_gift_card_crypto_wire"]],
  ["Buy $500 in iTunes cards and read me the numbers", ["asked_gift_card_crypto_wire"]],
  ["Pay the fine in bitcoin", ["asked_gift_card_crypto_wire"]],
  ["Send the money by Western Union", ["asked_gift_card_crypto_wire"]],
  ["Payment must be made by wire transfer", ["asked_gift_card_crypto_wire"]],
  ["Deposit the cash at a bitcoin ATM near you", ["asked_gift_card_crypto_wire"]],
  ["Move your savings to a safe account", ["asked_gift_card_crypto_wire"]],
  ["Steam gift cards are accepted as payment", ["asked_gift_card_crypto_wire"]],
  ["Il faut payer en cartes-cadeaux", ["asked_gift_card_crypto_wire"]],
  [
    "He wanted me to transfer my savings into a new account for safety",
    ["asked_gift_card_crypto_wire"],
  ],
  // Pressure.
  ["Act now or your account will be closed today", ["pressure_to_act_now"]],
  ["Your card will be blocked within 2 hours unless you confirm", ["pressure_to_act_now"]],
  ["If you don't pay today you will be arrested", ["pressure_to_act_now"]],
  ["Don't tell your bank about this call", ["pressure_to_act_now"]],
  ["If the teller asks, say it is for a renovation", ["pressure_to_act_now"]],
  ["Votre compte sera bloqué aujourd'hui", ["pressure_to_act_now"]],
  [
    "Votre numéro d'assurance sociale sera suspendu si vous ne rappelez pas",
    ["pressure_to_act_now"],
  ],
  // Inbound from an unknown or faked number.
  ["Got a call from a private number, a man claiming to be from my bank", ["inbound_unverified"]],
  ["Appel masqué, il se faisait passer pour Hydro-Québec", ["inbound_unverified"]],
  // French, as people write it in Québec.
  ["Donnez-moi votre NIP.", ["asked_password"]],
  ["Quel est votre mot de passe?", ["asked_password"]],
  ["Il m’a demandé le code reçu par texto", ["asked_one_time_code"]],
  ["Dites-moi le code de vérification", ["asked_one_time_code"]],
  ["Il voulait que j’achète des cartes-cadeaux iTunes", ["asked_gift_card_crypto_wire"]],
  ["Achetez des cartes prépayées Google Play", ["asked_gift_card_crypto_wire"]],
  ["Payez l’amende en bitcoins", ["asked_gift_card_crypto_wire"]],
  ["Transférez vos économies dans un compte sécurisé", ["asked_gift_card_crypto_wire"]],
  ["Téléchargez l’application TeamViewer", ["asked_remote_access"]],
  ["Il veut un accès à distance à mon ordinateur", ["asked_remote_access"]],
  ["Votre carte sera désactivée immédiatement", ["pressure_to_act_now"]],
  ["Vos comptes seront gelés ce soir si vous ne payez pas", ["pressure_to_act_now"]],
  ["Ne dites rien à votre banque", ["pressure_to_act_now"]],
  ["Un homme prétendant être de Desjardins m’a appelé", ["inbound_unverified"]],
  ["Appel d’un numéro inconnu", ["inbound_unverified"]],
  // Several at once, in redFlagKinds order.
  [
    "Caller said my account would be frozen today. He asked for my PIN and the code they texted me.",
    ["asked_password", "asked_one_time_code", "pressure_to_act_now"],
  ],
  ["WHAT'S YOUR PASSWORD", ["asked_password"]],
];

const clean: [string, string][] = [
  ["empty", ""],
  ["resetting a password oneself", "I reset my password myself"],
  ["being told to change a password", "The agent told me to change my password"],
  [
    "a code sent by mail (a company sending a code is normal)",
    "They will send a code by mail to verify my address",
  ],
  ["a verification code sent by the company", "They will send you a verification code"],
  ["entering a code oneself", "I entered the code they texted me on the website"],
  ["a refund promise", "The agent said the refund arrives in 7 days"],
  ["last four digits", "card ending 4242"],
  ["asked for the last four", "She asked for the last 4 digits of my card number"],
  ["a new card on its way", "They are sending me a new card number by mail"],
  ["the company's disclaimer", "We will never ask for your password or PIN."],
  ["advice not to share a code", "Don't share this code with anyone, not even us."],
  ["advice not to give a code, French", "Ne donnez jamais ce code à personne."],
  ["a goodwill gift card", "They offered me a $50 gift card as a goodwill gesture"],
  ["a refund by wire", "They will pay me back by wire transfer next week"],
  ["a gift card support case", "I bought a gift card at Walmart and it has no balance"],
  ["the user's own threat", "I will take legal action if they don't refund me today"],
  ["a requested closure", "My account will be closed today as I requested"],
  ["a same-day follow-up", "Please call back today or tomorrow"],
  ["a transfer being held", "Please stay on the line while I transfer you"],
  ["a security code on a letter", "I read the code on the letter and typed it in"],
  ["a PIN at the ATM", "You will need your PIN to activate the card at an ATM"],
  ["an order number", "What's the order number? It is 112-1234567"],
  ["a Bluetooth pairing", "My headphones won't connect to my laptop"],
  ["a user calling from a private line", "I called from a private number"],
  ["an amount with a decimal point", "They charged $1.50 twice today."],
  ["ordinary French", "Le remboursement arrivera dans 7 jours, numéro de dossier 4821."],
  ["a password manager", "I use a password manager and two-step verification"],
  ["Pinterest, not a PIN", "Give me a Pinterest link"],
  ["a refund coming by wire", "The refund will be sent by wire transfer."],
  ["the user asking a shop", "Do you accept gift cards as payment?"],
  ["screen sharing alone", "He wants to see my screen."],
  ["a technician on the modem", "The technician will connect to your router remotely"],
  ["a discount code", "I asked for the discount code."],
  ["advice not to give a PIN, French", "Ne communiquez jamais votre NIP à personne."],
  ["a password changed, French", "J’ai changé mon mot de passe moi-même."],
  ["a code sent by mail, French", "Ils m’enverront un code de vérification par la poste."],
  ["a refund by transfer, French", "Le remboursement sera envoyé par virement."],
  [
    "a goodwill gift card, French",
    "Ils m’ont offert une carte-cadeau de 50 $ en geste commercial.",
  ],
  ["a requested closure, French", "Mon compte sera fermé aujourd’hui, à ma demande."],
  ["a file number, French", "Votre numéro de dossier est le 4821, no de référence 77-112."],
];

describe("scanForRedFlags", () => {
  it.each(flagged)("flags %j", (text, kinds) => {
    expect(scanForRedFlags(text)).toEqual(kinds);
  });

  it.each(clean)("does not flag %s", (_name, text) => {
    expect(scanForRedFlags(text)).toEqual([]);
  });

  it("keeps negations to their own clause", () => {
    expect(scanForRedFlags("I did not know what to do, so he asked for my password")).toEqual([
      "asked_password",
    ]);
  });

  it.each([
    [
      "a 100 KB transcript",
      "Rep: please hold while I check your order, it will arrive soon. ".repeat(1600),
    ],
    ["one 100 KB word", "a".repeat(100_000)],
    ["request verbs without objects", "give me ".repeat(12_500)],
    ["pay with pay with", "pay with ".repeat(11_000)],
    ["tokens of 31 characters", `${"x".repeat(31)} `.repeat(3200)],
    ["no spaces at all", "giveme".repeat(17_000)],
  ])("scans %s quickly and finds nothing", (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(90_000);
    const started = performance.now();
    expect(scanForRedFlags(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("still finds a flag at the end of a long transcript", () => {
    const text = `${"Rep: thanks for waiting. ".repeat(4000)}Rep: now install AnyDesk.`;
    expect(scanForRedFlags(text)).toEqual(["asked_remote_access"]);
  });
});
