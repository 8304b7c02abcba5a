// Organisation administration: the only code of the area that touches Prisma. Every query is
// scoped by organisationId; writes take the caller's transaction.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Line, Prisma, UnitKind } from '../../generated/prisma/client';

const postInclude = {
  unit: { select: { id: true, name: true, kind: true } },
  holdings: {
    where: { endedOn: null },
    orderBy: [{ isPrimary: 'desc' }, { startedOn: 'asc' }],
    select: { id: true, personId: true, isPrimary: true, person: { select: { name: true } } },
  },
} as const satisfies Prisma.PostInclude;

const personInclude = {
  user: { select: { username: true } },
  holdings: {
    where: { endedOn: null, post: { archivedAt: null } },
    orderBy: [{ isPrimary: 'desc' }, { post: { tier: 'asc' } }],
    select: {
      isPrimary: true,
      post: { select: { id: true, title: true, tier: true, unit: { select: { name: true } } } },
    },
  },
} as const satisfies Prisma.PersonInclude;

export type PostRow = Prisma.PostGetPayload<{ include: typeof postInclude }>;
export type PersonRow = Prisma.PersonGetPayload<{ include: typeof personInclude }>;

export interface UnitData {
  name?: string;
  kind?: UnitKind;
  parentId?: string | null;
  sortOrder?: number;
}
export interface PersonData {
  employeeNo?: string;
  name?: string;
  gender?: string | null;
  isPartyMember?: boolean;
}
export interface PostData {
  code?: string;
  title?: string;
  tier?: number;
  unitId?: string;
  lines?: Line[];
  adminSuperiorId?: string | null;
  partySuperiorId?: string | null;
}

export function createOrgRepository(db: Db) {
  return {
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.$transaction(fn),

    // ---------------------------------------------------------------- units
    listUnits: (organisationId: string) =>
      db.orgUnit.findMany({
        where: { organisationId },
        orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { name: 'asc' }],
        include: { _count: { select: { posts: { where: { archivedAt: null } } } } },
      }),

    findUnit: (client: Tx, organisationId: string, id: string) =>
      client.orgUnit.findFirst({
        where: { organisationId, id },
        include: { _count: { select: { posts: { where: { archivedAt: null } } } } },
      }),

    findUnitByName: (client: Tx, organisationId: string, name: string) =>
      client.orgUnit.findFirst({ where: { organisationId, name }, select: { id: true } }),

    /** Every unit's parent, to keep the unit tree free of cycles. */
    unitParents: async (client: Tx, organisationId: string) =>
      new Map(
        (
          await client.orgUnit.findMany({ where: { organisationId }, select: { id: true, parentId: true } })
        ).map((u) => [u.id, u.parentId]),
      ),

    createUnit: (
      tx: Tx,
      organisationId: string,
      data: Required<Pick<UnitData, 'name' | 'kind'>> & UnitData,
    ) =>
      tx.orgUnit.create({
        data: { organisationId, ...data },
        include: { _count: { select: { posts: { where: { archivedAt: null } } } } },
      }),

    updateUnit: (tx: Tx, id: string, data: UnitData & { archivedAt?: Date }) =>
      tx.orgUnit.update({
        where: { id },
        data,
        include: { _count: { select: { posts: { where: { archivedAt: null } } } } },
      }),

    unitReferences: async (client: Tx, organisationId: string, id: string) => {
      const [posts, activePosts, children, activeChildren] = await Promise.all([
        client.post.count({ where: { organisationId, unitId: id } }),
        client.post.count({ where: { organisationId, unitId: id, archivedAt: null } }),
        client.orgUnit.count({ where: { organisationId, parentId: id } }),
        client.orgUnit.count({ where: { organisationId, parentId: id, archivedAt: null } }),
      ]);
      return { posts, activePosts, children, activeChildren };
    },

    deleteUnit: (tx: Tx, id: string) => tx.orgUnit.delete({ where: { id } }),

    // ---------------------------------------------------------------- people
    async listPeople(
      organisationId: string,
      filter: { q?: string; unitId?: string; includeArchived: boolean; page: number; pageSize: number },
    ) {
      const where: Prisma.PersonWhereInput = {
        organisationId,
        ...(filter.includeArchived ? {} : { archivedAt: null }),
        ...(filter.q
          ? {
              OR: [
                { name: { contains: filter.q, mode: 'insensitive' } },
                { employeeNo: { contains: filter.q, mode: 'insensitive' } },
              ],
            }
          : {}),
        ...(filter.unitId
          ? { holdings: { some: { endedOn: null, post: { unitId: filter.unitId, archivedAt: null } } } }
          : {}),
      };
      const [rows, total] = await Promise.all([
        db.person.findMany({
          where,
          include: personInclude,
          orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { employeeNo: 'asc' }],
          skip: (filter.page - 1) * filter.pageSize,
          take: filter.pageSize,
        }),
        db.person.count({ where }),
      ]);
      return { rows, total };
    },

    findPerson: (client: Tx, organisationId: string, id: string) =>
      client.person.findFirst({ where: { organisationId, id }, include: personInclude }),

    findPersonByEmployeeNo: (client: Tx, organisationId: string, employeeNo: string) =>
      client.person.findFirst({ where: { organisationId, employeeNo }, select: { id: true } }),

    createPerson: (
      tx: Tx,
      organisationId: string,
      data: Required<Pick<PersonData, 'employeeNo' | 'name'>> & PersonData,
    ) => tx.person.create({ data: { organisationId, ...data }, include: personInclude }),

    updatePerson: (tx: Tx, id: string, data: PersonData & { archivedAt?: Date }) =>
      tx.person.update({ where: { id }, data, include: personInclude }),

    /** Stops a departed person from logging in; their sessions die with the check in `authenticate`. */
    disableUserOfPerson: (tx: Tx, organisationId: string, personId: string, at: Date) =>
      tx.userAccount.updateMany({
        where: { organisationId, personId, disabledAt: null },
        data: { disabledAt: at },
      }),

    personReferences: async (client: Tx, organisationId: string, id: string) => {
      const [holdings, accounts, assessor, scores, adjustments, results, exclusions] = await Promise.all([
        client.holding.count({ where: { organisationId, personId: id } }),
        client.userAccount.count({ where: { organisationId, personId: id } }),
        client.assessmentGroupMember.count({ where: { organisationId, personId: id } }),
        client.score.count({ where: { organisationId, OR: [{ evaluatorId: id }, { evalueeId: id }] } }),
        client.adjustment.count({ where: { organisationId, OR: [{ evaluatorId: id }, { evalueeId: id }] } }),
        client.evaluationResult.count({ where: { organisationId, evalueeId: id } }),
        client.evaluationExclusion.count({ where: { organisationId, personId: id } }),
      ]);
      return { holdings, accounts, assessor, scores, adjustments, results, exclusions };
    },

    deletePerson: (tx: Tx, id: string) => tx.person.delete({ where: { id } }),

    // ---------------------------------------------------------------- posts
    listPosts: (
      organisationId: string,
      filter: { unitId?: string; tier?: number; includeArchived: boolean },
    ) =>
      db.post.findMany({
        where: {
          organisationId,
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
          ...(filter.tier ? { tier: filter.tier } : {}),
          ...(filter.includeArchived ? {} : { archivedAt: null }),
        },
        include: postInclude,
        orderBy: [{ tier: 'asc' }, { unit: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
      }),

    findPost: (client: Tx, organisationId: string, id: string) =>
      client.post.findFirst({ where: { organisationId, id }, include: postInclude }),

    findPostByCode: (client: Tx, organisationId: string, code: string) =>
      client.post.findFirst({ where: { organisationId, code }, select: { id: true } }),

    /** Every post of the organisation, archived ones included: what the chain rules look at. */
    chainPosts: (client: Tx, organisationId: string) =>
      client.post.findMany({
        where: { organisationId },
        select: {
          id: true,
          title: true,
          tier: true,
          lines: true,
          adminSuperiorId: true,
          partySuperiorId: true,
          archivedAt: true,
        },
      }),

    createPost: (
      tx: Tx,
      organisationId: string,
      data: Required<Pick<PostData, 'code' | 'title' | 'tier' | 'unitId' | 'lines'>> & PostData,
    ) => tx.post.create({ data: { organisationId, ...data }, include: postInclude }),

    updatePost: (tx: Tx, id: string, data: PostData & { archivedAt?: Date }) =>
      tx.post.update({ where: { id }, data, include: postInclude }),

    postReferences: async (client: Tx, organisationId: string, id: string) => {
      const reportsHere = { OR: [{ adminSuperiorId: id }, { partySuperiorId: id }] };
      const [subordinates, activeSubordinates, targets, activeTargets, holdings] = await Promise.all([
        client.post.count({ where: { organisationId, ...reportsHere } }),
        client.post.count({ where: { organisationId, archivedAt: null, ...reportsHere } }),
        client.target.count({ where: { organisationId, ownerPostId: id } }),
        client.target.count({ where: { organisationId, ownerPostId: id, status: 'ACTIVE' } }),
        client.holding.count({ where: { organisationId, postId: id } }),
      ]);
      return { subordinates, activeSubordinates, targets, activeTargets, holdings };
    },

    deletePost: (tx: Tx, id: string) => tx.post.delete({ where: { id } }),

    // ---------------------------------------------------------------- holdings
    findHolding: (client: Tx, organisationId: string, id: string) =>
      client.holding.findFirst({ where: { organisationId, id } }),

    findHoldingOf: (client: Tx, personId: string, postId: string) =>
      client.holding.findUnique({ where: { personId_postId: { personId, postId } } }),

    activeHoldingsOfPerson: (client: Tx, organisationId: string, personId: string) =>
      client.holding.findMany({
        where: { organisationId, personId, endedOn: null },
        orderBy: [{ post: { tier: 'asc' } }, { startedOn: 'asc' }],
      }),

    activeHoldingsOfPost: (client: Tx, organisationId: string, postId: string) =>
      client.holding.findMany({ where: { organisationId, postId, endedOn: null } }),

    createHolding: (
      tx: Tx,
      data: { organisationId: string; personId: string; postId: string; isPrimary: boolean; startedOn: Date },
    ) => tx.holding.create({ data }),

    updateHolding: (
      tx: Tx,
      id: string,
      data: { isPrimary?: boolean; startedOn?: Date; endedOn?: Date | null },
    ) => tx.holding.update({ where: { id }, data }),
  };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;
