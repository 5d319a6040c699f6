import { describe, expect, it } from "vitest";

import { createCompany } from "../companies/company-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import {
  addChannel,
  deleteChannel,
  listChannels,
  reorderChannels,
  reportChannel,
  setPreferredChannel,
  updateChannel,
  verifyChannel,
} from "./channel-service";

const db = useTestDatabase();

async function setup() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, {
    name: "TD Bank",
    website: "https://www.td.com",
    country: "CA",
  });
  return { user, company };
}

describe("channel directory", () => {
  it("stores phones in E.164 and orders the ladder from least to most direct", async () => {
    const { user, company } = await setup();
    await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "(866) 222-3456",
      provenance: "card_back",
      verified: true,
    });
    await addChannel(db, user.id, {
      companyId: company.id,
      kind: "web_form",
      value: "https://www.td.com/contact-us",
      provenance: "official_website",
    });
    await addChannel(db, user.id, {
      companyId: company.id,
      kind: "email",
      value: "Support@TD.com",
      provenance: "statement",
    });
    const ladder = await listChannels(db, user.id, company.id);
    expect(ladder.map((c) => [c.kind, c.value, c.status])).toEqual([
      ["web_form", "https://www.td.com/contact-us", "unverified"],
      ["email", "support@td.com", "unverified"],
      ["phone", "+18662223456", "verified"],
    ]);
    expect(ladder[2]?.lastVerifiedAt).toBeInstanceOf(Date);
  });

  it("keeps a lookalike domain as suspicious, with the reason, and never as verified", async () => {
    const { user, company } = await setup();
    const channel = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "email",
      value: "help@td-secure-login.com",
      provenance: "other",
      verified: true,
    });
    expect(channel.status).toBe("suspicious");
    expect(channel.statusReason).toMatch(/td\.com/);
    expect(channel.lastVerifiedAt).toBeNull();
  });

  it("refuses an invalid number with a field message and stores nothing", async () => {
    const { user, company } = await setup();
    const error = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "12",
      provenance: "bill",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_REQUEST");
    expect((error as DomainError).fieldErrors.value?.[0]).toBeTruthy();
    expect(await listChannels(db, user.id, company.id)).toEqual([]);
  });

  it("does not add channels to another user's company", async () => {
    const { company } = await setup();
    const mallory = await createTestUser(db, "Mallory");
    const error = await addChannel(db, mallory.id, {
      companyId: company.id,
      kind: "email",
      value: "x@td.com",
      provenance: "other",
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect(await listChannels(db, mallory.id, company.id)).toEqual([]);
  });

  it("lets the user reorder the ladder, and inserts new channels by kind after that", async () => {
    const { user, company } = await setup();
    const web = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "web_form",
      value: "td.com/contact",
      provenance: "official_website",
    });
    const phone = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 866 222 3456",
      provenance: "card_back",
    });
    const reg = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "regulator",
      value: "Ombudsman for Banking Services and Investments",
      provenance: "directory",
    });
    await reorderChannels(db, user.id, {
      companyId: company.id,
      channelIds: [phone.id, web.id, reg.id],
    });
    const email = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "email",
      value: "help@td.com",
      provenance: "statement",
    });
    expect((await listChannels(db, user.id, company.id)).map((c) => [c.id, c.position])).toEqual([
      [phone.id, 0],
      [web.id, 1],
      [email.id, 2],
      [reg.id, 3],
    ]);
    const stale = await reorderChannels(db, user.id, {
      companyId: company.id,
      channelIds: [phone.id, web.id],
    }).catch((e: unknown) => e);
    expect((stale as DomainError).code).toBe("CONFLICT");

    await deleteChannel(db, user.id, web.id);
    expect((await listChannels(db, user.id, company.id)).map((c) => c.position)).toEqual([0, 1, 2]);
  });

  it("marks one preferred channel, the first by default, never a suspicious one", async () => {
    const { user, company } = await setup();
    const first = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "chat",
      value: "https://td.com/chat",
      provenance: "official_website",
    });
    expect(first.isPreferred).toBe(true);
    const phone = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 866 222 3456",
      provenance: "card_back",
    });
    await setPreferredChannel(db, user.id, phone.id);
    expect(
      (await listChannels(db, user.id, company.id)).map((c) => [c.kind, c.isPreferred]),
    ).toEqual([
      ["chat", false],
      ["phone", true],
    ]);
    const reported = await reportChannel(db, user.id, {
      channelId: phone.id,
      reason: "A caller used it to ask for my PIN",
    });
    expect(reported).toMatchObject({ status: "suspicious", isPreferred: false });
    expect(reported.statusReason).toMatch(/PIN/);
    await expect(setPreferredChannel(db, user.id, phone.id)).rejects.toThrow(/suspicious/);
    await expect(verifyChannel(db, user.id, phone.id)).rejects.toThrow(/suspicious/);
    const verified = await verifyChannel(db, user.id, first.id);
    expect(verified.status).toBe("verified");
    expect(verified.lastVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("editing a channel", () => {
  async function verifiedPhone() {
    const { user, company } = await setup();
    const phone = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 866 222 3456",
      provenance: "card_back",
      verified: true,
    });
    return { user, company, phone };
  }

  it("keeps a verified channel verified when only its label or provenance change", async () => {
    const { user, phone } = await verifiedPhone();
    const updated = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "+1 (866) 222-3456",
      label: " ext. 5, lost cards ",
      provenance: "statement",
    });
    expect(updated).toMatchObject({
      value: "+18662223456",
      label: "ext. 5, lost cards",
      provenance: "statement",
      status: "verified",
      isPreferred: true,
    });
    expect(updated.lastVerifiedAt).toEqual(phone.lastVerifiedAt);
  });

  it("checks a new value again: not verified any more, or suspicious off the domain", async () => {
    const { user, company, phone } = await verifiedPhone();
    const moved = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "1 866 222 9999",
      provenance: "card_back",
    });
    expect(moved).toMatchObject({ value: "+18662229999", status: "unverified", label: null });
    expect(moved.lastVerifiedAt).toBeNull();
    const checked = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "1 866 222 9999",
      provenance: "card_back",
      verified: true,
    });
    expect(checked.status).toBe("verified");
    expect(checked.lastVerifiedAt).toBeInstanceOf(Date);

    const email = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "email",
      value: "help@td.com",
      provenance: "statement",
    });
    const lookalike = await updateChannel(db, user.id, {
      channelId: email.id,
      value: "help@td-secure.com",
      provenance: "statement",
      verified: true,
    });
    expect(lookalike).toMatchObject({ status: "suspicious", isPreferred: false });
    expect(lookalike.statusReason).toMatch(/td-secure\.com/);
    expect(lookalike.lastVerifiedAt).toBeNull();
    const fixed = await updateChannel(db, user.id, {
      channelId: email.id,
      value: "Help@TD.com",
      provenance: "statement",
    });
    expect(fixed).toMatchObject({ value: "help@td.com", status: "unverified", statusReason: null });
  });

  it("refuses an invalid value or a full card number with a field message, and changes nothing", async () => {
    const { user, company, phone } = await verifiedPhone();
    const error = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "416-363-1234 ext. 5",
      provenance: "card_back",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors.value?.[0]).toMatch(/label/);
    await expect(
      updateChannel(db, user.id, {
        channelId: phone.id,
        value: "1 866 222 3456",
        label: "card 4111 1111 1111 1111",
        provenance: "card_back",
      }),
    ).rejects.toThrow(/card number/);
    expect((await listChannels(db, user.id, company.id))[0]).toMatchObject({
      value: "+18662223456",
      label: null,
      status: "verified",
    });
  });

  it("keeps a reported channel's value as a record, and its report", async () => {
    const { user, phone } = await verifiedPhone();
    const reported = await reportChannel(db, user.id, {
      channelId: phone.id,
      reason: "A caller on it asked for my PIN",
    });
    expect(reported.reportedAt).toBeInstanceOf(Date);
    const error = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "1 866 222 9999",
      provenance: "card_back",
    }).catch((e: unknown) => e);
    expect((error as DomainError).fieldErrors.value?.[0]).toMatch(/reported this channel/);
    const relabelled = await updateChannel(db, user.id, {
      channelId: phone.id,
      value: "+18662223456",
      label: "Scam line",
      provenance: "other",
      verified: true,
    });
    expect(relabelled).toMatchObject({
      label: "Scam line",
      status: "suspicious",
      statusReason: "You reported it: A caller on it asked for my PIN",
    });
  });

  it("never edits another user's channel", async () => {
    const { user, company, phone } = await verifiedPhone();
    const mallory = await createTestUser(db, "Mallory");
    const error = await updateChannel(db, mallory.id, {
      channelId: phone.id,
      value: "1 866 222 0000",
      provenance: "other",
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect((await listChannels(db, user.id, company.id))[0]?.value).toBe("+18662223456");
  });
});
