import type { Line, Role, Tier, UnitKind } from '@zeren/contracts';
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db/database';
import { queryRows, type SqlPool } from '../../db/sql';
import type { Tx } from '../../db/transaction';

/**
 * The signed-in user as every request needs it: account, person, organisation, assessor membership
 * and the active posts (holding not ended, post not archived) with their units. Read with raw SQL:
 * Prisma's nested include for the same data cost several milliseconds of Node work per request for
 * well under 1 ms of SQL (docs/performance.md, "Indexes, query shapes and roll-up design").
 */
export interface SessionUser {
  id: string;
  organisationId: string;
  personId: string;
  username: string;
  locale: string;
  /** The account's stored roles (ASSESSOR is derived from `isAssessor`). */
  roles: Role[];
  organisationName: string;
  personName: string;
  isAssessor: boolean;
  /** Primary first, then by tier (highest first). */
  holdings: {
    isPrimary: boolean;
    post: {
      id: string;
      title: string;
      tier: Tier;
      lines: Line[];
      unitId: string;
      unit: { id: string; name: string; kind: UnitKind };
    };
  }[];
}

/**
 * The SELECT list of a SessionUser, over `u` ("UserAccount"). Joins go by primary key only: the
 * composite foreign keys already keep every relation inside the user's organisation, and the
 * redundant organisation conditions cost Postgres ~0.15 ms of planning per request.
 */
const sessionUserColumns = Prisma.sql`
  u.id::text AS id, u."organisationId"::text AS "organisationId", u."personId"::text AS "personId",
  u.username, u.locale, coalesce(u.roles::text[], '{}') AS roles, -- NULL when created without roles
  o.name AS "organisationName", pe.name AS "personName",
  EXISTS (SELECT 1 FROM "AssessmentGroupMember" a WHERE a."personId" = u."personId") AS "isAssessor",
  coalesce((
    SELECT json_agg(json_build_object(
             'isPrimary', h."isPrimary",
             'post', json_build_object(
               'id', p.id, 'title', p.title, 'tier', p.tier, 'lines', p.lines, 'unitId', p."unitId",
               'unit', json_build_object('id', un.id, 'name', un.name, 'kind', un.kind)))
           ORDER BY h."isPrimary" DESC, p.tier, p."sortOrder", p.code)
      FROM "Holding" h
      JOIN "Post" p ON p.id = h."postId"
      JOIN "OrgUnit" un ON un.id = p."unitId"
     WHERE h."personId" = u."personId" AND h."endedOn" IS NULL AND p."archivedAt" IS NULL), '[]'::json) AS holdings`;

/** Joins `u` to its organisation `o` and person `pe`. */
const sessionUserJoins = Prisma.sql`
  JOIN "Organisation" o ON o.id = u."organisationId"
  JOIN "Person" pe ON pe.id = u."personId"`;

export function createAuthRepository(db: Db, pool: SqlPool) {
  return {
    findUserByUsername: (username: string) =>
      db.userAccount.findUnique({
        where: { username },
        select: { id: true, passwordHash: true, disabledAt: true },
      }),

    findUserWithPosts: async (userId: string): Promise<SessionUser | null> => {
      const rows = await db.$queryRaw<SessionUser[]>`
        SELECT ${sessionUserColumns} FROM "UserAccount" u ${sessionUserJoins} WHERE u.id = ${userId}::uuid`;
      return rows[0] ?? null;
    },

    /**
     * The whole per-request session check in ONE statement: finds the session and its user; a
     * session past its absolute expiry or idle for `idleMs`, or whose account is disabled, is
     * deleted; a live one has `lastSeenAt` moved to `at` when it is older than `touchIntervalMs`.
     * Returns the user of a live session, or null (unknown, ended now, or disabled).
     * Data-modifying CTEs run to completion whether or not the final SELECT reads them; both see
     * the same snapshot, and their conditions exclude each other, so a row is never hit twice.
     */
    resolveSession: async (
      tokenHash: string,
      at: Date,
      limits: { idleMs: number; touchIntervalMs: number },
    ): Promise<SessionUser | null> => {
      // Through the pool, not $queryRaw: every authenticated request runs it (docs/performance.md).
      const rows = await queryRows<SessionUser>(
        pool,
        Prisma.sql`
        WITH s AS (
          SELECT s."tokenHash", s."userId", s."lastSeenAt",
                 s."expiresAt" > ${at}::timestamptz
                   AND s."lastSeenAt" + ${limits.idleMs} * interval '1 millisecond' > ${at}::timestamptz
                   AND u."disabledAt" IS NULL AS "isLive"
            FROM "Session" s JOIN "UserAccount" u ON u.id = s."userId"
           WHERE s."tokenHash" = ${tokenHash}
        ),
        ended AS (
          DELETE FROM "Session" d USING s
           WHERE d."tokenHash" = s."tokenHash" AND NOT s."isLive"
        ),
        touched AS (
          UPDATE "Session" t SET "lastSeenAt" = ${at}::timestamptz FROM s
           WHERE t."tokenHash" = s."tokenHash" AND s."isLive"
             AND s."lastSeenAt" < ${at}::timestamptz - ${limits.touchIntervalMs} * interval '1 millisecond'
        )
        SELECT ${sessionUserColumns}
          FROM s JOIN "UserAccount" u ON u.id = s."userId" ${sessionUserJoins}
         WHERE s."isLive"`,
      );
      return rows[0] ?? null;
    },

    createSession: (data: {
      tokenHash: string;
      userId: string;
      expiresAt: Date;
      ip?: string;
      userAgent?: string;
    }) => db.session.create({ data }),

    updateLocale: (userId: string, locale: string) =>
      db.userAccount.update({ where: { id: userId }, data: { locale }, select: { id: true } }),

    deleteSession: (tokenHash: string) => db.session.deleteMany({ where: { tokenHash } }),

    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.$transaction(fn),

    findAccount: (userId: string) =>
      db.userAccount.findUnique({
        where: { id: userId },
        select: { id: true, organisationId: true, username: true, passwordHash: true, disabledAt: true },
      }),

    setPasswordHash: (tx: Tx, userId: string, passwordHash: string) =>
      tx.userAccount.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } }),

    /** Every session of the user except `keepTokenHash` (the one making the request). */
    deleteOtherSessions: async (tx: Tx, userId: string, keepTokenHash: string) =>
      (await tx.session.deleteMany({ where: { userId, tokenHash: { not: keepTokenHash } } })).count,

    deleteAllSessions: async (tx: Tx, userId: string) =>
      (await tx.session.deleteMany({ where: { userId } })).count,

    setDisabledAt: (tx: Tx, userId: string, disabledAt: Date | null) =>
      tx.userAccount.update({ where: { id: userId }, data: { disabledAt }, select: { id: true } }),

    /**
     * Login throttling: under a per-key advisory lock, reads each key's recent attempts, asks
     * `decide` how long the caller must wait, and when it need not, records one attempt per key.
     */
    reserveLoginAttempts: (
      keys: string[],
      at: Date,
      since: Date,
      decide: (timesByKey: Map<string, Date[]>) => number,
    ) =>
      db.$transaction(
        async (tx) => {
          // Sorted, so two requests sharing both keys cannot deadlock.
          for (const key of [...keys].sort())
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:${key}`}, 0))`;
          const rows = await tx.loginAttempt.findMany({
            where: { key: { in: keys }, at: { gt: since } },
            orderBy: [{ at: 'asc' }, { id: 'asc' }],
            select: { key: true, at: true },
          });
          const timesByKey = new Map<string, Date[]>();
          for (const row of rows) timesByKey.set(row.key, [...(timesByKey.get(row.key) ?? []), row.at]);
          const retryAfterSeconds = decide(timesByKey);
          if (retryAfterSeconds > 0) return { retryAfterSeconds, ids: [] as bigint[] };
          const created = await tx.loginAttempt.createManyAndReturn({
            data: keys.map((key) => ({ key, at })),
            select: { id: true },
          });
          return { retryAfterSeconds: 0, ids: created.map((r) => r.id) };
          // A burst of logins queues for connections: wait for one rather than fail the login.
        },
        { maxWait: 10_000 },
      ),

    /** A success: the account key's count is cleared, and the other keys lose this attempt. */
    forgetLoginAttempts: (accountKey: string, attemptIds: bigint[]) =>
      db.loginAttempt.deleteMany({ where: { OR: [{ key: accountKey }, { id: { in: attemptIds } }] } }),

    pruneLoginAttempts: (before: Date) => db.loginAttempt.deleteMany({ where: { at: { lt: before } } }),
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
