import { describe, expect, it } from "vitest";

import { createTestUser, useTestDatabase } from "../testing";
import { listAuditEvents, recordAuditEvent } from "./audit-service";

const db = useTestDatabase();
const origin = { device: "Chrome on Linux", place: "This network" };

describe("audit events", () => {
  it("lists the user's own events, newest first, in pages without repeats or gaps", async () => {
    const user = await createTestUser(db, "Amira");
    const other = await createTestUser(db, "Boris");
    const recorded = [];
    for (let i = 0; i < 7; i++) {
      recorded.push(
        await recordAuditEvent(db, user.id, {
          kind: i % 2 ? "file_downloaded" : "sign_in",
          ...origin,
          detail: { n: String(i) },
        }),
      );
    }
    await recordAuditEvent(db, other.id, { kind: "sign_in", ...origin });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(db, user.id, { cursor, limit: 3 });
      seen.push(...page.events.map((e) => e.detail.n!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Newest first; events of the same instant (they come fast here) by id, as the cursor goes.
    const order = recorded
      .map((event, i) => ({ ...event, n: String(i) }))
      .sort(
        (a, b) =>
          b.occurredAt.getTime() - a.occurredAt.getTime() ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )
      .map((event) => event.n);
    expect(seen).toEqual(order);
    expect([...seen].sort()).toEqual(["0", "1", "2", "3", "4", "5", "6"]);

    const first = await listAuditEvents(db, user.id);
    expect(first.nextCursor).toBeNull();
    expect(first.events[0]).toMatchObject({ ...origin, detail: { n: order[0] } });
    expect(first.events.map((e) => e.id)).not.toContain(undefined);

    // The other user sees only theirs, whatever cursor they send.
    const theirs = await listAuditEvents(db, other.id);
    expect(theirs.events).toHaveLength(1);
    const page = await listAuditEvents(db, user.id, { limit: 2 });
    const peek = await listAuditEvents(db, other.id, { cursor: page.nextCursor! });
    expect(peek.events).toHaveLength(0);
    expect(recorded).toHaveLength(7);
  });

  it("refuses a cursor it did not make with a 400-kind error", async () => {
    const user = await createTestUser(db);
    await expect(listAuditEvents(db, user.id, { cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
