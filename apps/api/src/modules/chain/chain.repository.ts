// The chain's reads (only the posts shown, their targets and open gaps: docs/performance.md) and the
// person profile's reads.
import type { Db } from '../../db/database';
import { queryOne, type SqlPool } from '../../db/sql';
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

/** The superior column of a line (a fixed identifier: the line is an enum). */
const superiorColumn = (line: Line) =>
  Prisma.raw(line === 'ADMINISTRATIVE' ? '"adminSuperiorId"' : '"partySuperiorId"');

/** Open and overdue findings of one post (overdue: still OPEN past the deadline, China time). */
export interface FindingCounts {
  open: number;
  overdue: number;
}

/**
 * The chain below its roots, `depth` levels, in one statement (docs/performance.md): only the
 * posts shown and their direct reports are read, by index, never the organisation. Posts in
 * the line, live, and visible (`scope` null: all). Roots: `rootPostId`; else tier 1
 * (organisation-wide); else the actor's own posts in the line; else the visible posts whose
 * superior is not visible — minus any root that reports (transitively) to another root.
 * Breadth-first, siblings in post order (tier, sort order, code). Null when `rootPostId` is not
 * such a post.
 */
export async function readChainNodes(
  pool: SqlPool,
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
  const sup = superiorColumn(q.line);
  const scope = q.scope === null ? null : [...q.scope];
  const actorPostIds = [...q.actorPostIds];
  const isVisible = (alias: string) => {
    const p = Prisma.raw(alias);
    return Prisma.sql`${p}."organisationId" = ${org} AND ${p}."archivedAt" IS NULL AND ${q.line}::"Line" = ANY(${p}.lines)
      ${scope === null ? Prisma.empty : Prisma.sql`AND ${p}.id = ANY(${scope}::uuid[])`}`;
  };
  const candidates =
    q.rootPostId !== null
      ? Prisma.sql`SELECT p.id FROM "Post" p WHERE p.id = ${q.rootPostId}::uuid AND ${isVisible('p')}`
      : scope === null
        ? Prisma.sql`SELECT p.id FROM "Post" p WHERE p."organisationId" = ${org} AND p.tier = 1 AND ${isVisible('p')}`
        : Prisma.sql`
          SELECT p.id FROM "Post" p WHERE p.id = ANY(${actorPostIds}::uuid[]) AND ${isVisible('p')}
          UNION ALL
          SELECT p.id FROM "Post" p
           WHERE p.id = ANY(${scope}::uuid[]) AND ${isVisible('p')}
             AND NOT EXISTS (SELECT 1 FROM "Post" a WHERE a.id = ANY(${actorPostIds}::uuid[]) AND ${isVisible('a')})
             AND NOT EXISTS (SELECT 1 FROM "Post" s WHERE s.id = p.${sup} AND ${isVisible('s')})`;
  const row = await queryOne<{ rootFound: boolean; nodes: ChainNodeRow[] | null }>(
    pool,
    Prisma.sql`
    WITH RECURSIVE
    cand AS MATERIALIZED (${candidates}),
    up(root, cur, steps) AS (
      SELECT c.id, p.${sup}, 0 FROM cand c JOIN "Post" p ON p.id = c.id
      UNION ALL
      SELECT up.root, p.${sup}, up.steps + 1 FROM up JOIN "Post" p ON p.id = up.cur
       WHERE up.steps < 16
    ),
    roots AS (
      SELECT c.id FROM cand c
       WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.root = c.id AND up.cur IN (SELECT id FROM cand))
    ),
    walk(id, level, path) AS (
      SELECT r.id, 0, ARRAY[r.id] FROM roots r
      UNION ALL
      SELECT c.id, w.level + 1, w.path || c.id FROM walk w
        JOIN "Post" c ON c."organisationId" = ${org} AND c.${sup} = w.id
       WHERE w.level < ${q.depth} AND ${isVisible('c')}
    ),
    -- Post order among the posts shown: the same relative order as over the whole line.
    ranked AS (
      SELECT w.id, w.level, w.path, row_number() OVER (ORDER BY p.tier, p."sortOrder", p.code) AS pos
        FROM walk w JOIN "Post" p ON p.id = w.id
    )
    SELECT EXISTS (SELECT 1 FROM cand) OR ${q.rootPostId}::uuid IS NULL AS "rootFound",
           (SELECT json_agg(json_build_object(
              'id', v.id, 'code', v.code, 'title', v.title, 'tier', v.tier, 'lines', v.lines,
              'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind),
              'holders', coalesce((
                SELECT json_agg(json_build_object('personId', h."personId", 'name', pe.name)
                                ORDER BY h."isPrimary" DESC, h."startedOn", h.id)
                  FROM "Holding" h JOIN "Person" pe ON pe.id = h."personId"
                 WHERE h."organisationId" = ${org} AND h."postId" = v.id AND h."endedOn" IS NULL), '[]'::json),
              'superiorId', v.${sup},
              'subordinateCount', (SELECT count(*) FROM "Post" c
                                    WHERE c."organisationId" = ${org} AND c.${sup} = v.id AND ${isVisible('c')}),
              'isRoot', r.level = 0)
            ORDER BY r.level, (SELECT array_agg(x.pos ORDER BY a.i)
                                 FROM unnest(r.path) WITH ORDINALITY AS a(id, i) JOIN ranked x ON x.id = a.id))
              FROM ranked r JOIN "Post" v ON v.id = r.id JOIN "OrgUnit" u ON u.id = v."unitId") AS nodes`,
  );
  return row.rootFound ? (row.nodes ?? []) : null;
}

/**
 * For the posts shown, in one statement: their active targets of the year (for the
 * per-category roll-up of their own targets), their open (unwaived) gaps counted as the gap
 * report counts them (the set-based gap check scoped to these posts), and their open and
 * overdue supervision findings.
 */
export async function readChainFigures(
  pool: SqlPool,
  organisationId: string,
  year: number,
  postIds: readonly string[],
) {
  const ids = [...postIds];
  return queryOne<{
    targets: { postId: string; category: TargetCategory; weight: number; progress: number }[];
    gaps: { postId: string; open: number }[];
    findings: ({ postId: string } & FindingCounts)[];
  }>(
    pool,
    Prisma.sql`
    WITH RECURSIVE ${gapsCte(organisationId, year, postIds)}
    SELECT
      (SELECT coalesce(json_agg(json_build_object('postId', t."ownerPostId", 'category', t.category,
                                                  'weight', t.weight::float8, 'progress', t.progress)), '[]'::json)
         FROM "Target" t
        WHERE t."organisationId" = ${organisationId}::uuid AND t.year = ${year} AND t.status = 'ACTIVE'
          AND t."ownerPostId" = ANY(${ids}::uuid[])) AS targets,
      (SELECT coalesce(json_agg(json_build_object('postId', g."postId", 'open', g.n)), '[]'::json)
         FROM (SELECT "postId", count(*)::int AS n FROM gaps
                WHERE NOT "isWaived" AND "postId" = ANY(${ids}::uuid[]) GROUP BY 1) g) AS gaps,
      (SELECT coalesce(json_agg(json_build_object('postId', f."postId", 'open', f.open, 'overdue', f.overdue)), '[]'::json)
         FROM (SELECT "postId", count(*)::int AS open,
                      (count(*) FILTER (WHERE status = 'OPEN'
                         AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date))::int AS overdue
                 FROM "Finding"
                WHERE "organisationId" = ${organisationId}::uuid AND status <> 'CLOSED'
                  AND "postId" = ANY(${ids}::uuid[])
                GROUP BY "postId") f) AS findings`,
  );
}

export function createChainRepository(db: Db, pool: SqlPool) {
  return {
    findPerson: (organisationId: string, id: string) =>
      db.person.findFirst({ where: { organisationId, id }, include: profileInclude }),

    chainNodes: (organisationId: string, q: Parameters<typeof readChainNodes>[2]) =>
      readChainNodes(pool, organisationId, q),
    chainFigures: (organisationId: string, year: number, postIds: readonly string[]) =>
      readChainFigures(pool, organisationId, year, postIds),
  };
}

export type ChainRepository = ReturnType<typeof createChainRepository>;
