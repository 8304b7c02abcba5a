// The closed-chain check reads the whole organisation's posts and one year's targets; waivers and
// the year's publication state. The only code of the area that touches Prisma.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Prisma } from '../../generated/prisma/client';

const postInclude = {
  unit: { select: { id: true, name: true, kind: true } },
  holdings: {
    where: { endedOn: null },
    orderBy: [{ isPrimary: 'desc' }, { startedOn: 'asc' }],
    select: { personId: true, person: { select: { name: true } } },
  },
} as const satisfies Prisma.PostInclude;

export type ChainPostRow = Prisma.PostGetPayload<{ include: typeof postInclude }>;

const targetSelect = {
  id: true,
  parentId: true,
  ownerPostId: true,
  category: true,
  line: true,
  weight: true,
  status: true,
  title: true,
  progress: true,
} as const satisfies Prisma.TargetSelect;

export type ChainTargetRow = Prisma.TargetGetPayload<{ select: typeof targetSelect }>;

export function createGapsRepository(db: Db) {
  return {
    /** Every post of the organisation (archived ones too: the check must see them as gone). */
    findPosts: (organisationId: string) =>
      db.post.findMany({
        where: { organisationId },
        include: postInclude,
        relationLoadStrategy: 'join',
        orderBy: [{ tier: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
      }),

    findTargetsOfYear: (organisationId: string, year: number) =>
      db.target.findMany({ where: { organisationId, year }, select: targetSelect }),

    findWaivers: (organisationId: string, year: number) =>
      db.gapWaiver.findMany({ where: { organisationId, year }, orderBy: { waivedAt: 'asc' } }),

    findWaiver: (organisationId: string, id: string) =>
      db.gapWaiver.findFirst({ where: { organisationId, id } }),

    findTargetYear: (organisationId: string, year: number) =>
      db.targetYear.findUnique({ where: { organisationId_year: { organisationId, year } } }),

    async userNames(organisationId: string, userIds: string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const users = await db.userAccount.findMany({
        where: { organisationId, id: { in: [...new Set(userIds)] } },
        select: { id: true, person: { select: { name: true } } },
      });
      return new Map(users.map((u) => [u.id, u.person.name]));
    },

    createWaiver: (
      tx: Tx,
      data: { organisationId: string; year: number; gapKey: string; reason: string; waivedById: string },
    ) => tx.gapWaiver.create({ data }),

    deleteWaiver: (tx: Tx, organisationId: string, id: string) =>
      tx.gapWaiver.deleteMany({ where: { organisationId, id } }).then((r) => r.count),

    publishYear: (tx: Tx, organisationId: string, year: number, publishedById: string, at: Date) =>
      tx.targetYear.upsert({
        where: { organisationId_year: { organisationId, year } },
        create: { organisationId, year, status: 'PUBLISHED', publishedAt: at, publishedById },
        update: { status: 'PUBLISHED', publishedAt: at, publishedById },
      }),
  };
}

export type GapsRepository = ReturnType<typeof createGapsRepository>;
