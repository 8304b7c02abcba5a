// Targets, progress and evidence: the only code of the area that touches Prisma. Every query is
// scoped by organisationId; writes take the caller's transaction.
import type { PostRef, ProgressUpdate, TargetSummary } from '@zeren/contracts';
import type { Db } from '../../db/database';
import { queryOne, type SqlPool } from '../../db/sql';
import type { Tx } from '../../db/transaction';
import { Prisma } from '../../generated/prisma/client';
import type { Line, MeasureKind, TargetCategory } from '../../generated/prisma/client';
import { postGraphCtes, postGraphJson, toPostGraph, type PostGraphJson } from '../access/access.repository';
import type { PostGraph } from '../access/access.service';
import { auditAppendSql, type PreparedAuditEntry } from '../audit/audit.repository';

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

/** What recording progress checks about a target (read in the same round trip as the frontier). */
export interface ProgressFactsRow {
  id: string;
  ownerPostId: string | null;
  parentId: string | null;
  parentOwnerPostId: string | null;
  line: Line;
  status: 'ACTIVE' | 'ARCHIVED';
  progress: number;
  latestValue: number | null;
  measureKind: MeasureKind;
  baseline: number;
  goal: number;
  adminSuperiorId: string | null;
  partySuperiorId: string | null;
  activeChildren: number;
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

// ------------------------------------------------------------------- hot reads (raw, on the pool)
// Target detail and subtree are one statement each (docs/performance.md "Hot reads"): the rows are
// built as contract-shaped JSON by Postgres, with the post graph of every owner post they involve
// (access.repository.ts), so the service decides read access (access.service.ts) without loading
// the actor's read scope.

/** A post as PostRef JSON (unit name, current holders primary first); NULL without a post. `o` is the post. */
const postRefJson = (o: string) => {
  const p = Prisma.raw(o);
  return Prisma.sql`CASE WHEN ${p}.id IS NULL THEN NULL ELSE json_build_object(
    'id', ${p}.id, 'code', ${p}.code, 'title', ${p}.title, 'tier', ${p}.tier,
    'unitName', (SELECT u.name FROM "OrgUnit" u WHERE u.id = ${p}."unitId"),
    'holderNames', coalesce((
      SELECT json_agg(pe.name ORDER BY h."isPrimary" DESC, h."startedOn", h.id)
        FROM "Holding" h JOIN "Person" pe ON pe.id = h."personId"
       WHERE h."organisationId" = ${p}."organisationId" AND h."postId" = ${p}.id AND h."endedOn" IS NULL), '[]'::json)) END`;
};

/**
 * A target `t` with its owner post `o` as TargetSummary JSON, less `isAtRisk` (it moves with the
 * clock), plus the `extra` key/value pairs.
 */
const summaryJson = (t: string, o: string, extra: Prisma.Sql) => {
  const x = Prisma.raw(t);
  return Prisma.sql`json_build_object(
    'id', ${x}.id, 'parentId', ${x}."parentId", 'year', ${x}.year, 'category', ${x}.category, 'line', ${x}.line,
    'title', ${x}.title, 'owner', ${postRefJson(o)}, 'weight', ${x}.weight, 'measureKind', ${x}."measureKind",
    'measureUnit', ${x}."measureUnit", 'baseline', ${x}.baseline, 'goal', ${x}.goal, 'dueDate', ${x}."dueDate",
    'status', ${x}.status, 'progress', ${x}.progress, 'latestValue', ${x}."latestValue",
    'childCount', (SELECT count(*) FROM "Target" child_
                    WHERE child_."organisationId" = ${x}."organisationId" AND child_."parentId" = ${x}.id
                      AND child_.status = 'ACTIVE'),
    'version', ${x}.version, ${extra})`;
};

/** A TargetSummary as the hot reads fetch it (`toTargetSummaryOfJson` adds `isAtRisk`). */
export type TargetSummaryJson = Omit<TargetSummary, 'isAtRisk'>;

/** Everything the target detail shows and decides on, from one statement. */
export interface TargetDetailRead {
  target: TargetSummaryJson & {
    description: string | null;
    ownerPostId: string | null;
    parentOwnerPostId: string | null;
    /** The owner post's superiors (who may record progress). */
    ownerAdminSuperiorId: string | null;
    ownerPartySuperiorId: string | null;
  };
  /** Every active child, in decomposition order (the visible ones are shown, all count for the weights). */
  children: (TargetSummaryJson & { ownerPostId: string | null })[];
  ancestors: { id: string; title: string; owner: PostRef | null }[];
  /** The five newest updates; `recordedBy.name` null when the account is gone. */
  recentProgress: (Omit<ProgressUpdate, 'recordedBy'> & {
    recordedBy: { userId: string; name: string | null };
  })[];
  /** The owners of the target, its parent and its children, and every post above them. */
  graph: PostGraph;
}

/** A node of a subtree read: its summary, owner and level (0 = the root). */
export type SubtreeNodeRead = TargetSummaryJson & { ownerPostId: string | null; level: number };

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

/**
 * The organisation-wide list of one year filtered at most by category, line, owner post, unit and
 * tier: answered without a pass over the year (docs/performance.md). The page walks the posts in
 * list order (index on tier, sort order) and each post's targets (index on year, owner), so Postgres
 * stops after `skip + take` rows; the total comes from the maintained post summaries when the
 * filter allows. Same order as the general query: owner tier, owner sort order, category, creation,
 * id; targets without owner last.
 */
const isPostOrderedList = (f: TargetListFilter): f is TargetListFilter & { year: number } =>
  f.year !== undefined && f.scopePostIds === null && !f.q && !f.personId && !f.parentId;

function listByPostOrderFor(db: Db) {
  return async (
    organisationId: string,
    f: TargetListFilter & { year: number },
    skip: number,
    take: number,
  ) => {
    const org = Prisma.sql`${organisationId}::uuid`;
    const targetWhere = Prisma.join(
      [
        Prisma.sql`t."organisationId" = ${org}`,
        Prisma.sql`t.year = ${f.year}`,
        f.includeArchived ? Prisma.sql`true` : Prisma.sql`t.status = 'ACTIVE'`,
        f.category ? Prisma.sql`t.category = ${f.category}::"TargetCategory"` : Prisma.sql`true`,
        f.line ? Prisma.sql`t.line = ${f.line}::"Line"` : Prisma.sql`true`,
      ],
      ' AND ',
    );
    const postFilter = f.ownerPostId !== undefined || f.unitId !== undefined || f.tier !== undefined;
    const postWhere = Prisma.join(
      [
        Prisma.sql`p."organisationId" = ${org}`,
        f.ownerPostId ? Prisma.sql`p.id = ${f.ownerPostId}::uuid` : Prisma.sql`true`,
        f.unitId ? Prisma.sql`p."unitId" = ${f.unitId}::uuid` : Prisma.sql`true`,
        f.tier !== undefined ? Prisma.sql`p.tier = ${f.tier}` : Prisma.sql`true`,
      ],
      ' AND ',
    );
    const limit = skip + take;
    // The total: from "TargetPostSummary" (active targets per post and category) when it holds
    // exactly what is asked, else counted.
    const fromSummary = !f.includeArchived && !f.line;
    const totalSql = fromSummary
      ? Prisma.sql`(SELECT coalesce(sum(ps.targets), 0) FROM "Post" p
                     JOIN "TargetPostSummary" ps ON ps."organisationId" = ${org} AND ps.year = ${f.year}
                                               AND ps."postId" = p.id AND ps.category = ${f.category ?? 'ALL'}
                    WHERE ${postWhere})
                 + ${
                   postFilter
                     ? Prisma.sql`0`
                     : Prisma.sql`(SELECT count(*) FROM "Target" t WHERE ${targetWhere} AND t."ownerPostId" IS NULL)`
                 }`
      : postFilter
        ? Prisma.sql`(SELECT count(*) FROM "Post" p JOIN "Target" t ON t."ownerPostId" = p.id AND ${targetWhere}
                      WHERE ${postWhere})`
        : Prisma.sql`(SELECT count(*) FROM "Target" t WHERE ${targetWhere})`;
    const rows = await db.$queryRaw<{ ids: string[] | null; total: number }[]>`
      SELECT (SELECT array_agg(x.id::text ORDER BY x.grp, x.tier, x."sortOrder", x.category, x."createdAt", x.id)
                FROM (SELECT * FROM (
                        (SELECT t.id, 0 AS grp, p.tier, p."sortOrder", t.category, t."createdAt"
                           FROM "Post" p JOIN "Target" t ON t."ownerPostId" = p.id AND ${targetWhere}
                          WHERE ${postWhere}
                          ORDER BY p.tier, p."sortOrder", t.category, t."createdAt", t.id LIMIT ${limit})
                        UNION ALL
                        (SELECT t.id, 1, NULL::smallint, NULL::int, t.category, t."createdAt"
                           FROM "Target" t
                          WHERE ${postFilter ? Prisma.sql`false` : Prisma.sql`true`} AND ${targetWhere}
                            AND t."ownerPostId" IS NULL
                          ORDER BY t.category, t."createdAt", t.id LIMIT ${limit})) u
                       ORDER BY grp, tier, "sortOrder", category, "createdAt", id OFFSET ${skip} LIMIT ${take}) x) AS ids,
             (${totalSql})::int AS total`;
    const { ids, total } = rows[0]!;
    const page = ids ?? [];
    if (page.length === 0) return { total, rows: [] as TargetSummaryRow[] };
    const found = await db.target.findMany({
      where: { organisationId, id: { in: page } },
      include: summaryInclude,
      relationLoadStrategy: 'join',
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    return { total, rows: page.flatMap((id) => byId.get(id) ?? []) };
  };
}

/**
 * The target detail in one statement: the target, its active children, the breadcrumb with
 * each ancestor's owner, the five newest progress updates with recorder and evidence, and the
 * post graph the read rules look at. Null when the organisation has no such target.
 */
export async function readTargetDetail(
  pool: SqlPool,
  organisationId: string,
  id: string,
): Promise<TargetDetailRead | null> {
  const org = Prisma.sql`${organisationId}::uuid`;
  const row = await queryOne<{
    detail: (Omit<TargetDetailRead, 'graph'> & { graph: PostGraphJson }) | null;
  }>(
    pool,
    Prisma.sql`
    WITH RECURSIVE
    t AS (
      SELECT t.*, par."ownerPostId" AS "parentOwnerPostId"
        FROM "Target" t LEFT JOIN "Target" par ON par.id = t."parentId"
       WHERE t."organisationId" = ${org} AND t.id = ${id}::uuid
    ),
    kids AS (
      SELECT k.* FROM t JOIN "Target" k ON k."organisationId" = t."organisationId" AND k."parentId" = t.id
       WHERE k.status = 'ACTIVE'
    ),
    up(id, depth) AS (
      SELECT t."parentId", 1 FROM t WHERE t."parentId" IS NOT NULL
      UNION ALL
      SELECT p."parentId", up.depth + 1 FROM "Target" p JOIN up ON p.id = up.id
       WHERE p."parentId" IS NOT NULL AND up.depth < 100
    ),
    ${postGraphCtes(
      organisationId,
      Prisma.sql`SELECT "ownerPostId" FROM t UNION ALL SELECT "parentOwnerPostId" FROM t
                 UNION ALL SELECT "ownerPostId" FROM kids`,
    )}
    SELECT (
      SELECT json_build_object(
        'target', ${summaryJson(
          't',
          'o',
          Prisma.sql`'description', t.description, 'ownerPostId', t."ownerPostId",
                     'parentOwnerPostId', t."parentOwnerPostId",
                     'ownerAdminSuperiorId', o."adminSuperiorId", 'ownerPartySuperiorId', o."partySuperiorId"`,
        )},
        'children', (
          SELECT coalesce(json_agg(${summaryJson('k', 'ko', Prisma.sql`'ownerPostId', k."ownerPostId"`)}
                                   ORDER BY k."createdAt", k.id), '[]'::json)
            FROM kids k LEFT JOIN "Post" ko ON ko.id = k."ownerPostId"),
        'ancestors', (
          SELECT coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'owner', ${postRefJson('ao')})
                                   ORDER BY up.depth DESC), '[]'::json)
            FROM up JOIN "Target" a ON a.id = up.id AND a."organisationId" = ${org}
            LEFT JOIN "Post" ao ON ao.id = a."ownerPostId"),
        'recentProgress', (
          SELECT coalesce(json_agg(json_build_object(
                   'id', pu.id, 'targetId', pu."targetId", 'value', pu.value, 'normalised', pu.normalised,
                   'note', pu.note, 'evidenceUrl', pu."evidenceUrl",
                   'evidenceFile', CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object(
                     'id', e.id, 'filename', e.filename, 'mimeType', e."mimeType", 'sizeBytes', e."sizeBytes") END,
                   'recordedBy', json_build_object('userId', pu."recordedById", 'name', pe.name),
                   'recordedAt', pu."recordedAt") ORDER BY pu."recordedAt" DESC, pu.id DESC), '[]'::json)
            FROM (SELECT * FROM "ProgressUpdate" x
                   WHERE x."organisationId" = ${org} AND x."targetId" = t.id
                   ORDER BY x."recordedAt" DESC, x.id DESC LIMIT 5) pu
            LEFT JOIN "EvidenceFile" e ON e.id = pu."evidenceFileId"
            LEFT JOIN "UserAccount" ua ON ua.id = pu."recordedById" AND ua."organisationId" = ${org}
            LEFT JOIN "Person" pe ON pe.id = ua."personId"),
        'graph', ${postGraphJson(organisationId)})
        FROM t LEFT JOIN "Post" o ON o.id = t."ownerPostId") AS detail`,
  );
  if (!row.detail) return null;
  return { ...row.detail, graph: toPostGraph(row.detail.graph) };
}

/**
 * A subtree in one statement: the target `rootId` (whatever its status) and its active
 * descendants `depth` levels down, breadth first (siblings by creation), with the owner of the
 * root's parent and the post graph of every owner involved. Null when there is no such target.
 */
export async function readTargetSubtree(
  pool: SqlPool,
  organisationId: string,
  rootId: string,
  depth: number,
): Promise<{ rootParentOwnerPostId: string | null; nodes: SubtreeNodeRead[]; graph: PostGraph } | null> {
  const org = Prisma.sql`${organisationId}::uuid`;
  const row = await queryOne<{
    tree: {
      rootParentOwnerPostId: string | null;
      nodes: SubtreeNodeRead[];
      graph: PostGraphJson;
    } | null;
  }>(
    pool,
    Prisma.sql`
    WITH RECURSIVE
    down(id, level) AS (
      SELECT t.id, 0 FROM "Target" t WHERE t."organisationId" = ${org} AND t.id = ${rootId}::uuid
      UNION ALL
      SELECT c.id, down.level + 1 FROM "Target" c JOIN down ON c."parentId" = down.id
       WHERE c."organisationId" = ${org} AND c.status = 'ACTIVE' AND down.level < ${depth}
    ),
    nodes AS MATERIALIZED (SELECT t.*, d.level FROM down d JOIN "Target" t ON t.id = d.id),
    root AS (
      SELECT par."ownerPostId" AS "parentOwnerPostId"
        FROM nodes n LEFT JOIN "Target" par ON par.id = n."parentId" WHERE n.level = 0
    ),
    ${postGraphCtes(
      organisationId,
      Prisma.sql`SELECT "ownerPostId" FROM nodes UNION ALL SELECT "parentOwnerPostId" FROM root`,
    )}
    SELECT CASE WHEN EXISTS (SELECT 1 FROM root) THEN json_build_object(
             'rootParentOwnerPostId', (SELECT "parentOwnerPostId" FROM root),
             'nodes', (
               SELECT json_agg(${summaryJson('n', 'o', Prisma.sql`'ownerPostId', n."ownerPostId", 'level', n.level`)}
                               ORDER BY n.level, n."createdAt", n.id)
                 FROM nodes n LEFT JOIN "Post" o ON o.id = n."ownerPostId"),
             'graph', ${postGraphJson(organisationId)}) END AS tree`,
  );
  if (!row.tree) return null;
  return { ...row.tree, graph: toPostGraph(row.tree.graph) };
}

export function createTargetsRepository(db: Db, pool: SqlPool) {
  const listByPostOrder = listByPostOrderFor(db);
  return {
    readDetail: (organisationId: string, id: string) => readTargetDetail(pool, organisationId, id),
    readSubtree: (organisationId: string, rootId: string, depth: number) =>
      readTargetSubtree(pool, organisationId, rootId, depth),

    findFacts: (organisationId: string, id: string, client: Tx = db) =>
      client.target.findFirst({
        where: { organisationId, id },
        include: factsInclude,
        relationLoadStrategy: 'join',
      }),

    async listTargets(organisationId: string, filter: TargetListFilter, skip: number, take: number) {
      if (isPostOrderedList(filter)) return listByPostOrder(organisationId, filter, skip, take);
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
        ,
        -- By index: the path by id, the active children by ("organisationId", "parentId") (one
        -- condition with OR made Postgres scan every target of the organisation).
        frontier AS (
          SELECT t.*, true AS on_path FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t.id IN (SELECT id FROM up)
          UNION ALL
          SELECT c.*, false FROM up JOIN "Target" c ON c."organisationId" = ${organisationId}::uuid AND c."parentId" = up.id
           WHERE c.status = 'ACTIVE' AND c.id NOT IN (SELECT id FROM up)
        )
        SELECT t.id::text AS id, t."parentId"::text AS "parentId", t.weight::float8 AS weight, t.progress,
               t."latestValue"::float8 AS "latestValue", t."measureKind", t.baseline::float8 AS baseline,
               t.goal::float8 AS goal, t.on_path AS "isOnPath",
               CASE WHEN t.id = ${recordedId}::uuid
                    THEN (SELECT max(pu."recordedAt") FROM "ProgressUpdate" pu WHERE pu."targetId" = t.id)
               END AS "lastRecordedAt"
          FROM frontier t`,

    /**
     * Recording progress, first round trip: the target's facts, the cited evidence's uploader, and
     * (after taking the roots' locks, `zeren_lock_roll_up_frontier`) the roll-up frontier.
     */
    async lockProgressFrontier(
      tx: Tx,
      organisationId: string,
      targetId: string,
      evidenceFileId: string | null,
    ) {
      const rows = await tx.$queryRaw<
        {
          facts: ProgressFactsRow | null;
          evidenceUploadedById: string | null;
          frontier: (Omit<RollUpRow, 'lastRecordedAt'> & { lastRecordedAt: string | null })[];
        }[]
      >`
        SELECT
          (SELECT json_build_object(
                  'id', t.id, 'ownerPostId', t."ownerPostId", 'parentId', t."parentId",
                  'parentOwnerPostId', par."ownerPostId", 'line', t.line, 'status', t.status,
                  'progress', t.progress, 'latestValue', t."latestValue"::float8, 'measureKind', t."measureKind",
                  'baseline', t.baseline::float8, 'goal', t.goal::float8,
                  'adminSuperiorId', o."adminSuperiorId", 'partySuperiorId', o."partySuperiorId",
                  'activeChildren', (SELECT count(*) FROM "Target" c
                                      WHERE c."organisationId" = t."organisationId" AND c."parentId" = t.id
                                        AND c.status = 'ACTIVE'))
             FROM "Target" t
             LEFT JOIN "Post" o ON o."organisationId" = t."organisationId" AND o.id = t."ownerPostId"
             LEFT JOIN "Target" par ON par."organisationId" = t."organisationId" AND par.id = t."parentId"
            WHERE t."organisationId" = ${organisationId}::uuid AND t.id = ${targetId}::uuid) AS facts,
          (SELECT e."uploadedById"::text FROM "EvidenceFile" e
            WHERE e."organisationId" = ${organisationId}::uuid AND e.id = ${evidenceFileId}::uuid) AS "evidenceUploadedById",
          (SELECT coalesce(json_agg(f), '[]'::json)
             FROM zeren_lock_roll_up_frontier(${organisationId}::uuid, ARRAY[${targetId}::uuid], ${targetId}::uuid) f
          ) AS frontier`;
      const row = rows[0]!;
      return {
        facts: row.facts,
        evidenceUploadedById: row.evidenceUploadedById,
        frontier: row.frontier.map((f): RollUpRow => ({
          ...f,
          lastRecordedAt: f.lastRecordedAt === null ? null : new Date(f.lastRecordedAt),
        })),
      };
    },

    /**
     * Recording progress, second round trip: inserts the update, writes the roll-up (the summaries
     * follow in the trigger), appends the audit entry, and reads the recorder's name.
     */
    async writeProgressUpdate(
      tx: Tx,
      data: {
        id: string;
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
      progress: { id: string; progress: number }[],
      audit: PreparedAuditEntry,
    ): Promise<{ update: ProgressRow; recorderName: string | null }> {
      const org = Prisma.sql`${data.organisationId}::uuid`;
      const rows = await tx.$queryRaw<
        {
          id: string;
          recordedAt: Date;
          evidenceFile: ProgressRow['evidenceFile'];
          recorderName: string | null;
          auditId: bigint;
        }[]
      >`
        WITH ins AS (
          INSERT INTO "ProgressUpdate" (id, "organisationId", "targetId", value, normalised, note, "evidenceUrl",
                                        "evidenceFileId", "recordedById", "recordedAt")
          VALUES (${data.id}::uuid, ${org}, ${data.targetId}::uuid, ${data.value}::numeric, ${data.normalised}::float8,
                  ${data.note}, ${data.evidenceUrl}, ${data.evidenceFileId}::uuid, ${data.recordedById}::uuid,
                  ${data.recordedAt.toISOString()}::timestamptz)
          RETURNING id, "recordedAt", "evidenceFileId"
        ),
        upd AS (
          UPDATE "Target" t
             SET progress = v.progress,
                 "latestValue" = CASE WHEN t.id = ${data.targetId}::uuid THEN ${data.value}::numeric
                                      ELSE t."latestValue" END
            FROM unnest(${progress.map((p) => p.id)}::uuid[], ${progress.map((p) => p.progress)}::float8[])
                 AS v(id, progress)
           WHERE t.id = v.id AND t."organisationId" = ${org}
          RETURNING t.id
        )
        SELECT ins.id::text AS id, ins."recordedAt",
               (SELECT json_build_object('id', e.id, 'filename', e.filename, 'mimeType', e."mimeType",
                                         'sizeBytes', e."sizeBytes")
                  FROM "EvidenceFile" e WHERE e."organisationId" = ${org} AND e.id = ins."evidenceFileId") AS "evidenceFile",
               (SELECT pe.name FROM "UserAccount" ua JOIN "Person" pe ON pe.id = ua."personId"
                 WHERE ua."organisationId" = ${org} AND ua.id = ${data.recordedById}::uuid) AS "recorderName",
               (SELECT count(*) FROM upd) AS moved,
               ${auditAppendSql(audit)} AS "auditId"
          FROM ins`;
      const row = rows[0]!;
      return {
        update: {
          id: row.id,
          organisationId: data.organisationId,
          targetId: data.targetId,
          value: new Prisma.Decimal(data.value),
          normalised: data.normalised,
          note: data.note,
          evidenceUrl: data.evidenceUrl,
          evidenceFileId: data.evidenceFileId,
          recordedById: data.recordedById,
          recordedAt: row.recordedAt,
          evidenceFile: row.evidenceFile,
        },
        recorderName: row.recorderName,
      };
    },

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
