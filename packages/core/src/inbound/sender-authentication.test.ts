import { generateKeyPairSync } from "node:crypto";

import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";

import type { DnsResolver, SenderCheck, SenderVerdict } from "./sender-authentication";
import { checkSender, dnsTable, senderVerdict } from "./sender-authentication";

describe("senderVerdict", () => {
  const cases: [string, SenderCheck, SenderVerdict][] = [
    ["DMARC passes", { dmarc: "pass", policy: "reject", dkim: "pass" }, "confirmed"],
    ["DMARC passes on SPF alone", { dmarc: "pass", policy: "reject", dkim: "absent" }, "confirmed"],
    ["fails, policy reject", { dmarc: "fail", policy: "reject", dkim: "absent" }, "not_confirmed"],
    [
      "fails, policy quarantine",
      { dmarc: "fail", policy: "quarantine", dkim: "absent" },
      "not_confirmed",
    ],
    ["fails, policy none", { dmarc: "fail", policy: "none", dkim: "absent" }, "unknown"],
    [
      "fails, policy none, broken DKIM of the From domain",
      { dmarc: "fail", policy: "none", dkim: "invalid" },
      "not_confirmed",
    ],
    [
      "no DMARC record, broken DKIM of the From domain",
      { dmarc: "none", policy: null, dkim: "invalid" },
      "not_confirmed",
    ],
    ["no DMARC record, no DKIM", { dmarc: "none", policy: null, dkim: "absent" }, "unknown"],
    [
      "no DMARC record, DKIM key not found",
      { dmarc: "none", policy: null, dkim: "unverifiable" },
      "unknown",
    ],
    ["DNS did not answer", { dmarc: "temperror", policy: null, dkim: "unverifiable" }, "unknown"],
    ["broken DMARC record", { dmarc: "permerror", policy: null, dkim: "absent" }, "unknown"],
  ];
  it.each(cases)("%s → %s", (_, check, verdict) => {
    expect(senderVerdict(check)).toBe(verdict);
  });
});

describe("checkSender (mailauth, DNS from a table)", () => {
  const domain = "mail.example.org";
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyRecord = `v=DKIM1; k=rsa; p=${publicKey
    .export({ type: "spki", format: "der" })
    .toString("base64")}`;
  const records = {
    [`cw._domainkey.${domain}`]: [keyRecord],
    [`_dmarc.${domain}`]: ["v=DMARC1; p=reject"],
    // The domain's mail leaves from 192.0.2.10 only.
    [domain]: ["v=spf1 ip4:192.0.2.10 -all"],
  };
  const resolver = dnsTable(records);
  const elsewhere = { client: { ip: "203.0.113.9", helo: "mx.elsewhere.test" }, mailFrom: "" };

  async function signedMail(body: string, sign = true) {
    const transport = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "windows",
      ...(sign
        ? {
            dkim: {
              domainName: domain,
              keySelector: "cw",
              privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
            },
          }
        : {}),
    });
    const info = await transport.sendMail({
      from: `Sam <sam@${domain}>`,
      to: "token@in.caseward.test",
      subject: "Fwd: Your case",
      messageId: `<${Math.random().toString(36).slice(2)}@${domain}>`,
      text: body,
    });
    return info.message as Buffer;
  }

  it("passes a message signed by the From domain, sent from anywhere", async () => {
    const raw = await signedMail("Forwarded for my case.");
    const check = await checkSender(raw, elsewhere, { resolver });
    expect(check).toEqual({ dmarc: "pass", policy: "reject", dkim: "pass" });
  });

  it("passes an unsigned message from the domain's own server (SPF, aligned)", async () => {
    const raw = await signedMail("Forwarded for my case.", false);
    const check = await checkSender(
      raw,
      { client: { ip: "192.0.2.10", helo: `mx.${domain}` }, mailFrom: `sam@${domain}` },
      { resolver },
    );
    expect(check).toEqual({ dmarc: "pass", policy: "reject", dkim: "absent" });
  });

  it("does not confirm the same message with its body changed after signing", async () => {
    const raw = await signedMail("Forwarded for my case.");
    const tampered = Buffer.from(
      raw.toString("latin1").replace("Forwarded for my case.", "Pay the invoice today."),
      "latin1",
    );
    const check = await checkSender(tampered, elsewhere, { resolver });
    expect(check).toEqual({ dmarc: "fail", policy: "reject", dkim: "invalid" });
    expect(senderVerdict(check)).toBe("not_confirmed");
  });

  it("does not confirm an unsigned message from another server when the domain says reject", async () => {
    const raw = await signedMail("Forwarded for my case.", false);
    const check = await checkSender(raw, elsewhere, { resolver });
    expect(check).toEqual({ dmarc: "fail", policy: "reject", dkim: "absent" });
    expect(senderVerdict(check)).toBe("not_confirmed");
  });

  it("leaves a domain without a DMARC record, or a DNS that fails, to the rules of before", async () => {
    const raw = await signedMail("Forwarded for my case.", false);
    const noRecord = dnsTable({ [domain]: ["v=spf1 ip4:192.0.2.10 -all"] });
    const quiet = await checkSender(raw, elsewhere, { resolver: noRecord });
    expect(quiet).toMatchObject({ dmarc: "none", dkim: "absent" });
    expect(senderVerdict(quiet)).toBe("unknown");

    const down: DnsResolver = () =>
      Promise.reject(Object.assign(new Error("DNS down"), { code: "ESERVFAIL" }));
    const signed = await signedMail("Forwarded for my case.");
    const failing = await checkSender(signed, elsewhere, { resolver: down });
    expect(failing.dmarc).toBe("temperror");
    expect(failing.dkim).toBe("unverifiable");
    expect(senderVerdict(failing)).toBe("unknown");
  });
});
