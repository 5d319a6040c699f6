import { promises as dns } from "node:dns";

import type { SmtpClient } from "./store";

// Mail that claims to come from the user's own address is filed on its own (issue 15). Anyone
// can write that address in a From: header; the domain's owner says how to tell, through DKIM
// (RFC 6376), SPF (RFC 7208) and DMARC (RFC 7489), which `mailauth` checks. The rule:
//   - DMARC passes: the domain vouches for it → filed as any mail from the user;
//   - DMARC fails and the domain asks for quarantine or reject, or a DKIM signature of the
//     From domain is there but broken (the message was altered, or forged) → held in the
//     Inbox: "we could not confirm this email came from you", never filed on its own;
//   - no DMARC record, a policy of none, or DNS that does not answer → as before the check:
//     most personal domains publish nothing, and a DNS outage must not stop filing.

/** A DNS lookup as `mailauth` makes it: `dns.resolve`'s shape. */
export type DnsResolver = (domain: string, rrtype: string) => Promise<string[][] | string[]>;

/** What the checks said, reduced to what the rule reads. */
export interface SenderCheck {
  /** DMARC's result for the From domain (`none`: no record; `temperror`: DNS failed). */
  dmarc: "pass" | "fail" | "none" | "temperror" | "permerror";
  /** The policy the domain asks for mail that fails (null without a record). */
  policy: "none" | "quarantine" | "reject" | null;
  /**
   * The DKIM signatures of the From domain: `pass` (one verifies), `invalid` (one is there and
   * does not verify: altered body or headers, bad signature, expired), `unverifiable` (its key
   * could not be had), `absent` (no signature of that domain).
   */
  dkim: "pass" | "invalid" | "unverifiable" | "absent";
}

export type SenderVerdict = "confirmed" | "not_confirmed" | "unknown";

/** The rule above, on what the checks said. */
export function senderVerdict(check: SenderCheck): SenderVerdict {
  if (check.dmarc === "pass") return "confirmed";
  if (check.dmarc === "fail" && (check.policy === "quarantine" || check.policy === "reject")) {
    return "not_confirmed";
  }
  if (check.dkim === "invalid") return "not_confirmed";
  return "unknown";
}

/** How long one DNS lookup may take before it counts as DNS not answering. */
const lookupTimeoutMs = 5_000;

/**
 * Names that are never in the public DNS (RFC 6761, RFC 2606): answered "not found" without a
 * query, as the DNS itself would (local test and bench mail uses them).
 */
const reservedName = /(^|\.)(test|example|invalid|localhost)\.?$/i;

const notFound = (domain: string) =>
  Object.assign(new Error(`${domain} is not in the DNS.`), { code: "ENOTFOUND" });

/** The system's DNS, each lookup bounded in time. */
export const systemResolver: DnsResolver = async (domain, rrtype) => {
  if (reservedName.test(domain)) throw notFound(domain);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      dns.resolve(domain, rrtype) as Promise<string[][] | string[]>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error("DNS timed out."), { code: "ETIMEOUT" })),
          lookupTimeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * A fixed table of TXT records in place of the DNS (`{ "_dmarc.example.org": ["v=DMARC1; p=reject"] }`):
 * the DNS is outside Caseward, so tests give the records they need. Any other name or type is
 * "not found".
 */
export function dnsTable(records: Record<string, string[]>): DnsResolver {
  const table = new Map(
    Object.entries(records).map(([name, values]) => [
      name.toLowerCase().replace(/\.$/, ""),
      values,
    ]),
  );
  return (domain, rrtype) => {
    const values =
      rrtype === "TXT" ? table.get(domain.toLowerCase().replace(/\.$/, "")) : undefined;
    if (!values) return Promise.reject(notFound(domain));
    // TXT answers come as strings of at most 255 characters each.
    return Promise.resolve(values.map((value) => value.match(/.{1,255}/g) ?? [""]));
  };
}

/** What the SMTP session said of the sender (from the stored message). */
export interface SmtpEnvelope {
  client: SmtpClient | null;
  /** MAIL FROM ("" for a bounce). */
  mailFrom: string;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/**
 * Runs DKIM, SPF and DMARC on a received message and returns what the rule reads. DNS errors
 * come back as `temperror`/`unverifiable`, never thrown.
 */
export async function checkSender(
  raw: Uint8Array,
  envelope: SmtpEnvelope,
  {
    resolver = systemResolver,
    receivingDomain,
  }: { resolver?: DnsResolver; receivingDomain?: string } = {},
): Promise<SenderCheck> {
  // Loaded when a message needs it: the web app imports this module and never checks mail.
  const { authenticate } = await import("mailauth");
  const result = await authenticate(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
    // Without the session's client (a message stored before it was kept) SPF is skipped and
    // DMARC stands on DKIM alone.
    ...(envelope.client ? { ip: envelope.client.ip, helo: envelope.client.helo || undefined } : {}),
    sender: envelope.mailFrom || undefined,
    mta: receivingDomain ?? "caseward.invalid",
    resolver,
    disableArc: true,
    disableBimi: true,
  });
  const fromDomain =
    result.dkim.headerFrom.length === 1 ? domainOf(result.dkim.headerFrom[0]!) : "";
  const ofFrom = result.dkim.results.filter(
    (signature) =>
      fromDomain &&
      (String(signature.signingDomain).toLowerCase() === fromDomain ||
        Boolean(signature.status.aligned)),
  );
  const dkim: SenderCheck["dkim"] = ofFrom.some((s) => s.status.result === "pass")
    ? "pass"
    : ofFrom.some(isBroken)
      ? "invalid"
      : ofFrom.length > 0
        ? "unverifiable"
        : "absent";
  const dmarc = result.dmarc;
  if (!dmarc) return { dmarc: "none", policy: null, dkim };
  const status = dmarc.status.result;
  const policy = String(dmarc.policy).toLowerCase();
  return {
    dmarc:
      status === "pass" || status === "fail" || status === "none" || status === "permerror"
        ? status
        : status === "temperror" || status === "temperr"
          ? "temperror"
          : "none",
    policy: policy === "none" || policy === "quarantine" || policy === "reject" ? policy : null,
    dkim,
  };
}

/**
 * A signature that is there and wrong: its signature does not verify, its body hash does not
 * match (the body was changed), or it has expired. A key that cannot be found is not "broken"
 * (the DNS may be down): `unverifiable`.
 */
function isBroken(signature: { status: { result: string; comment?: string | false } }) {
  const { result, comment } = signature.status;
  if (result === "fail") return true;
  return (
    result === "neutral" && /body hash|expir/i.test(typeof comment === "string" ? comment : "")
  );
}
