import type { Executor, SQL } from "@caseward/db";
import { and, desc, eq, gt, inArray, ne } from "@caseward/db";
import { sessions } from "@caseward/db/schema";
import { z } from "zod";

import { notFound } from "../errors";
import { addressForPeople, deviceOf } from "../audit/request-origin";

// "Where you're signed in" (ASVS V3.3.4): the user's sessions that have not expired, without
// their tokens (ids are enough to end one, and a token never reaches the browser).

export const sessionIdInput = z.object({ sessionId: z.string().min(1).max(100) });

export interface SignedInSession {
  id: string;
  device: string;
  address: string | null;
  signedInAt: Date;
  lastActiveAt: Date;
  current: boolean;
}

export async function listSignedInSessions(
  db: Executor,
  userId: string,
  currentSessionId: string,
  now = new Date(),
): Promise<SignedInSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.updatedAt));
  return rows
    .map((row) => ({
      id: row.id,
      device: deviceOf(row.userAgent),
      address: addressForPeople(row.ipAddress),
      signedInAt: row.createdAt,
      lastActiveAt: row.updatedAt,
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Where sessions live besides their rows (the web's Redis copy, read on every request): told
 * the tokens of the sessions ended here, so that none of them answers again.
 */
export type EndSessions = (tokens: string[]) => Promise<unknown>;

/**
 * Ends sessions: their copies elsewhere first, then their rows. Should the copies fail to go,
 * the rows stay and the user can try again; the other order would leave a session that still
 * answers with no row left to revoke it by.
 */
async function endSessionsWhere(db: Executor, where: SQL | undefined, endSessions?: EndSessions) {
  const found = await db
    .select({ id: sessions.id, token: sessions.token })
    .from(sessions)
    .where(where);
  if (found.length === 0) return 0;
  await endSessions?.(found.map((session) => session.token));
  const ended = await db
    .delete(sessions)
    .where(
      inArray(
        sessions.id,
        found.map((session) => session.id),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Signs one of the user's sessions out (this one too, if asked). */
export async function revokeSession(
  db: Executor,
  userId: string,
  sessionId: string,
  endSessions?: EndSessions,
) {
  const where = and(eq(sessions.id, sessionId), eq(sessions.userId, userId));
  const ended = await endSessionsWhere(db, where, endSessions);
  if (ended === 0) throw notFound("Session");
  return { ended };
}

/** Signs out every session of the user but the one asking. */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  currentSessionId: string,
  endSessions?: EndSessions,
) {
  const where = and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId));
  return { ended: await endSessionsWhere(db, where, endSessions) };
}
