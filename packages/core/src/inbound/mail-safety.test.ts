import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { findFullSecret } from "../privacy/find-full-secret";
import { mailWarnings, maskMailText } from "./mail-safety";
import { understandMail } from "./understand-mail";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const rogers = { name: "Rogers", officialDomain: "rogers.com", country: "CA" };
const context = {
  timeZone: "America/Toronto",
  user: { own: ["sam.tremblay@gmail.com"], receivingDomain: "in.caseward.test" },
};

async function contactOf(name: string) {
  const understood = await understandMail(fixture(name), context);
  if (!understood.readable) throw new Error(understood.problem);
  return understood.contact;
}

describe("the seed's warnings applied to a company's email", () => {
  it("a sender on a lookalike domain raises a red flag saying it only looks like the company", async () => {
    const found = mailWarnings(await contactOf("lookalike-forward.eml"), rogers);
    expect(found.flags).toEqual([{ kind: "inbound_unverified", source: "inbound" }]);
    expect(found.warnings[0]).toMatch(
      /^This email's sender only looks like Rogers: rogers-secure\.com/,
    );
    expect(found.warnings[1]).toMatch(/^A link in this email only looks like Rogers's site/);
  });

  it("a sender on the company's official domain raises nothing", async () => {
    expect(mailWarnings(await contactOf("gmail-forward.eml"), rogers)).toEqual({
      warnings: [],
      flags: [],
      senderOfficial: true,
    });
  });

  it("a sender on another official domain of the company raises nothing", async () => {
    const contact = await contactOf("gmail-forward.eml");
    const moved = {
      ...contact,
      companyAddress: { address: "care@email.rogersbank.com", name: "" },
    };
    expect(
      mailWarnings(moved, { ...rogers, officialDomains: ["rogersbank.com"] }).warnings,
    ).toEqual([]);
  });

  it("the user's own mail to the company is not checked as if the company sent it", async () => {
    expect(mailWarnings(await contactOf("bcc-outbound.eml"), rogers).warnings).toEqual([]);
  });

  it("masks full card and national id numbers, keeping the last digits", async () => {
    const contact = await contactOf("lookalike-forward.eml");
    const masked = maskMailText(contact.original);
    expect(masked.masked).toBe(true);
    expect(masked.text).toContain("SIN ••• ••• 286");
    expect(masked.text).toContain("card •••• •••• •••• 1111");
    expect(findFullSecret(masked.text)).toBeNull();
  });
});
