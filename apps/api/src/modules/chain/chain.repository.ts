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
  };
}

export type ChainRepository = ReturnType<typeof createChainRepository>;
