// The person profile's reads. The chain itself is computed from the gap check's facts (gaps service).
import type { Db } from '../../db/database';
import type { Prisma } from '../../generated/prisma/client';
import { postRefInclude } from '../targets/targets.repository';

const profileInclude = {
  holdings: {
    where: { endedOn: null, post: { archivedAt: null } },
    orderBy: [{ isPrimary: 'desc' }, { post: { tier: 'asc' } }],
    select: {
      isPrimary: true,
      post: {
        include: {
          ...postRefInclude,
          adminSuperior: { include: postRefInclude },
          partySuperior: { include: postRefInclude },
        },
      },
    },
  },
} as const satisfies Prisma.PersonInclude;

export type ProfileRow = Prisma.PersonGetPayload<{ include: typeof profileInclude }>;

export function createChainRepository(db: Db) {
  return {
    findPerson: (organisationId: string, id: string) =>
      db.person.findFirst({ where: { organisationId, id }, include: profileInclude }),

    /** Supervision findings not yet closed, per responsible post; overdue = still OPEN past the deadline (China time). */
    async openFindingsByPost(organisationId: string) {
      const rows = await db.$queryRaw<{ postId: string; open: number; overdue: number }[]>`
        SELECT "postId"::text AS "postId",
               count(*)::int AS open,
               (count(*) FILTER (WHERE status = 'OPEN'
                  AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date))::int AS overdue
          FROM "Finding"
         WHERE "organisationId" = ${organisationId}::uuid AND status <> 'CLOSED'
         GROUP BY "postId"`;
      return new Map(rows.map((r) => [r.postId, { open: r.open, overdue: r.overdue }]));
    },
  };
}

export type ChainRepository = ReturnType<typeof createChainRepository>;
