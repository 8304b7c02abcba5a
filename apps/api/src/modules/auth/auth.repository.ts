import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';

const userWithPerson = {
  person: {
    include: {
      holdings: {
        where: { endedOn: null, post: { archivedAt: null } },
        include: { post: { include: { unit: true } } },
      },
      assessorMembership: true,
    },
  },
  organisation: true,
} as const;

export function createAuthRepository(db: Db) {
  return {
    findUserByUsername: (username: string) =>
      db.userAccount.findUnique({
        where: { username },
        select: { id: true, passwordHash: true, disabledAt: true },
      }),

    findUserWithPosts: (userId: string) =>
      db.userAccount.findUnique({
        where: { id: userId },
        include: userWithPerson,
        relationLoadStrategy: 'join',
      }),

    /** One round trip: the session, its user, the person, their posts and assessor membership. */
    findSession: (tokenHash: string) =>
      db.session.findUnique({
        where: { tokenHash },
        include: { user: { include: userWithPerson } },
        relationLoadStrategy: 'join',
      }),

    createSession: (data: {
      tokenHash: string;
      userId: string;
      expiresAt: Date;
      ip?: string;
      userAgent?: string;
    }) => db.session.create({ data }),

    touchSession: (tokenHash: string, at: Date) =>
      db.session.updateMany({ where: { tokenHash }, data: { lastSeenAt: at } }),

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
export type UserWithPosts = NonNullable<Awaited<ReturnType<AuthRepository['findUserWithPosts']>>>;
