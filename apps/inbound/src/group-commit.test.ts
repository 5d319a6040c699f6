// Group commit: the unit (a fake store) and the receiver in this process over real SMTP
// sessions, its store wrapped to see each commit and to fail one on purpose.
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

import { getInboundAddress } from "@caseward/core";
import type { ReceivedMessage, StoredInbound } from "@caseward/core/inbound-receiving";
import { storeInboundMessages } from "@caseward/core/inbound-receiving";
import { createTestUser } from "@caseward/core/testing";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { inboundMessages } from "@caseward/db/schema";
import type { SMTPServer } from "smtp-server";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";

import { groupCommit } from "./group-commit";
import { createReceiver } from "./receiver";
import { deliver, message } from "./testing/smtp";

const unavailable = Object.assign(new Error("down"), { code: "ECONNREFUSED" });
const isUnavailable = (error: unknown) => error === unavailable;

/** A store that doubles numbers, refusing 13 (its batch) and 666 (as the database would). */
function fakeStore() {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  return {
    batches,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    storeMany: async (items: number[]) => {
      batches.push(items);
      await gate;
      if (items.includes(666)) throw unavailable;
      if (items.includes(13)) throw new Error("bad item");
      return items.map((item) => item * 2);
    },
  };
}

describe("groupCommit", () => {
  it("stores the items of one window together and answers each with its own result", async () => {
    const store = fakeStore();
    const commit = groupCommit(store.storeMany, { windowMs: 20, sizeOf: () => 1, isUnavailable });
    expect(await Promise.all([commit(1), commit(2), commit(3)])).toEqual([2, 4, 6]);
    expect(await commit(4)).toBe(8);
    expect(store.batches).toEqual([[1, 2, 3], [4]]);
  });

  it("by default, stores the items of one turn of the event loop together, and more while commits run", async () => {
    const store = fakeStore();
    store.hold();
    const commit = groupCommit(store.storeMany, { maxInFlight: 1, sizeOf: () => 1, isUnavailable });
    const first = [commit(1), commit(2)];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = [commit(3), commit(4)];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const third = commit(5);
    expect(store.batches).toEqual([[1, 2]]);
    store.release();
    expect(await Promise.all([...first, ...second, third])).toEqual([2, 4, 6, 8, 10]);
    expect(store.batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it("answers no one before the commit is done", async () => {
    const store = fakeStore();
    store.hold();
    const commit = groupCommit(store.storeMany, { windowMs: 1, sizeOf: () => 1, isUnavailable });
    const answered: number[] = [];
    const both = [commit(5), commit(6)].map((p) => p.then((r) => void answered.push(r)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(store.batches).toEqual([[5, 6]]);
    expect(answered).toEqual([]);
    store.release();
    await Promise.all(both);
    expect(answered).toEqual([10, 12]);
  });

  it("fails every member when the database is unavailable", async () => {
    const store = fakeStore();
    const commit = groupCommit(store.storeMany, { windowMs: 5, sizeOf: () => 1, isUnavailable });
    const outcomes = await Promise.allSettled([commit(1), commit(666), commit(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(store.batches).toEqual([[1, 666, 3]]);
  });

  it("stores each member alone when one bad item fails its batch: only that one fails", async () => {
    const store = fakeStore();
    const commit = groupCommit(store.storeMany, { windowMs: 5, sizeOf: () => 1, isUnavailable });
    const outcomes = await Promise.allSettled([commit(1), commit(13), commit(3)]);
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "rejected", reason: new Error("bad item") },
      { status: "fulfilled", value: 6 },
    ]);
    expect(store.batches).toEqual([[1, 13, 3], [1], [13], [3]]);
  });

  it("stores at once when a batch is full, a large item alone, and waits for a commit slot", async () => {
    const store = fakeStore();
    store.hold();
    const commit = groupCommit(store.storeMany, {
      windowMs: 60_000,
      maxMessages: 3,
      maxBytes: 100,
      maxInFlight: 1,
      sizeOf: (item) => (item >= 100 ? item : 10),
      isUnavailable,
    });
    const all = Promise.all([1, 2, 3, 4, 500, 6, 7, 8].map((item) => commit(item)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // One commit at a time: the first batch is under way, the rest wait for it.
    expect(store.batches).toEqual([[1, 2, 3]]);
    store.release();
    expect(await all).toEqual([2, 4, 6, 8, 1000, 12, 14, 16]);
    expect(store.batches).toEqual([[1, 2, 3], [4], [500], [6, 7, 8]]);
    expect(commit.stats).toEqual({ messages: 8, commits: 4, largest: 3 });
  });
});

describe("the receiver's group commit over SMTP", () => {
  const connection = createDatabase(inject("databaseUrl"), { max: 5 });
  const { db } = connection;
  const domain = "inbound.localhost";
  let server: SMTPServer | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });
  afterAll(() => connection.close());

  const quiet = { info() {}, debug() {}, warn() {}, error() {} };
  /** The receiver, its batches stored when `batch` messages wait (or after 2 s). */
  async function start(
    batch: number,
    storeMany: (messages: ReceivedMessage[]) => Promise<StoredInbound[]>,
  ) {
    server = createReceiver({
      db,
      queueFiling: () => Promise.resolve(),
      domain,
      logger: quiet,
      maxBytes: 1024 * 1024,
      maxRecipients: 10,
      groupCommit: { windowMs: 2_000, maxMessages: batch },
      storeMany,
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return (server.server.address() as AddressInfo).port;
  }
  const mail = (subject: string) =>
    message(
      {
        From: "Rogers Support <help@rogers.com>",
        To: "me@example.com",
        Subject: subject,
        "Message-ID": `<${randomBytes(8).toString("hex")}@rogers.com>`,
      },
      "We have received your request.",
    );
  async function recipients(n: number) {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const user = await createTestUser(db, `Gc ${i}`);
        const { token } = await getInboundAddress(db, user.id);
        return { user, to: `${token}@${domain}` };
      }),
    );
  }
  const storedCount = async (ownerId: string) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(inboundMessages)
      .where(eq(inboundMessages.ownerId, ownerId));
    return row!.n;
  };

  it("answers several sessions 250 only after their one shared commit", async () => {
    const people = await recipients(4);
    const commits: { size: number; at: number }[] = [];
    const port = await start(people.length, async (messages) => {
      const results = await storeInboundMessages(db, messages);
      commits.push({ size: messages.length, at: performance.now() });
      return results;
    });
    const answers = await Promise.all(
      people.map(({ to }, i) =>
        deliver(port, mail(`Case ${i}`), to).then((answer) => ({
          ...answer,
          at: performance.now(),
        })),
      ),
    );
    expect(answers.map((a) => a.code)).toEqual([250, 250, 250, 250]);
    expect(commits.map((c) => c.size)).toEqual([4]);
    for (const answer of answers) expect(answer.at).toBeGreaterThanOrEqual(commits[0]!.at);
    for (const { user } of people) expect(await storedCount(user.id)).toBe(1);
  });

  it("answers 451 to every session of a batch whose commit fails, and stores none of them", async () => {
    const people = await recipients(3);
    let calls = 0;
    const port = await start(people.length, async (messages) => {
      calls++;
      // As PostgreSQL going away mid-statement: the statement fails (here, on a case id that
      // is not a uuid) and the connection with it, so nothing of it is kept.
      const broken = messages.map((m, i) => (i === 0 ? { ...m, caseId: "not-a-case" } : m));
      const error = await storeInboundMessages(db, broken).then(
        () => new Error("stored"),
        (cause: unknown) => cause,
      );
      throw Object.assign(new Error("connection lost", { cause: error }), { code: "ECONNRESET" });
    });
    const answers = await Promise.all(people.map(({ to }, i) => deliver(port, mail(`F ${i}`), to)));
    expect(answers.map((a) => a.code)).toEqual([451, 451, 451]);
    expect(answers[0]!.response).toMatch(/^451 .*could not be stored/);
    expect(calls).toBe(1);
    for (const { user } of people) expect(await storedCount(user.id)).toBe(0);
  });

  it("stores the others when one message fails its batch", async () => {
    const people = await recipients(3);
    const bad = people[1]!.user.id;
    const sizes: number[] = [];
    const port = await start(people.length, async (messages) => {
      sizes.push(messages.length);
      // A message the database refuses (its case id is not a uuid): the statement fails.
      return storeInboundMessages(
        db,
        messages.map((m) => (m.ownerId === bad ? { ...m, caseId: "not-a-case" } : m)),
      );
    });
    const answers = await Promise.all(people.map(({ to }, i) => deliver(port, mail(`B ${i}`), to)));
    expect(answers.map((a) => a.code)).toEqual([250, 451, 250]);
    expect(sizes).toEqual([3, 1, 1, 1]);
    expect(await storedCount(people[0]!.user.id)).toBe(1);
    expect(await storedCount(bad)).toBe(0);
    expect(await storedCount(people[2]!.user.id)).toBe(1);
  });
});
