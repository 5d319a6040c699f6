import { describe, expect, it } from "vitest";

import type { ChannelCheckStatus } from "./index";
import { checkChannel } from "./index";
import { sentenceIn } from "../zod-messages";

interface Company {
  officialDomain: string;
  officialDomains?: string[];
  country?: string;
}

const bank: Company = { officialDomain: "bank.com" };
const bankUrl: Company = { officialDomain: "https://www.bank.com/en/" };
const bankUpperCase: Company = { officialDomain: "WWW.Bank.com" };
const bankUk: Company = { officialDomain: "bank.co.uk" };
const paypal: Company = { officialDomain: "paypal.com" };
const google: Company = { officialDomain: "google.com" };
const amazon: Company = { officialDomain: "amazon.com" };
const wellsFargo: Company = { officialDomain: "wellsfargo.com" };
const muenchen: Company = { officialDomain: "münchen.de" };
const muenchenUrl: Company = { officialDomain: "https://www.münchen.de" };
const noWebsite: Company = { officialDomain: "not a website" };
const bankOfX: Company = { officialDomain: "bank-of-x.com" };
const bankCA: Company = { officialDomain: "bank.com", country: "CA" };
// Lower case on purpose: the country code is read case-insensitively.
const bankFR: Company = { officialDomain: "bank.com", country: "fr" };
const bankGB: Company = { officialDomain: "bank.com", country: "GB" };
// A bank with two official domains, and companies listing their website's domain again.
const rbc: Company = { officialDomain: "rbc.com", officialDomains: ["rbcroyalbank.com"] };
const wellsFargoWf: Company = { officialDomain: "wellsfargo.com", officialDomains: ["wf.com"] };
const bankTwice: Company = {
  officialDomain: "bank.com",
  officialDomains: ["https://www.bank.com/", "bank.com"],
};
const brokenFirst: Company = { officialDomain: "not a website", officialDomains: ["bank.com"] };

/** kind, value, expected status and normalized form, words the reason must contain, company. */
type Row = [
  kind: string,
  value: string,
  status: ChannelCheckStatus,
  normalized: string | null,
  reason: string[],
  company?: Company,
];

function expectCheck(...[kind, value, status, normalized, reason, company = bank]: Row) {
  const result = checkChannel({ kind, value }, company);
  expect(result.status).toBe(status);
  expect(result.normalized).toBe(normalized);
  if (status === "ok") {
    expect(result.reason).toBeNull();
  } else {
    // A refusal always says why, naming the domain or country involved.
    expect(result.reason).toEqual(expect.any(String));
    for (const words of reason) expect(result.reason).toContain(words);
  }
}

describe("checkChannel: links on the official domain", () => {
  it.each<Row>([
    ["web_form", "https://bank.com/contact", "ok", "https://bank.com/contact", []],
    ["web_form", "bank.com/contact", "ok", "https://bank.com/contact", []],
    ["web_form", "  https://Help.BANK.com/Form?x=1 ", "ok", "https://help.bank.com/Form?x=1", []],
    ["web_form", "www.bank.com", "ok", "https://www.bank.com/", []],
    ["web_form", "http://bank.com/contact", "ok", "http://bank.com/contact", []],
    ["web_form", "bank.com:8443/help", "ok", "https://bank.com:8443/help", []],
    ["web_form", "https://bank.com./contact", "ok", "https://bank.com/contact", []],
    ["web_form", "support.bank.com/x", "ok", "https://support.bank.com/x", [], bankUrl],
    ["web_form", "bank.com", "ok", "https://bank.com/", [], bankUpperCase],
    ["web_form", "https://www.bank.co.uk/help", "ok", "https://www.bank.co.uk/help", [], bankUk],
    ["chat", "https://chat.bank.com/start", "ok", "https://chat.bank.com/start", []],
    ["social", "https://community.bank.com/forum", "ok", "https://community.bank.com/forum", []],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: links elsewhere are suspicious, lookalikes say why", () => {
  it.each<Row>([
    [
      "web_form",
      "https://example.org/form",
      "suspicious",
      "https://example.org/form",
      ["This address is on example.org, not bank.com"],
    ],
    [
      "web_form",
      "bankk.com",
      "suspicious",
      "https://bankk.com/",
      ["bankk.com looks like bank.com"],
    ],
    [
      "web_form",
      "https://bnak.com/login",
      "suspicious",
      "https://bnak.com/login",
      ["bnak.com looks like bank.com"],
    ],
    [
      "web_form",
      "paypa1.com",
      "suspicious",
      "https://paypa1.com/",
      ["paypa1.com imitates paypal.com", "lookalike characters"],
      paypal,
    ],
    [
      "web_form",
      "g00gle.com/support",
      "suspicious",
      "https://g00gle.com/support",
      ["g00gle.com imitates google.com"],
      google,
    ],
    [
      "web_form",
      "arnazon.com",
      "suspicious",
      "https://arnazon.com/",
      ["arnazon.com imitates amazon.com"],
      amazon,
    ],
    [
      "web_form",
      "vvellsfargo.com",
      "suspicious",
      "https://vvellsfargo.com/",
      ["vvellsfargo.com imitates wellsfargo.com"],
      wellsFargo,
    ],
    [
      "web_form",
      "mybank-support.com",
      "suspicious",
      "https://mybank-support.com/",
      ["mybank-support.com", '"bank"', "not bank.com"],
    ],
    [
      "web_form",
      "https://bank-secure.com/login",
      "suspicious",
      "https://bank-secure.com/login",
      ["bank-secure.com", "bank.com"],
    ],
    [
      "web_form",
      "https://bank.com.evil.net/login",
      "suspicious",
      "https://bank.com.evil.net/login",
      ["on evil.net, not bank.com", '"bank.com" in front'],
    ],
    [
      "web_form",
      "https://bank.com@evil.net/login",
      "suspicious",
      "https://bank.com@evil.net/login",
      ["really on evil.net", "before the @", "bank.com"],
    ],
    [
      "web_form",
      "bank.co",
      "suspicious",
      "https://bank.co/",
      ["bank.co has the same name as bank.com", ".co instead of .com"],
    ],
    [
      "web_form",
      "https://www.bank.co.uk/",
      "suspicious",
      "https://www.bank.co.uk/",
      ["bank.co.uk", ".co.uk instead of .com"],
    ],
    [
      "web_form",
      "https://bаnk.com/login",
      "suspicious",
      "https://xn--bnk-6cd.com/login",
      ["xn--bnk-6cd.com shows up as bаnk.com", "imitates bank.com"],
    ],
    [
      "web_form",
      "xn--bnk-6cd.com",
      "suspicious",
      "https://xn--bnk-6cd.com/",
      ["xn--bnk-6cd.com", "imitates bank.com"],
    ],
    [
      "web_form",
      "https://раураl.com",
      "suspicious",
      "https://xn--l-7sba6dbr.com/",
      ["xn--l-7sba6dbr.com", "imitates paypal.com"],
      paypal,
    ],
    [
      "web_form",
      "https://exаmple.com",
      "suspicious",
      "https://xn--exmple-4nf.com/",
      ["mixing letters from different alphabets", "not bank.com"],
    ],
    [
      "web_form",
      "http://192.168.1.10/login",
      "suspicious",
      "http://192.168.1.10/login",
      ["IP address", "bank.com"],
    ],
    [
      "chat",
      "https://bank.zendesk.com/chat",
      "suspicious",
      "https://bank.zendesk.com/chat",
      ["on zendesk.com, not bank.com"],
    ],
    [
      "web_form",
      "https://muenchen.de/kontakt",
      "suspicious",
      "https://muenchen.de/kontakt",
      ["muenchen.de looks like münchen.de"],
      muenchen,
    ],
    [
      "web_form",
      "https://münchen.de/kontakt",
      "ok",
      "https://xn--mnchen-3ya.de/kontakt",
      [],
      muenchenUrl,
    ],
    [
      "web_form",
      "https://bank.com",
      "suspicious",
      "https://bank.com/",
      ['"not a website"', "bank.com"],
      noWebsite,
    ],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: a company with more than one official domain", () => {
  it.each<Row>([
    [
      "web_form",
      "https://www.rbcroyalbank.com/contact",
      "ok",
      "https://www.rbcroyalbank.com/contact",
      [],
      rbc,
    ],
    ["email", "Help@RBCRoyalBank.com", "ok", "help@rbcroyalbank.com", [], rbc],
    ["chat", "https://chat.rbc.com/", "ok", "https://chat.rbc.com/", [], rbc],
    [
      "web_form",
      "rbcroyalbamk.com",
      "suspicious",
      "https://rbcroyalbamk.com/",
      ["rbcroyalbamk.com looks like rbcroyalbank.com"],
      rbc,
    ],
    [
      "email",
      "support@rbcroyalbank-secure.com",
      "suspicious",
      "support@rbcroyalbank-secure.com",
      ['"rbcroyalbank" in its name', "not rbcroyalbank.com"],
      rbc,
    ],
    [
      "web_form",
      "rbc.ca",
      "suspicious",
      "https://rbc.ca/",
      ["rbc.ca has the same name as rbc.com"],
      rbc,
    ],
    [
      "web_form",
      "https://example.org/form",
      "suspicious",
      "https://example.org/form",
      [
        "This address is on example.org, not rbc.com or rbcroyalbank.com, the company's official domains.",
      ],
      rbc,
    ],
    [
      "email",
      "rbc.help@gmail.com",
      "suspicious",
      "rbc.help@gmail.com",
      ["free email service", "not on rbc.com or rbcroyalbank.com"],
      rbc,
    ],
    [
      "web_form",
      "http://10.0.0.1/login",
      "suspicious",
      "http://10.0.0.1/login",
      ["not rbc.com or rbcroyalbank.com"],
      rbc,
    ],
    [
      "regulator",
      "rbcroyalbank-complaints.com",
      "suspicious",
      "https://rbcroyalbank-complaints.com/",
      ["rbcroyalbank-complaints.com", "rbcroyalbank"],
      rbc,
    ],
    // An account tied to any of the names is the company's.
    ["social", "https://x.com/WF_Help", "ok", "https://x.com/WF_Help", [], wellsFargoWf],
    [
      "social",
      "https://x.com/WF_Help",
      "suspicious",
      "https://x.com/WF_Help",
      ["@WF_Help", "wellsfargo.com"],
      wellsFargo,
    ],
    // The same domain listed twice is named once; a broken entry does not hide a good one.
    [
      "web_form",
      "https://example.org/form",
      "suspicious",
      "https://example.org/form",
      ["This address is on example.org, not bank.com, the company's official domain."],
      bankTwice,
    ],
    ["web_form", "https://bank.com/help", "ok", "https://bank.com/help", [], brokenFirst],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: malformed links and other schemes are invalid", () => {
  it.each<Row>([
    ["web_form", "javascript:alert(document.cookie)", "invalid", null, ['"javascript:"']],
    ["web_form", "ftp://bank.com/forms", "invalid", null, ['"ftp:"']],
    ["chat", "data:text/html,<script>alert(1)</script>", "invalid", null, ['"data:"']],
    ["web_form", "https://", "invalid", null, ["not a valid web address"]],
    ["web_form", "https://bank com/form", "invalid", null, ["not a valid web address"]],
    ["web_form", "localhost:3000/form", "invalid", null, ["localhost"]],
    ["web_form", "bank.local/form", "invalid", null, ["bank.local", "real domain ending"]],
    ["web_form", "https://-bank.com", "invalid", null, ["-bank.com"]],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: email", () => {
  it.each<Row>([
    ["email", "support@bank.com", "ok", "support@bank.com", []],
    ["email", "Support@Bank.COM", "ok", "support@bank.com", []],
    ["email", "mailto:Support@bank.com?subject=Refund", "ok", "support@bank.com", []],
    ["email", "Bank Support <help@mail.bank.com>", "ok", "help@mail.bank.com", []],
    [
      "email",
      "support@bank-secure.com",
      "suspicious",
      "support@bank-secure.com",
      ["bank-secure.com", "bank.com"],
    ],
    [
      "email",
      "support@example.org",
      "suspicious",
      "support@example.org",
      ["This address is on example.org, not bank.com"],
    ],
    [
      "email",
      "bank.support@gmail.com",
      "suspicious",
      "bank.support@gmail.com",
      ["gmail.com", "free email service", "bank.com"],
    ],
    [
      "email",
      "support@bankk.com",
      "suspicious",
      "support@bankk.com",
      ["bankk.com looks like bank.com"],
    ],
    [
      "email",
      "support@bаnk.com",
      "suspicious",
      "support@xn--bnk-6cd.com",
      ["xn--bnk-6cd.com", "imitates bank.com"],
    ],
    ["email", "support@bank", "invalid", null, ["bank"]],
    ["email", "support@@bank.com", "invalid", null, ["not a valid email address"]],
    ["email", "support bank.com", "invalid", null, ["not a valid email address"]],
    ["email", ".support@bank.com", "invalid", null, ["not a valid email address"]],
    ["email", "mailto:a@bank.com,b@bank.com", "invalid", null, ["one email address at a time"]],
    ["email", "https://bank.com/contact", "invalid", null, ["web address, not an email address"]],
    ["email", "javascript:alert(1)", "invalid", null, ['"javascript:"']],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: social accounts", () => {
  it.each<Row>([
    ["social", "https://x.com/BankHelp", "ok", "https://x.com/BankHelp", []],
    ["social", "twitter.com/@bank", "ok", "https://twitter.com/@bank", []],
    [
      "social",
      "https://www.linkedin.com/company/bank/",
      "ok",
      "https://www.linkedin.com/company/bank/",
      [],
    ],
    [
      "social",
      "https://www.youtube.com/@BankOfficial",
      "ok",
      "https://www.youtube.com/@BankOfficial",
      [],
    ],
    [
      "social",
      "https://www.instagram.com/bank_of_x/",
      "ok",
      "https://www.instagram.com/bank_of_x/",
      [],
      bankOfX,
    ],
    [
      "social",
      "https://www.facebook.com/HelpDeskRefunds",
      "suspicious",
      "https://www.facebook.com/HelpDeskRefunds",
      ["@HelpDeskRefunds", "cannot be tied", "bank.com"],
    ],
    [
      "social",
      "https://www.tiktok.com/@totally.real.support",
      "suspicious",
      "https://www.tiktok.com/@totally.real.support",
      ["TikTok", "bank.com"],
    ],
    [
      "social",
      "https://x.com/",
      "suspicious",
      "https://x.com/",
      ["X link does not name an account", "bank.com"],
    ],
    [
      "social",
      "https://www.youtube.com/watch?v=abc123",
      "suspicious",
      "https://www.youtube.com/watch?v=abc123",
      ["YouTube link does not name an account", "bank.com"],
    ],
    [
      "social",
      "https://www.facebook.com/profile.php?id=1234",
      "suspicious",
      "https://www.facebook.com/profile.php?id=1234",
      ["Facebook link does not name an account"],
    ],
    [
      "social",
      "https://twltter.com/bank",
      "suspicious",
      "https://twltter.com/bank",
      ["twltter.com looks like twitter.com"],
    ],
    [
      "social",
      "https://bank-help.net/",
      "suspicious",
      "https://bank-help.net/",
      ["bank-help.net", "not bank.com"],
    ],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: phone", () => {
  it.each<Row>([
    ["phone", "(416) 363-1234", "ok", "+14163631234", [], bankCA],
    ["phone", "212-736-5000", "ok", "+12127365000", []],
    ["phone", "+44 20 7946 0958", "ok", "+442079460958", [], bankCA],
    ["phone", "06 12 34 56 78", "ok", "+33612345678", [], bankFR],
    ["phone", "tel:+1-416-363-1234", "ok", "+14163631234", [], bankCA],
    ["phone", "1-800-356-9377", "ok", "+18003569377", []],
    ["phone", "1-900-225-5288", "suspicious", "+19002255288", ["+1 900 225 5288", "premium-rate"]],
    ["phone", "09061 234567", "suspicious", "+449061234567", ["premium-rate"], bankGB],
    ["phone", "123", "invalid", null, ["not a valid phone number for Canada"], bankCA],
    ["phone", "555-0100", "invalid", null, ["not a valid phone number for the United States"]],
    ["phone", "1-800-FLOWERS", "invalid", null, ["letters"]],
    ["phone", "+33 1", "invalid", null, ["not a valid international phone number"], bankCA],
    ["phone", "416-363-1234 ext. 5", "invalid", null, ['"ext. 5"', "label"], bankCA],
    ["phone", "416*363*1234", "invalid", null, ["Canada"], bankCA],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: postal, in person, executive, regulator", () => {
  it.each<Row>([
    [
      "postal",
      "  123 Main St.\n  Springfield,   IL 62701 ",
      "ok",
      "123 Main St. Springfield, IL 62701",
      [],
    ],
    ["postal", "P.O. Box 123", "ok", "P.O. Box 123", []],
    ["in_person", "Branch at 1 King St W,\tToronto", "ok", "Branch at 1 King St W, Toronto", []],
    [
      "executive",
      "Jane Doe, Chief Executive Officer",
      "ok",
      "Jane Doe, Chief Executive Officer",
      [],
    ],
    [
      "regulator",
      "Financial Consumer Agency of Canada",
      "ok",
      "Financial Consumer Agency of Canada",
      [],
    ],
    ["executive", "Jane.Doe@bank.com", "ok", "jane.doe@bank.com", []],
    [
      "executive",
      "jane.doe@bank-corp.com",
      "suspicious",
      "jane.doe@bank-corp.com",
      ["bank-corp.com", "bank.com"],
    ],
    [
      "executive",
      "Jane Doe <ceo.office@gmail.com>",
      "suspicious",
      "ceo.office@gmail.com",
      ["gmail.com", "bank.com"],
    ],
    [
      "in_person",
      "bankk.com/branches",
      "suspicious",
      "https://bankk.com/branches",
      ["bankk.com looks like bank.com"],
    ],
    ["postal", "javascript:alert(1)", "invalid", null, ['"javascript:"']],
    // A regulator is never on the company's domain: only a site imitating the company is flagged.
    [
      "regulator",
      "https://www.consumerfinance.gov/complaint/",
      "ok",
      "https://www.consumerfinance.gov/complaint/",
      [],
    ],
    [
      "regulator",
      "bank-complaints.com",
      "suspicious",
      "https://bank-complaints.com/",
      ["bank-complaints.com", "bank.com"],
    ],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel: blank values and unknown kinds", () => {
  it.each<Row>([
    ["web_form", "", "invalid", null, ["empty"]],
    ["email", "   ", "invalid", null, ["empty"]],
    ["phone", " \n\t ", "invalid", null, ["empty"]],
    ["postal", "   ", "invalid", null, ["empty"]],
    ["fax", "+1 416 363 1234", "invalid", null, ['"fax"']],
  ])("%s %j → %s", expectCheck);
});

describe("checkChannel's reasons in French", () => {
  const company = {
    officialDomain: "rbc.com",
    officialDomains: ["rbcroyalbank.com"],
    country: "CA",
  };
  // prettier-ignore
  it.each([
    [{ kind: "email", value: "support@gmail.com" }, "Cette adresse est sur gmail.com, un service de courriel gratuit où n’importe qui peut s’inscrire, et non sur rbc.com ou rbcroyalbank.com, les domaines officiels de l’entreprise."],
    [{ kind: "web_form", value: "https://rbc-secure-login.com/help" }, /^rbc-secure-login\.com contient « rbc » dans son nom, mais ce n’est pas/],
    [{ kind: "phone", value: "1-800-FLOWERS" }, "Un numéro de téléphone ne contient que des chiffres, pas de lettres : écrivez 1-800-FLOWERS sous la forme 1 800 356-9377."],
    [{ kind: "email", value: "not an address" }, /^Ce n’est pas une adresse/],
    [{ kind: "phone", value: "+1 900 555 0123" }, /est un numéro surtaxé/],
    [{ kind: "fax", value: "x" }, "« fax » n’est pas un type de canal."],
  ] as const)("%j", (channel, french) => {
    const reason = checkChannel(channel, company).reason!;
    expect(reason).not.toBeNull();
    expect(sentenceIn(reason, "fr-CA")).toMatch(french);
  });
});
