// The chain's reads (only the posts shown, their targets and open gaps: docs/performance.md) and the
// person profile's reads.
import type { Db } from '../../db/database';
import { Prisma } from '../../generated/prisma/client';
import type { Line, TargetCategory } from '../../generated/prisma/client';
import { gapsCte } from '../dashboards/dashboards.repository';
import { postRefInclude } from '../targets/targets.repository';

/** One post of the chain as `chainNodes` reads it, in breadth-first order. */
export interface ChainNodeRow {
  id: string;
  code: string;
  title: string;
  tier: number;
  lines: Line[];
  unit: { id: string; name: string; kind: string };
  holders: { personId: string; name: string }[];
  superiorId: string | null;
  subordinateCount: number;
  isRoot: boolean;
}

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

    /**
     * The chain below its roots, `depth` levels, in one statement (docs/performance.md): only the
     * posts shown are read, never the organisation. Posts in the line, live, and visible (`scope`
     * null: all). Roots: `rootPostId`; else tier 1 (organisation-wide); else the actor's own posts in
     * the line; else the visible posts whose superior is not visible — minus any root that reports
     * (transitively) to another root. Breadth-first, siblings in post order (tier, sort order, code).
     * Null when `rootPostId` is not such a post.
     */
    async chainNodes(
      organisationId: string,
      q: {
        line: Line;
        depth: number;
        scope: readonly string[] | null;
        rootPostId: string | null;
        actorPostIds: readonly string[];
      },
    ): Promise<ChainNodeRow[] | null> {
      const org = Prisma.sql`${organisationId}::uuid`;
      const line = Prisma.sql`${q.line}::"Line"`;
      const sup = (alias: string) =>
        Prisma.sql`(CASE ${line} WHEN 'ADMINISTRATIVE' THEN ${Prisma.raw(alias)}."adminSuperiorId" ELSE ${Prisma.raw(alias)}."partySuperiorId" END)`;
      const scope = q.scope === null ? null : [...q.scope];
      const rows = await db.$queryRaw<{ rootFound: boolean; nodes: ChainNodeRow[] | null }[]>`
        WITH RECURSIVE
        vis AS MATERIALIZED (
          SELECT p.id, p.code, p.title, p.tier, p.lines, p."unitId", ${sup('p')} AS sup,
                 row_number() OVER (ORDER BY p.tier, p."sortOrder", p.code) AS pos
            FROM "Post" p
           WHERE p."organisationId" = ${org} AND p."archivedAt" IS NULL AND ${line} = ANY(p.lines)
             AND (${scope}::uuid[] IS NULL OR p.id = ANY(${scope}::uuid[]))
        ),
        cand AS (
          SELECT v.id, v.pos FROM vis v
           WHERE CASE
                   WHEN ${q.rootPostId}::uuid IS NOT NULL THEN v.id = ${q.rootPostId}::uuid
                   WHEN ${scope}::uuid[] IS NULL THEN v.tier = 1
                   WHEN EXISTS (SELECT 1 FROM vis a WHERE a.id = ANY(${[...q.actorPostIds]}::uuid[]))
                     THEN v.id = ANY(${[...q.actorPostIds]}::uuid[])
                   ELSE NOT EXISTS (SELECT 1 FROM vis s WHERE s.id = v.sup)
                 END
        ),
        up(root, cur, steps) AS (
          SELECT c.id, ${sup('p')}, 0 FROM cand c JOIN "Post" p ON p.id = c.id
          UNION ALL
          SELECT up.root, ${sup('p')}, up.steps + 1 FROM up JOIN "Post" p ON p.id = up.cur
           WHERE up.steps < 16
        ),
        roots AS (
          SELECT c.id, c.pos FROM cand c
           WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.root = c.id AND up.cur IN (SELECT id FROM cand))
        ),
        walk(id, level, path) AS (
          SELECT r.id, 0, ARRAY[r.pos] FROM roots r
          UNION ALL
          SELECT v.id, w.level + 1, w.path || v.pos FROM walk w JOIN vis v ON v.sup = w.id
           WHERE w.level < ${q.depth}
        )
        SELECT EXISTS (SELECT 1 FROM cand) OR ${q.rootPostId}::uuid IS NULL AS "rootFound",
               (SELECT json_agg(json_build_object(
                  'id', v.id, 'code', v.code, 'title', v.title, 'tier', v.tier, 'lines', v.lines,
                  'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind),
                  'holders', coalesce((
                    SELECT json_agg(json_build_object('personId', h."personId", 'name', pe.name)
                                    ORDER BY h."isPrimary" DESC, h."startedOn")
                      FROM "Holding" h JOIN "Person" pe ON pe.id = h."personId"
                     WHERE h."organisationId" = ${org} AND h."postId" = v.id AND h."endedOn" IS NULL), '[]'::json),
                  'superiorId', v.sup,
                  'subordinateCount', coalesce(sc.n, 0),
                  'isRoot', w.level = 0)
                ORDER BY w.level, w.path)
                  FROM walk w JOIN vis v ON v.id = w.id JOIN "OrgUnit" u ON u.id = v."unitId"
                  LEFT JOIN (SELECT c.sup, count(*)::int AS n FROM vis c WHERE c.sup IN (SELECT id FROM walk)
                              GROUP BY c.sup) sc ON sc.sup = v.id) AS nodes`;
      const row = rows[0]!;
      return row.rootFound ? (row.nodes ?? []) : null;
    },

    /**
     * For the posts shown: their active targets of the year (for the per-category roll-up of their
     * own targets), their open (unwaived) gaps counted as the gap report counts them, from the
     * set-based gap check scoped to these posts.
     */
    async chainFigures(organisationId: string, year: number, postIds: readonly string[]) {
      const rows = await db.$queryRaw<
        {
          targets: { postId: string; category: TargetCategory; weight: number; progress: number }[];
          gaps: { postId: string; open: number }[];
        }[]
      >`
        WITH RECURSIVE ${gapsCte(organisationId, year, postIds)}
        SELECT
          (SELECT coalesce(json_agg(json_build_object('postId', t."ownerPostId", 'category', t.category,
                                                      'weight', t.weight::float8, 'progress', t.progress)), '[]'::json)
             FROM "Target" t
            WHERE t."organisationId" = ${organisationId}::uuid AND t.year = ${year} AND t.status = 'ACTIVE'
              AND t."ownerPostId" = ANY(${[...postIds]}::uuid[])) AS targets,
          (SELECT coalesce(json_agg(json_build_object('postId', g."postId", 'open', g.n)), '[]'::json)
             FROM (SELECT "postId", count(*)::int AS n FROM gaps
                    WHERE NOT "isWaived" AND "postId" = ANY(${[...postIds]}::uuid[]) GROUP BY 1) g) AS gaps`;
      return rows[0]!;
    },

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
