import type { Db } from '../../db/database';

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

    deleteSession: (tokenHash: string) => db.session.deleteMany({ where: { tokenHash } }),
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
export type UserWithPosts = NonNullable<Awaited<ReturnType<AuthRepository['findUserWithPosts']>>>;
