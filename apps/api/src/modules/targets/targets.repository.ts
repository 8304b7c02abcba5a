// Targets, progress and evidence: the only code of the area that touches Prisma. Every query is
// scoped by organisationId; writes take the caller's transaction.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Line, MeasureKind, Prisma, TargetCategory } from '../../generated/prisma/client';

/** What a PostRef needs: the unit's name and the current holders' names. */
export const postRefInclude = {
  unit: { select: { name: true } },
  holdings: {
    where: { endedOn: null },
    orderBy: [{ isPrimary: 'desc' }, { startedOn: 'asc' }],
    select: { person: { select: { name: true } } },
  },
} as const satisfies Prisma.PostInclude;

export type PostRefRow = Prisma.PostGetPayload<{ include: typeof postRefInclude }>;

const summaryInclude = {
  ownerPost: { include: postRefInclude },
  _count: { select: { children: { where: { status: 'ACTIVE' } } } },
} as const satisfies Prisma.TargetInclude;

export type TargetSummaryRow = Prisma.TargetGetPayload<{ include: typeof summaryInclude }>;

/** A target with what the write rules need: the owner's superiors and the parent's owner. */
const factsInclude = {
  ...summaryInclude,
  parent: { select: { ownerPostId: true, status: true } },
} as const satisfies Prisma.TargetInclude;

export type TargetFactsRow = Prisma.TargetGetPayload<{ include: typeof factsInclude }>;

const progressInclude = {
  evidenceFile: { select: { id: true, filename: true, mimeType: true, sizeBytes: true } },
} as const satisfies Prisma.ProgressUpdateInclude;

export type ProgressRow = Prisma.ProgressUpdateGetPayload<{ include: typeof progressInclude }>;

const detailInclude = {
  ...factsInclude,
  children: {
    where: { status: 'ACTIVE' },
    include: summaryInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
  progressUpdates: { include: progressInclude, orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }], take: 5 },
} as const satisfies Prisma.TargetInclude;

export type TargetDetailRow = Prisma.TargetGetPayload<{ include: typeof detailInclude }>;

/** A post as the decomposition rules see it. */
const postFactsSelect = {
  id: true,
  title: true,
  code: true,
  tier: true,
  lines: true,
  unitId: true,
  adminSuperiorId: true,
  partySuperiorId: true,
  archivedAt: true,
} as const satisfies Prisma.PostSelect;

export type PostFactsRow = Prisma.PostGetPayload<{ select: typeof postFactsSelect }>;

/** One node the roll-up reads: a target on a changed path, or an active child of one. */
export interface RollUpRow {
  id: string;
  parentId: string | null;
  weight: number;
  progress: number;
  latestValue: number | null;
  measureKind: MeasureKind;
  baseline: number;
  goal: number;
  isOnPath: boolean;
  /** For the target named in `loadRollUpFrontier`'s `recordedId`: when its newest update was recorded. */
  lastRecordedAt: Date | null;
}

export interface TargetData {
  title: string;
  description: string | null;
  weight: number;
  measureKind: MeasureKind;
  measureUnit: string | null;
  baseline: number;
  goal: number;
  dueDate: Date;
  ownerPostId: string | null;
}

export interface TargetListFilter {
  year?: number;
  ownerPostId?: string;
  personId?: string;
  unitId?: string;
  parentId?: string;
  tier?: number;
  category?: TargetCategory;
  line?: Line;
  q?: string;
  includeArchived: boolean;
  /** null: the whole organisation; otherwise the posts the actor may read. */
  scopePostIds: string[] | null;
}

function listWhere(organisationId: string, f: TargetListFilter): Prisma.TargetWhereInput {
  const and: Prisma.TargetWhereInput[] = [{ organisationId }];
  if (!f.includeArchived) and.push({ status: 'ACTIVE' });
  if (f.year !== undefined) and.push({ year: f.year });
  if (f.ownerPostId) and.push({ ownerPostId: f.ownerPostId });
  if (f.parentId) and.push({ parentId: f.parentId });
  if (f.category) and.push({ category: f.category });
  if (f.line) and.push({ line: f.line });
  if (f.q) and.push({ title: { contains: f.q, mode: 'insensitive' } });
  if (f.unitId) and.push({ ownerPost: { unitId: f.unitId } });
  if (f.tier !== undefined) and.push({ ownerPost: { tier: f.tier } });
  if (f.personId) {
    and.push({ ownerPost: { holdings: { some: { personId: f.personId, endedOn: null } } } });
  }
  if (f.scopePostIds !== null) {
    and.push({
      OR: [{ ownerPostId: { in: f.scopePostIds } }, { parent: { ownerPostId: { in: f.scopePostIds } } }],
    });
  }
  return { AND: and };
}

export function createTargetsRepository(db: Db) {
  return {
    findFacts: (organisationId: string, id: string, client: Tx = db) =>
      client.target.findFirst({
        where: { organisationId, id },
        include: factsInclude,
        relationLoadStrategy: 'join',
      }),

    findDetail: (organisationId: string, id: string, client: Tx = db) =>
      client.target.findFirst({
        where: { organisationId, id },
        include: detailInclude,
        relationLoadStrategy: 'join',
      }),

    /** The breadcrumb above a target, root first, in one round trip. */
    async findAncestors(organisationId: string, id: string, client: Tx = db) {
      const rows = await client.$queryRaw<{ id: string; title: string; ownerPostId: string | null }[]>`
        WITH RECURSIVE up(id, depth) AS (
          SELECT t."parentId", 1 FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ${id}::uuid AND t."parentId" IS NOT NULL
          UNION ALL
          SELECT p."parentId", up.depth + 1 FROM "Target" p JOIN up ON p.id = up.id
           WHERE p."parentId" IS NOT NULL AND up.depth < 100
        )
        SELECT t.id::text AS id, t.title, t."ownerPostId"::text AS "ownerPostId"
          FROM up JOIN "Target" t ON t.id = up.id AND t."organisationId" = ${organisationId}::uuid
         ORDER BY up.depth DESC`;
      return rows;
    },

    findPostRefs: (organisationId: string, ids: string[], client: Tx = db) =>
      ids.length === 0
        ? Promise.resolve([] as PostRefRow[])
        : client.post.findMany({
            where: { organisationId, id: { in: ids } },
            include: postRefInclude,
            relationLoadStrategy: 'join',
          }),

    async listTargets(organisationId: string, filter: TargetListFilter, skip: number, take: number) {
      const where = listWhere(organisationId, filter);
      const [total, rows] = await Promise.all([
        db.target.count({ where }),
        db.target.findMany({
          where,
          include: summaryInclude,
          relationLoadStrategy: 'join',
          orderBy: [
            { year: 'desc' },
            { ownerPost: { tier: 'asc' } },
            { ownerPost: { sortOrder: 'asc' } },
            { category: 'asc' },
            { createdAt: 'asc' },
            { id: 'asc' },
          ],
          skip,
          take,
        }),
      ]);
      return { total, rows };
    },

    /** The active subtree under a target, `depth` levels deep, root included, in breadth-first order. */
    async findSubtree(organisationId: string, rootId: string, depth: number) {
      const levels = await db.$queryRaw<{ id: string; level: number }[]>`
        WITH RECURSIVE down(id, level) AS (
          SELECT t.id, 0 FROM "Target" t WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ${rootId}::uuid
          UNION ALL
          SELECT c.id, down.level + 1 FROM "Target" c JOIN down ON c."parentId" = down.id
           WHERE c."organisationId" = ${organisationId}::uuid AND c.status = 'ACTIVE' AND down.level < ${depth}
        )
        SELECT id::text AS id, level FROM down`;
      const rows = await db.target.findMany({
        where: { organisationId, id: { in: levels.map((l) => l.id) } },
        include: summaryInclude,
        relationLoadStrategy: 'join',
      });
      const levelOf = new Map(levels.map((l) => [l.id, l.level]));
      return rows
        .map((row) => ({ row, level: levelOf.get(row.id) ?? 0 }))
        .sort((a, b) => a.level - b.level || a.row.createdAt.getTime() - b.row.createdAt.getTime());
    },

    /** Active targets of a year owned by the given posts, as summaries. */
    findSummariesOfPosts: (organisationId: string, year: number, ownerPostIds: string[]) =>
      db.target.findMany({
        where: { organisationId, year, status: 'ACTIVE', ownerPostId: { in: ownerPostIds } },
        include: summaryInclude,
        relationLoadStrategy: 'join',
        orderBy: [{ category: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      }),

    findPosts: (organisationId: string, ids: string[], client: Tx = db) =>
      client.post.findMany({ where: { organisationId, id: { in: ids } }, select: postFactsSelect }),

    findActiveChildren: (organisationId: string, parentId: string, client: Tx = db) =>
      client.target.findMany({
        where: { organisationId, parentId, status: 'ACTIVE' },
        include: { _count: { select: { children: { where: { status: 'ACTIVE' } } } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),

    createTarget: (
      tx: Tx,
      data: TargetData & {
        id?: string;
        organisationId: string;
        parentId: string | null;
        year: number;
        category: TargetCategory;
        line: Line;
      },
    ) => tx.target.create({ data, select: { id: true } }),

    /** Optimistic concurrency: 0 when the version moved on (or the row is gone). */
    updateIfVersion: (
      tx: Tx,
      organisationId: string,
      id: string,
      version: number,
      data: Partial<TargetData> & { status?: 'ACTIVE' | 'ARCHIVED' },
    ) =>
      tx.target
        .updateMany({
          where: { organisationId, id, version },
          data: { ...data, version: { increment: 1 } },
        })
        .then((r) => r.count),

    updateChild: (tx: Tx, organisationId: string, id: string, data: Partial<TargetData>) =>
      tx.target.updateMany({ where: { organisationId, id }, data: { ...data, version: { increment: 1 } } }),

    /** Archives the given targets and every active target below them; returns the archived ids. */
    async archiveSubtrees(tx: Tx, organisationId: string, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await tx.$queryRaw<{ id: string }[]>`
        WITH RECURSIVE down(id) AS (
          SELECT t.id FROM "Target" t WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ANY(${ids}::uuid[])
          UNION
          SELECT c.id FROM "Target" c JOIN down ON c."parentId" = down.id
           WHERE c."organisationId" = ${organisationId}::uuid AND c.status = 'ACTIVE'
        )
        UPDATE "Target" t SET status = 'ARCHIVED', version = t.version + 1, "updatedAt" = now()
          FROM down WHERE t.id = down.id AND t.status = 'ACTIVE'
        RETURNING t.id::text AS id`;
      return rows.map((r) => r.id);
    },

    /**
     * Serialises every roll-up write under the same root target: one transaction-scoped advisory
     * lock per root, taken in root-id order so two transactions never wait on each other in a cycle.
     * Parents never change (there is no "move"), so a target's root is fixed.
     */
    lockRoots: (tx: Tx, organisationId: string, targetIds: string[]) =>
      tx.$executeRaw`
        WITH RECURSIVE up(id, "parentId") AS (
          SELECT t.id, t."parentId" FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ANY(${targetIds}::uuid[])
          UNION
          SELECT p.id, p."parentId" FROM "Target" p JOIN up ON p.id = up."parentId"
        )
        SELECT pg_advisory_xact_lock(hashtextextended('rollup:' || r.id::text, 0))
          FROM (SELECT id FROM up WHERE "parentId" IS NULL ORDER BY id) r`,

    /**
     * What the roll-up of the changed targets needs, in one round trip: every target on the path
     * from a changed target to its root, and every active child of those (their stored progress).
     */
    loadRollUpFrontier: (tx: Tx, organisationId: string, changedIds: string[], recordedId: string | null) =>
      tx.$queryRaw<RollUpRow[]>`
        WITH RECURSIVE up(id, "parentId") AS (
          SELECT t.id, t."parentId" FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ANY(${changedIds}::uuid[])
          UNION
          SELECT p.id, p."parentId" FROM "Target" p JOIN up ON p.id = up."parentId"
        )
        SELECT t.id::text AS id, t."parentId"::text AS "parentId", t.weight::float8 AS weight, t.progress,
               t."latestValue"::float8 AS "latestValue", t."measureKind", t.baseline::float8 AS baseline,
               t.goal::float8 AS goal, (t.id IN (SELECT id FROM up)) AS "isOnPath",
               CASE WHEN t.id = ${recordedId}::uuid
                    THEN (SELECT max(pu."recordedAt") FROM "ProgressUpdate" pu WHERE pu."targetId" = t.id)
               END AS "lastRecordedAt"
          FROM "Target" t
         WHERE t."organisationId" = ${organisationId}::uuid
           AND (t.id IN (SELECT id FROM up)
                OR (t."parentId" IN (SELECT id FROM up) AND t.status = 'ACTIVE'))`,

    /** Writes roll-ups in one statement; `leaf` also gets its latest recorded value. */
    writeProgress: (
      tx: Tx,
      organisationId: string,
      progress: { id: string; progress: number }[],
      leaf?: { id: string; latestValue: number },
    ) =>
      progress.length === 0
        ? Promise.resolve(0)
        : tx.$executeRaw`
        UPDATE "Target" t
           SET progress = v.progress,
               "latestValue" = CASE WHEN t.id = ${leaf?.id ?? null}::uuid THEN ${leaf?.latestValue ?? null}::numeric
                                    ELSE t."latestValue" END
          FROM unnest(${progress.map((p) => p.id)}::uuid[], ${progress.map((p) => p.progress)}::float8[])
               AS v(id, progress)
         WHERE t.id = v.id AND t."organisationId" = ${organisationId}::uuid`,

    // ------------------------------------------------------------------------------- progress

    insertProgress: (
      tx: Tx,
      data: {
        organisationId: string;
        targetId: string;
        value: number;
        normalised: number;
        note: string;
        evidenceUrl: string | null;
        evidenceFileId: string | null;
        recordedById: string;
        recordedAt: Date;
      },
    ) => tx.progressUpdate.create({ data, include: progressInclude }),

    listProgress: (organisationId: string, targetId: string) =>
      db.progressUpdate.findMany({
        where: { organisationId, targetId },
        include: progressInclude,
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
      }),

    /** Display names of user accounts (the person's name). */
    async userNames(
      organisationId: string,
      userIds: string[],
      client: Tx = db,
    ): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const users = await client.userAccount.findMany({
        where: { organisationId, id: { in: [...new Set(userIds)] } },
        select: { id: true, person: { select: { name: true } } },
      });
      return new Map(users.map((u) => [u.id, u.person.name]));
    },

    // ------------------------------------------------------------------------------- evidence

    createEvidence: (
      tx: Tx,
      data: {
        organisationId: string;
        filename: string;
        mimeType: string;
        sizeBytes: number;
        sha256: string;
        content: Uint8Array<ArrayBuffer>;
        uploadedById: string;
      },
    ) =>
      tx.evidenceFile.create({
        data,
        select: { id: true, filename: true, mimeType: true, sizeBytes: true, sha256: true },
      }),

    findEvidenceMeta: (organisationId: string, id: string) =>
      db.evidenceFile.findFirst({
        where: { organisationId, id },
        select: { id: true, uploadedById: true },
      }),

    /** The evidence with the targets whose progress cites it (for the read rule). */
    findEvidenceWithCiters: (organisationId: string, id: string) =>
      db.evidenceFile.findFirst({
        where: { organisationId, id },
        include: {
          progressUpdates: {
            select: {
              target: { select: { ownerPostId: true, parent: { select: { ownerPostId: true } } } },
            },
          },
        },
      }),

    // ------------------------------------------------------------------------------- bulk assign

    /** Active posts of a tier and/or unit that are in a line. */
    findPostsInScope: (organisationId: string, scope: { tier?: number; unitId?: string }, line: Line) =>
      db.post.findMany({
        where: {
          organisationId,
          archivedAt: null,
          lines: { has: line },
          ...(scope.tier === undefined ? {} : { tier: scope.tier }),
          ...(scope.unitId === undefined ? {} : { unitId: scope.unitId }),
        },
        select: postFactsSelect,
        orderBy: [{ tier: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
      }),

    unitExists: async (organisationId: string, unitId: string) =>
      (await db.orgUnit.count({ where: { organisationId, id: unitId } })) > 0,

    /** Active targets of a year and category owned by the given posts (with their children's weights). */
    findTargetsOfPosts: (
      organisationId: string,
      where: { year: number; category: TargetCategory; ownerPostIds: string[] },
      client: Tx = db,
    ) =>
      client.target.findMany({
        where: {
          organisationId,
          year: where.year,
          category: where.category,
          status: 'ACTIVE',
          ownerPostId: { in: where.ownerPostIds },
        },
        select: {
          id: true,
          title: true,
          line: true,
          ownerPostId: true,
          children: { where: { status: 'ACTIVE' }, select: { weight: true } },
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),

    createTargets: (tx: Tx, rows: Prisma.TargetCreateManyInput[]) => tx.target.createMany({ data: rows }),
  };
}

export type TargetsRepository = ReturnType<typeof createTargetsRepository>;
