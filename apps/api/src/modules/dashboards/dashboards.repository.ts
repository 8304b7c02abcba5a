// The dashboards' reads: a few set-based statements per dashboard (CTEs, GROUP BY, JSON built in
// Postgres), never a query per node and never a roll-up: every progress figure is the maintained
// `Target.progress`. The only code of the area that touches Prisma.
import type { Db } from '../../db/database';
import { queryOne, type SqlPool } from '../../db/sql';
import { Prisma } from '../../generated/prisma/client';

// ─── Row shapes (as the JSON built below arrives) ──────────────────────────────────────────────────

export interface PostJson {
  id: string;
  code: string;
  title: string;
  tier: number;
  adminSuperiorId: string | null;
  partySuperiorId: string | null;
  unit: { id: string; name: string; kind: string };
  holders: { id: string; name: string }[];
}

export interface TargetJson {
  id: string;
  parentId: string | null;
  ownerPostId: string | null;
  year: number;
  title: string;
  category: 'IDEOLOGICAL' | 'BUSINESS' | 'MANAGEMENT';
  line: 'ADMINISTRATIVE' | 'PARTY';
  weight: number;
  measureKind: 'PERCENTAGE' | 'NUMBER' | 'MILESTONE' | 'QUALITATIVE';
  measureUnit: string | null;
  baseline: number;
  goal: number;
  latestValue: number | null;
  dueDate: string;
  progress: number;
  version: number;
  childCount: number;
  childWeightSum: number;
}

export interface CycleJson {
  id: string;
  year: number;
  kind: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'ANNUAL';
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
  windowStart: string | null;
  windowEnd: string | null;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  version: number;
}

export interface HeatRow {
  unit: { id: string; name: string; kind: string };
  /** null: the unit's total over all categories. */
  category: TargetJson['category'] | null;
  mean: number;
  targets: number;
  posts: number;
  atRisk: number;
}

/**
 * One active unit of the organisation with its own posts' figures of a year (the maintained
 * "TargetUnitSummary"): id, parent id, name, kind, sort order, then Σ progress and targets per
 * category (ideological, business, management, all; null: none) and the posts owning targets.
 */
export type UnitRow = [
  string,
  string | null,
  string,
  string,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

export interface GapRow {
  kind: string;
  key: string;
  isWaived: boolean;
  /** The unit of the post the gap is scoped to (null for an ownerless target under an ownerless parent). */
  unitId: string | null;
  count: number;
}

export interface GapItemRow {
  kind: string;
  key: string;
  isWaived: boolean;
  post: { id: string; title: string } | null;
  target: { id: string; title: string } | null;
  category: string | null;
  line: string | null;
}

export interface TrendRow {
  cycle: { id: string; year: number; kind: CycleJson['kind'] };
  evaluees: number;
  meanTotal: number | null;
  meanCompletion: number | null;
}

/**
 * The evaluation side of the bureau dashboard. Stored per organisation and year with the
 * "EvaluationVersion" it was computed at (bumped by triggers in every transaction that writes what
 * it depends on), so a stored one is used only while nothing it reads has changed.
 */
export interface BureauEvaluationRow {
  excellentShare: number | null;
  open: CycleJson | null;
  evaluees: number;
  assessors: {
    id: string;
    name: string;
    evaluees: number;
    filled: number;
    submitted: number;
    complete: number;
    submittedEvaluees: number;
  }[];
  grades: GradeRow | null;
  trend: TrendRow[];
}

export interface GradeRow {
  cycle: CycleJson;
  evaluees: number;
  EXCELLENT: number;
  COMPETENT: number;
  BASICALLY_COMPETENT: number;
  INCOMPETENT: number;
  quotaCut: number;
  vetoed: number;
}

// ─── SQL fragments ─────────────────────────────────────────────────────────────────────────────────

const uuids = (ids: readonly string[]) => Prisma.sql`${[...ids]}::uuid[]`;

/** An instant as the contracts want it: ISO 8601 in UTC with milliseconds and `Z`. */
const iso = (column: Prisma.Sql) =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const cycleJson = (c: string) => {
  const col = (name: string) => Prisma.raw(`${c}."${name}"`);
  return Prisma.sql`json_build_object(
    'id', ${col('id')}, 'year', ${col('year')}, 'kind', ${col('kind')}, 'status', ${col('status')},
    'windowStart', ${iso(col('windowStart'))}, 'windowEnd', ${iso(col('windowEnd'))},
    'openedAt', ${iso(col('openedAt'))}, 'closedAt', ${iso(col('closedAt'))},
    'publishedAt', ${iso(col('publishedAt'))}, 'version', ${col('version')})`;
};

/**
 * The elapsed share of a target's time as a percentage, as the domain's `elapsedShare` computes it
 * (1 January of the target's year → due date, both at UTC midnight; clamped to 0–100), for targets
 * of one `year`: the elapsed days are a constant and the due date's distance a date subtraction,
 * which keeps a pass over a city's 200,000 targets cheap.
 */
const expectedSql = (year: number, now: Date) => {
  const start = `${year}-01-01`;
  const elapsedDays = (now.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
  return Prisma.sql`(CASE
      WHEN t."dueDate" <= ${start}::date
        THEN CASE WHEN ${elapsedDays}::float8 >= (t."dueDate" - ${start}::date) THEN 100.0 ELSE 0.0 END
      ELSE 100.0 * least(1.0, greatest(0.0, ${elapsedDays}::float8 / (t."dueDate" - ${start}::date)))
    END)::float8`;
};

/** One target (alias x, a "Target" row) as TargetJson. */
const targetJson = Prisma.sql`json_build_object(
    'id', x.id, 'parentId', x."parentId", 'ownerPostId', x."ownerPostId", 'year', x.year,
    'title', x.title, 'category', x.category, 'line', x.line, 'weight', x.weight::float8,
    'measureKind', x."measureKind", 'measureUnit', x."measureUnit", 'baseline', x.baseline::float8,
    'goal', x.goal::float8, 'latestValue', x."latestValue"::float8,
    'dueDate', to_char(x."dueDate", 'YYYY-MM-DD'), 'progress', x.progress, 'version', x.version,
    'childCount', coalesce(kids.n, 0), 'childWeightSum', coalesce(kids.w, 0))`;
/** The active children of x, counted and weighed (for `targetJson`). */
const kidsJoin = Prisma.sql`LEFT JOIN LATERAL (
    SELECT count(*)::int AS n, sum(c.weight)::float8 AS w FROM "Target" c
     WHERE c."organisationId" = x."organisationId" AND c."parentId" = x.id AND c.status = 'ACTIVE'
  ) kids ON true`;

/** Posts (a set of ids) as PostJson[], with their unit and current holders. */
const postsJson = (organisationId: string, ids: Prisma.Sql) => Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object(
      'id', p.id, 'code', p.code, 'title', p.title, 'tier', p.tier,
      'adminSuperiorId', p."adminSuperiorId", 'partySuperiorId', p."partySuperiorId",
      'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind),
      'holders', coalesce((
        SELECT json_agg(json_build_object('id', pe.id, 'name', pe.name) ORDER BY h."startedOn", pe.name)
          FROM "Holding" h JOIN "Person" pe ON pe.id = h."personId"
         WHERE h."organisationId" = p."organisationId" AND h."postId" = p.id AND h."endedOn" IS NULL
      ), '[]'::json)
    ) ORDER BY p.tier, u."sortOrder", p."sortOrder", p.code), '[]'::json)
    FROM "Post" p JOIN "OrgUnit" u ON u.id = p."unitId"
   WHERE p."organisationId" = ${organisationId}::uuid AND p.id IN (${ids}))`;

/**
 * Every chain gap of the year, as the domain's `findGaps` finds them (same kinds, same keys; the
 * dashboards' tests compare the counts with the gap report), with the post each is scoped to —
 * its post, or for a target without owner the owner of its parent — and whether tier 1 waived it.
 * Set-based: one pass over the year's targets and the posts. Whether a post's chain reaches tier 1
 * in a line is found top-down from the tier-1 posts for the whole organisation, or bottom-up from
 * the scoped posts; with a scope only the targets of its posts and their children are read.
 */
export const gapsCte = (organisationId: string, year: number, scope: readonly string[] | null) => {
  const org = Prisma.sql`${organisationId}::uuid`;
  const inScope = (column: Prisma.Sql) =>
    scope === null ? Prisma.sql`true` : Prisma.sql`${column} = ANY(${uuids(scope)})`;
  const superiorIn = (alias: string, line: Prisma.Sql) =>
    Prisma.sql`(CASE ${line} WHEN 'ADMINISTRATIVE' THEN ${Prisma.raw(alias)}."adminSuperiorId" ELSE ${Prisma.raw(alias)}."partySuperiorId" END)`;
  // Posts whose chain does not reach tier 1 in one of their lines.
  const brokenChains =
    scope === null
      ? Prisma.sql`
  edge AS (
    SELECT id, "adminSuperiorId" AS superior, 'ADMINISTRATIVE'::"Line" AS line FROM live WHERE "adminSuperiorId" IS NOT NULL
    UNION ALL
    SELECT id, "partySuperiorId", 'PARTY'::"Line" FROM live WHERE "partySuperiorId" IS NOT NULL
  ),
  reach(id, line) AS (
    SELECT p.id, l.line FROM live p CROSS JOIN (VALUES ('ADMINISTRATIVE'::"Line"), ('PARTY'::"Line")) AS l(line)
     WHERE p.tier = 1
    UNION
    SELECT e.id, e.line FROM reach r JOIN edge e ON e.superior = r.id AND e.line = r.line
  ),
  broken AS (
    SELECT p.id, l.line FROM live p CROSS JOIN LATERAL unnest(p.lines) AS l(line)
     WHERE p.tier <> 1 AND NOT EXISTS (SELECT 1 FROM reach r WHERE r.id = p.id AND r.line = l.line)
  ),`
      : Prisma.sql`
  walk(start, line, cur, depth) AS (
    SELECT p.id, l.line, p.id, 0 FROM live p CROSS JOIN LATERAL unnest(p.lines) AS l(line)
     WHERE p.tier <> 1 AND ${inScope(Prisma.sql`p.id`)}
    UNION ALL
    SELECT w.start, w.line, s.id, w.depth + 1
      FROM walk w JOIN live c ON c.id = w.cur JOIN live s ON s.id = ${superiorIn('c', Prisma.sql`w.line`)}
     WHERE w.depth < 16
  ),
  broken AS (
    SELECT w.start AS id, w.line FROM walk w JOIN live c ON c.id = w.cur
     WHERE NOT EXISTS (SELECT 1 FROM live s WHERE s.id = ${superiorIn('c', Prisma.sql`w.line`)})
       AND (${superiorIn('c', Prisma.sql`w.line`)} IS NOT NULL OR c.tier <> 1)
  ),`;
  return Prisma.sql`
  live AS ${scope === null ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (
    SELECT p.id, p.tier, p.lines, p."adminSuperiorId", p."partySuperiorId"
      FROM "Post" p WHERE p."organisationId" = ${org} AND p."archivedAt" IS NULL
  ),
  yt AS MATERIALIZED (
    SELECT t.id, t."parentId", t."ownerPostId", t.category, t.line, t.weight
      FROM "Target" t
     WHERE t."organisationId" = ${org} AND t.year = ${year} AND t.status = 'ACTIVE' AND ${inScope(Prisma.sql`t."ownerPostId"`)}
    ${
      scope === null
        ? Prisma.empty
        : Prisma.sql`UNION
    SELECT c.* FROM "Target" s
     CROSS JOIN LATERAL (
       SELECT t.id, t."parentId", t."ownerPostId", t.category, t.line, t.weight FROM "Target" t
        WHERE t."organisationId" = ${org} AND t."parentId" = s.id AND t.year = ${year} AND t.status = 'ACTIVE'
       OFFSET 0) c
     WHERE s."organisationId" = ${org} AND s.year = ${year} AND s."ownerPostId" = ANY(${uuids(scope)})`
    }
  ),
  ${brokenChains}
  gap AS (
    SELECT 'TARGET_WITHOUT_OWNER' AS kind, 'TARGET_WITHOUT_OWNER:' || t.id AS key,
           NULL::uuid AS "postId", par."ownerPostId" AS "scopePostId", t.id AS "targetId",
           t.category::text AS category, t.line::text AS line
      FROM yt t
      LEFT JOIN live o ON o.id = t."ownerPostId"
      LEFT JOIN "Target" par ON par."organisationId" = ${org} AND par.id = t."parentId" AND par.year = ${year}
     WHERE o.id IS NULL
    UNION ALL
    SELECT 'PARENT_NOT_OWNED_BY_SUPERIOR', 'PARENT_NOT_OWNED_BY_SUPERIOR:' || t.id, o.id, o.id, t.id,
           t.category::text, t.line::text
      FROM yt t
      JOIN live o ON o.id = t."ownerPostId"
      LEFT JOIN ${
        scope === null
          ? Prisma.sql`yt`
          : Prisma.sql`(SELECT p.id, p."ownerPostId" FROM "Target" p
                         WHERE p."organisationId" = ${org} AND p.year = ${year} AND p.status = 'ACTIVE')`
      } par ON par.id = t."parentId"
     WHERE ${inScope(Prisma.sql`o.id`)}
       AND CASE
             WHEN t."parentId" IS NULL THEN o.tier <> 1
             WHEN par.id IS NULL OR o.tier = 1 THEN true
             ELSE ${superiorIn('o', Prisma.sql`t.line`)} IS NULL
                  OR par."ownerPostId" IS NULL
                  OR par."ownerPostId" <> ${superiorIn('o', Prisma.sql`t.line`)}
           END
    UNION ALL
    SELECT 'WEIGHTS_NOT_100', 'WEIGHTS_NOT_100:' || p.id, p."ownerPostId", p."ownerPostId", p.id,
           p.category::text, p.line::text
      FROM yt p JOIN (SELECT "parentId", sum(weight) AS s FROM yt WHERE "parentId" IS NOT NULL GROUP BY 1) k
        ON k."parentId" = p.id
     WHERE round(k.s, 2) <> 100
    UNION ALL
    SELECT 'POST_MISSING_CATEGORY', 'POST_MISSING_CATEGORY:' || p.id || ':' || c.cat, p.id, p.id, NULL::uuid,
           c.cat, NULL
      FROM live p CROSS JOIN (VALUES ('IDEOLOGICAL'), ('BUSINESS'), ('MANAGEMENT')) AS c(cat)
     WHERE p.tier <> 1 AND ${inScope(Prisma.sql`p.id`)}
       AND NOT EXISTS (SELECT 1 FROM yt t WHERE t."ownerPostId" = p.id AND t.category::text = c.cat)
    UNION ALL
    SELECT 'POST_WITHOUT_HOLDER', 'POST_WITHOUT_HOLDER:' || p.id, p.id, p.id, NULL::uuid, NULL, NULL
      FROM live p
     WHERE ${inScope(Prisma.sql`p.id`)}
       AND NOT EXISTS (SELECT 1 FROM "Holding" h
                        WHERE h."organisationId" = ${org} AND h."postId" = p.id AND h."endedOn" IS NULL)
    UNION ALL
    SELECT 'POST_WITHOUT_SUPERIOR', 'POST_WITHOUT_SUPERIOR:' || b.id || ':' || b.line, b.id, b.id,
           NULL::uuid, NULL, b.line::text
      FROM broken b
  ),
  gaps AS (
    SELECT g.*, (wv.id IS NOT NULL) AS "isWaived"
      FROM gap g
      LEFT JOIN "GapWaiver" wv ON wv."organisationId" = ${org} AND wv.year = ${year}
                              AND wv."gapKey" = g.key AND btrim(wv.reason) <> ''
  )`;
};

const scopeFilter = (scopePostIds: readonly string[] | null) =>
  scopePostIds === null ? Prisma.sql`true` : Prisma.sql`g."scopePostId" = ANY(${uuids(scopePostIds)})`;

/** People evaluated in a quarter (before exclusions): holders of active tier 2–4 posts. */
const evalueePeople = (organisationId: string) => Prisma.sql`
  SELECT pe.id FROM "Person" pe
   WHERE pe."organisationId" = ${organisationId}::uuid AND pe."archivedAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Holding" h JOIN "Post" p ON p.id = h."postId"
                  WHERE h."organisationId" = pe."organisationId" AND h."personId" = pe.id
                    AND h."endedOn" IS NULL AND p."archivedAt" IS NULL AND p.tier >= 2)`;

/** Trend over published quarters of `year − 1` and `year`, optionally for some evaluees only. */
const trendSql = (organisationId: string, year: number, personIds: readonly string[] | null) => Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object(
      'cycle', json_build_object('id', q.id, 'year', q.year, 'kind', q.kind),
      'evaluees', q.n, 'meanTotal', q."meanTotal", 'meanCompletion', q."meanCompletion")
    ORDER BY q.year, q.kind), '[]'::json)
    FROM (
      SELECT c.id, c.year, c.kind, count(r.id)::int AS n, avg(r.total)::float8 AS "meanTotal",
             avg((SELECT avg((cat->>'completion')::float8)
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.sheet->'categories') = 'array'
                                                   THEN r.sheet->'categories' ELSE '[]'::jsonb END) cat
                   WHERE jsonb_typeof(cat->'completion') = 'number'))::float8 AS "meanCompletion"
        FROM "EvaluationCycle" c
        LEFT JOIN "EvaluationResult" r ON r."cycleId" = c.id
             AND ${personIds === null ? Prisma.sql`true` : Prisma.sql`r."evalueeId" = ANY(${uuids(personIds)})`}
       WHERE c."organisationId" = ${organisationId}::uuid AND c.status = 'PUBLISHED' AND c.kind <> 'ANNUAL'
         AND c.year BETWEEN ${year - 1} AND ${year}
       GROUP BY c.id
    ) q)`;

/** The latest published cycle of a year up to `year` (alias lp). */
const latestPublished = (organisationId: string, year: number, quarterOnly: boolean) => Prisma.sql`
  SELECT * FROM "EvaluationCycle"
   WHERE "organisationId" = ${organisationId}::uuid AND status = 'PUBLISHED' AND year <= ${year}
     ${quarterOnly ? Prisma.sql`AND kind <> 'ANNUAL'` : Prisma.empty}
   ORDER BY year DESC, "publishedAt" DESC NULLS LAST, kind DESC LIMIT 1`;

const gradeCounts = (personIds: readonly string[] | null) => Prisma.sql`(
  SELECT json_build_object('cycle', ${cycleJson('lp')}, 'evaluees', count(r.id)::int,
      'EXCELLENT', count(r.id) FILTER (WHERE r.grade = 'EXCELLENT')::int,
      'COMPETENT', count(r.id) FILTER (WHERE r.grade = 'COMPETENT')::int,
      'BASICALLY_COMPETENT', count(r.id) FILTER (WHERE r.grade = 'BASICALLY_COMPETENT')::int,
      'INCOMPETENT', count(r.id) FILTER (WHERE r.grade = 'INCOMPETENT')::int,
      'quotaCut', count(r.id) FILTER (WHERE r."isQuotaCut")::int,
      'vetoed', count(r.id) FILTER (WHERE r."isVetoed")::int)
    FROM lp LEFT JOIN "EvaluationResult" r ON r."cycleId" = lp.id
         AND ${personIds === null ? Prisma.sql`true` : Prisma.sql`r."evalueeId" = ANY(${uuids(personIds)})`}
   GROUP BY ${Prisma.raw(['id', 'year', 'kind', 'status', 'windowStart', 'windowEnd', 'openedAt', 'closedAt', 'publishedAt', 'version'].map((c) => `lp."${c}"`).join(', '))})`;

export function createDashboardsRepository(db: Db, pool: SqlPool) {
  return {
    /**
     * The versions the tier-1 dashboard's stored figures are checked against, in one statement of
     * three primary-key lookups: "DashboardVersion" (everything the dashboard shows), and
     * "GapVersion" and "EvaluationVersion" (the parts that progress does not move). 0 before any
     * write. Sent on every tier-1 request: a raw read on the pool (db/sql.ts).
     */
    async dashboardVersions(organisationId: string) {
      const org = Prisma.sql`${organisationId}::uuid`;
      const row = await queryOne<{ dashboard: string; gaps: string; evaluation: string }>(
        pool,
        Prisma.sql`
        SELECT coalesce((SELECT version FROM "DashboardVersion" WHERE "organisationId" = ${org}), 0)::text AS dashboard,
               coalesce((SELECT version FROM "GapVersion" WHERE "organisationId" = ${org}), 0)::text AS gaps,
               coalesce((SELECT version FROM "EvaluationVersion" WHERE "organisationId" = ${org}), 0)::text AS evaluation`,
      );
      return { dashboard: BigInt(row.dashboard), gaps: BigInt(row.gaps), evaluation: BigInt(row.evaluation) };
    },

    /**
     * One post with its unit and holders, the posts above it in either line (who may look at it)
     * and the active posts below it in either line, itself included, with their holders.
     */
    async findPostContext(organisationId: string, postId: string) {
      const rows = await db.$queryRaw<
        {
          post: PostJson;
          archived: boolean;
          ancestorIds: string[];
          subtree: {
            id: string;
            tier: number;
            adminSuperiorId: string | null;
            partySuperiorId: string | null;
            unit: { id: string; name: string; kind: string; sortOrder: number };
            holderIds: string[];
          }[];
        }[]
      >`
        WITH RECURSIVE
        p AS (SELECT * FROM "Post" WHERE "organisationId" = ${organisationId}::uuid AND id = ${postId}::uuid),
        up(id) AS (
          SELECT s FROM p CROSS JOIN LATERAL unnest(ARRAY[p."adminSuperiorId", p."partySuperiorId"]) AS s
           WHERE s IS NOT NULL
          UNION
          SELECT s FROM "Post" x JOIN up ON x.id = up.id
                 CROSS JOIN LATERAL unnest(ARRAY[x."adminSuperiorId", x."partySuperiorId"]) AS s
           WHERE s IS NOT NULL
        ),
        down(id) AS (
          SELECT id FROM p
          UNION
          SELECT c.id FROM "Post" c JOIN down d ON c."adminSuperiorId" = d.id OR c."partySuperiorId" = d.id
           WHERE c."organisationId" = ${organisationId}::uuid AND c."archivedAt" IS NULL
        )
        SELECT (SELECT x FROM json_array_elements(${postsJson(organisationId, Prisma.sql`SELECT id FROM p`)}) x
                 LIMIT 1) AS post,
               p."archivedAt" IS NOT NULL AS archived,
               (SELECT coalesce(array_agg(id::text), '{}') FROM up) AS "ancestorIds",
               (SELECT coalesce(json_agg(json_build_object('id', x.id, 'tier', x.tier,
                   'adminSuperiorId', x."adminSuperiorId", 'partySuperiorId', x."partySuperiorId",
                   'unit', (SELECT json_build_object('id', u.id, 'name', u.name, 'kind', u.kind, 'sortOrder', u."sortOrder")
                              FROM "OrgUnit" u WHERE u.id = x."unitId"),
                   'holderIds', coalesce((SELECT json_agg(h."personId") FROM "Holding" h
                                           WHERE h."organisationId" = x."organisationId" AND h."postId" = x.id
                                             AND h."endedOn" IS NULL), '[]'::json))), '[]'::json)
                  FROM "Post" x WHERE x.id IN (SELECT id FROM down)) AS subtree
          FROM p`;
      return rows[0] ?? null;
    },

    /**
     * Target figures of a year in one statement: the head targets (tier 1's roots, or one post's
     * own), the unit × category means with at-risk counts, the at-risk count and the 10 worst, and
     * the owner posts of what is listed. `scopePostIds` null = the whole organisation.
     */
    async targetsOverview(
      organisationId: string,
      year: number,
      now: Date,
      scope: { scopePostIds: readonly string[] | null; headPostId: string | null },
    ) {
      const inScope =
        scope.scopePostIds === null
          ? Prisma.sql`true`
          : Prisma.sql`t."ownerPostId" = ANY(${uuids(scope.scopePostIds)})`;
      const head =
        scope.headPostId === null
          ? Prisma.sql`h."parentId" IS NULL AND o.tier = 1`
          : Prisma.sql`h."ownerPostId" = ${scope.headPostId}::uuid`;
      const inUnits =
        scope.headPostId === null ? Prisma.sql`true` : Prisma.sql`o.id <> ${scope.headPostId}::uuid`;
      // One pass over the year's targets per use (no materialised copy): figures per owner post and
      // category first (a hash aggregate), then per unit; the 10 worst with a top-N sort.
      const rows = await db.$queryRaw<
        { head: TargetJson[]; top: TargetJson[]; atRiskTotal: number; heat: HeatRow[]; posts: PostJson[] }[]
      >`
        WITH t AS NOT MATERIALIZED (
          SELECT t.id, t."ownerPostId", t.category, t.progress, t."dueDate", ${expectedSql(year, now)} AS expected
            FROM "Target" t
           WHERE t."organisationId" = ${organisationId}::uuid AND t.year = ${year} AND t.status = 'ACTIVE'
             AND ${inScope}
        ),
        per_post AS (
          SELECT t."ownerPostId", t.category, count(*)::int AS n, sum(t.progress)::float8 AS s,
                 count(*) FILTER (WHERE t.progress < 100 AND t.progress + 10 < t.expected)::int AS risk
            FROM t GROUP BY 1, 2
        ),
        owned AS (
          SELECT pp.*, o."unitId"
            FROM per_post pp
            JOIN "Post" o ON o."organisationId" = ${organisationId}::uuid AND o.id = pp."ownerPostId"
                         AND o."archivedAt" IS NULL
           WHERE ${inUnits}
        ),
        heat AS (
          SELECT "unitId", category::text AS category, sum(n)::int AS n, sum(s)::float8 AS s, sum(risk)::int AS risk,
                 count(*)::int AS posts
            FROM owned GROUP BY 1, 2
          UNION ALL
          SELECT "unitId", NULL, sum(n)::int, sum(s)::float8, sum(risk)::int, count(DISTINCT "ownerPostId")::int
            FROM owned GROUP BY 1
        ),
        head AS (
          SELECT h.id FROM "Target" h
            JOIN "Post" o ON o."organisationId" = ${organisationId}::uuid AND o.id = h."ownerPostId"
                         AND o."archivedAt" IS NULL
           WHERE h."organisationId" = ${organisationId}::uuid AND h.year = ${year} AND h.status = 'ACTIVE'
             AND ${head}
        ),
        top AS (
          SELECT t.id, t.expected - t.progress AS shortfall, t."dueDate" FROM t
           WHERE t.progress < 100 AND t.progress + 10 < t.expected
           ORDER BY t.expected - t.progress DESC, t."dueDate", t.id LIMIT 10
        )
        SELECT
          (SELECT coalesce(json_agg(${targetJson} ORDER BY x.category, x.line, x.title, x.id), '[]'::json)
             FROM "Target" x ${kidsJoin} WHERE x.id IN (SELECT id FROM head)) AS head,
          (SELECT coalesce(json_agg(${targetJson} ORDER BY top.shortfall DESC, top."dueDate", x.id), '[]'::json)
             FROM top JOIN "Target" x ON x.id = top.id ${kidsJoin}) AS top,
          (SELECT coalesce(sum(risk), 0)::int FROM per_post) AS "atRiskTotal",
          (SELECT coalesce(json_agg(json_build_object(
                 'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind),
                 'category', h.category, 'mean', h.s / h.n, 'targets', h.n, 'posts', h.posts, 'atRisk', h.risk)
               ORDER BY u."sortOrder", u.name, h.category), '[]'::json)
             FROM heat h JOIN "OrgUnit" u ON u.id = h."unitId" WHERE u."archivedAt" IS NULL) AS heat,
          ${postsJson(
            organisationId,
            Prisma.sql`SELECT x."ownerPostId" FROM "Target" x
                        WHERE x.id IN (SELECT id FROM head UNION SELECT id FROM top)
                          AND x."ownerPostId" IS NOT NULL`,
          )} AS posts`;
      return rows[0]!;
    },

    /**
     * The bureau's target figures from the maintained summaries (docs/performance.md "Indexes,
     * query shapes and roll-up design" and "Tier-1 dashboard"), O(units + due dates) instead of a
     * pass over the year's targets: every active unit with its own posts' sums per category from
     * "TargetUnitSummary" (the heatmap of any level and the unit ranking are built from these); the
     * at-risk count from the due-date × progress-bucket histogram ("TargetDueSummary": whole buckets
     * below the threshold, plus the one partial bucket read from the targets through the due-date
     * index); the 10 worst from the lowest-progress targets of each due date (same index); and the
     * "DashboardVersion" these figures are as of (the same snapshot).
     */
    async bureauFigures(organisationId: string, year: number, now: Date) {
      const org = Prisma.sql`${organisationId}::uuid`;
      const start = `${year}-01-01`;
      const elapsedDays = (now.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
      // expectedSql with the due date of a summary row (alias d) instead of a target's.
      const expected = Prisma.sql`(CASE
          WHEN d."dueDate" <= ${start}::date
            THEN CASE WHEN ${elapsedDays}::float8 >= (d."dueDate" - ${start}::date) THEN 100.0 ELSE 0.0 END
          ELSE 100.0 * least(1.0, greatest(0.0, ${elapsedDays}::float8 / (d."dueDate" - ${start}::date)))
        END)::float8`;
      const rows = await db.$queryRaw<
        {
          head: TargetJson[];
          top: TargetJson[];
          atRiskTotal: number;
          units: UnitRow[];
          posts: PostJson[];
          version: bigint;
        }[]
      >`
        WITH due AS MATERIALIZED (
          SELECT d."dueDate", ${expected} AS expected
            FROM (SELECT DISTINCT s."dueDate" FROM "TargetDueSummary" s
                   WHERE s."organisationId" = ${org} AND s.year = ${year} AND s.targets > 0) d
        ),
        thr AS (
          -- At risk: progress < 100 and progress + 10 < expected. Buckets below floor(expected - 10)
          -- are wholly at risk; the bucket at the floor is checked target by target.
          SELECT "dueDate", expected, greatest(0, least(90, floor(expected - 10)))::int AS whole
            FROM due WHERE expected > 10
        ),
        risk AS (
          SELECT (SELECT coalesce(sum(s.targets), 0) FROM "TargetDueSummary" s
                   WHERE s."organisationId" = ${org} AND s.year = ${year} AND s."dueDate" = thr."dueDate"
                     AND s.bucket < thr.whole)
               + (SELECT count(*) FROM "Target" t
                   WHERE t."organisationId" = ${org} AND t.year = ${year} AND t."dueDate" = thr."dueDate"
                     AND t.progress >= thr.whole AND t.progress < least(100, thr.expected - 10)
                     AND t.status = 'ACTIVE' AND t.progress < 100 AND t.progress + 10 < thr.expected) AS n
            FROM thr
        ),
        top AS (
          SELECT c.id, thr.expected - c.progress AS shortfall, thr."dueDate"
            FROM thr CROSS JOIN LATERAL (
              SELECT t.id, t.progress FROM "Target" t
               WHERE t."organisationId" = ${org} AND t.year = ${year} AND t."dueDate" = thr."dueDate"
                 AND t.progress < least(100, thr.expected - 10)
                 AND t.status = 'ACTIVE' AND t.progress < 100 AND t.progress + 10 < thr.expected
               ORDER BY t.progress, t.id LIMIT 10) c
           ORDER BY 2 DESC, 3, 1 LIMIT 10
        ),
        head AS (
          SELECT h.id FROM "Target" h
            JOIN "Post" o ON o."organisationId" = ${org} AND o.id = h."ownerPostId" AND o."archivedAt" IS NULL
           WHERE h."organisationId" = ${org} AND h."parentId" IS NULL AND h.year = ${year}
             AND h.status = 'ACTIVE' AND o.tier = 1
        )
        SELECT
          (SELECT coalesce(json_agg(${targetJson} ORDER BY x.category, x.line, x.title, x.id), '[]'::json)
             FROM "Target" x ${kidsJoin} WHERE x.id IN (SELECT id FROM head)) AS head,
          (SELECT coalesce(json_agg(${targetJson} ORDER BY top.shortfall DESC, top."dueDate", x.id), '[]'::json)
             FROM top JOIN "Target" x ON x.id = top.id ${kidsJoin}) AS top,
          (SELECT coalesce(sum(n), 0)::int FROM risk) AS "atRiskTotal",
          -- One compact array per unit (its summary rows pivoted): a city has thousands of units,
          -- and building one JSON object per unit and category cost more than reading them.
          (SELECT coalesce(json_agg(json_build_array(u.id, u."parentId", u.name, u.kind, u."sortOrder",
                                    h.i, h.ni, h.b, h.nb, h.m, h.nm, h.a, h.na, h.p)), '[]'::json)
             FROM "OrgUnit" u
             LEFT JOIN (SELECT s."unitId",
                               sum(s."progressSum") FILTER (WHERE s.category = 'IDEOLOGICAL')::float8 AS i,
                               sum(s.targets) FILTER (WHERE s.category = 'IDEOLOGICAL')::int AS ni,
                               sum(s."progressSum") FILTER (WHERE s.category = 'BUSINESS')::float8 AS b,
                               sum(s.targets) FILTER (WHERE s.category = 'BUSINESS')::int AS nb,
                               sum(s."progressSum") FILTER (WHERE s.category = 'MANAGEMENT')::float8 AS m,
                               sum(s.targets) FILTER (WHERE s.category = 'MANAGEMENT')::int AS nm,
                               sum(s."progressSum") FILTER (WHERE s.category = 'ALL')::float8 AS a,
                               sum(s.targets) FILTER (WHERE s.category = 'ALL')::int AS na,
                               sum(s.posts) FILTER (WHERE s.category = 'ALL')::int AS p
                          FROM "TargetUnitSummary" s
                         WHERE s."organisationId" = ${org} AND s.year = ${year} AND s.targets > 0
                         GROUP BY s."unitId") h ON h."unitId" = u.id
            WHERE u."organisationId" = ${org} AND u."archivedAt" IS NULL) AS units,
          coalesce((SELECT v.version FROM "DashboardVersion" v WHERE v."organisationId" = ${org}), 0) AS version,
          ${postsJson(
            organisationId,
            Prisma.sql`SELECT x."ownerPostId" FROM "Target" x
                        WHERE x.id IN (SELECT id FROM head UNION SELECT id FROM top)
                          AND x."ownerPostId" IS NOT NULL`,
          )} AS posts`;
      return rows[0]!;
    },

    /** Gap counts of the year per kind, waived or not, and unit of the scoped post. */
    gapCounts: (organisationId: string, year: number, scopePostIds: readonly string[] | null) =>
      db.$queryRaw<GapRow[]>`
        WITH RECURSIVE ${gapsCte(organisationId, year, scopePostIds)}
        SELECT g.kind, g."isWaived", sp."unitId"::text AS "unitId", count(*)::int AS count
          FROM gaps g LEFT JOIN "Post" sp ON sp.id = g."scopePostId"
         WHERE ${scopeFilter(scopePostIds)}
         GROUP BY 1, 2, 3`,

    /**
     * The whole organisation's gap counts of a year, as `gapCounts(…, null)` gives them, from the
     * stored counts while they are current: every write a gap depends on bumps "GapVersion" in its
     * own transaction (triggers), so stored counts of the current version are exactly what a
     * recount at this snapshot would give. Otherwise they are counted and stored for the next
     * reader — in the same statement, so one round trip either way, and the same snapshot as the
     * version read. Progress never bumps it. Returns the counts and the version they are as of.
     */
    async bureauGapCounts(
      organisationId: string,
      year: number,
    ): Promise<{ version: bigint; rows: GapRow[] }> {
      const org = Prisma.sql`${organisationId}::uuid`;
      const rows = await db.$queryRaw<{ version: bigint; cached: GapRow[] | null; counted: GapRow[] }[]>`
        WITH RECURSIVE
        ver AS (SELECT coalesce((SELECT v.version FROM "GapVersion" v WHERE v."organisationId" = ${org}), 0) AS version),
        cached AS (
          SELECT c.rows FROM "GapCountCache" c, ver
           WHERE c."organisationId" = ${org} AND c.year = ${year} AND c.version = ver.version
        ),
        ${gapsCte(organisationId, year, null)},
        counted AS (
          SELECT g.kind, g."isWaived", sp."unitId"::text AS "unitId", count(*)::int AS count
            FROM gaps g LEFT JOIN "Post" sp ON sp.id = g."scopePostId"
           GROUP BY 1, 2, 3
        ),
        -- Counted only without current stored counts (a one-time filter: the gap CTEs are not run).
        fresh AS (
          SELECT coalesce(json_agg(c), '[]'::json) AS rows FROM counted c WHERE NOT EXISTS (SELECT 1 FROM cached)
        ),
        stored AS (
          INSERT INTO "GapCountCache" AS c ("organisationId", year, version, rows)
          SELECT ${org}, ${year}, ver.version, fresh.rows::jsonb FROM ver, fresh
           WHERE NOT EXISTS (SELECT 1 FROM cached)
          ON CONFLICT ("organisationId", year)
          DO UPDATE SET version = EXCLUDED.version, rows = EXCLUDED.rows WHERE c.version < EXCLUDED.version
          RETURNING 1
        )
        SELECT (SELECT version FROM ver) AS version,
               (SELECT rows FROM cached) AS cached,
               (SELECT rows FROM fresh) AS counted,
               (SELECT count(*) FROM stored) AS stored`;
      const row = rows[0]!;
      return { version: row.version, rows: row.cached ?? row.counted };
    },

    /** The gaps of the year scoped to some posts, listed (at most 500). */
    gapItems: (organisationId: string, year: number, scopePostIds: readonly string[]) =>
      db.$queryRaw<GapItemRow[]>`
        WITH RECURSIVE ${gapsCte(organisationId, year, scopePostIds)}
        SELECT g.kind, g.key, g."isWaived", g.category, g.line,
               CASE WHEN gp.id IS NULL THEN NULL ELSE json_build_object('id', gp.id, 'title', gp.title) END AS post,
               CASE WHEN gt.id IS NULL THEN NULL ELSE json_build_object('id', gt.id, 'title', gt.title) END AS target
          FROM gaps g
          LEFT JOIN "Post" gp ON gp.id = g."postId"
          LEFT JOIN "Target" gt ON gt.id = g."targetId"
         WHERE ${scopeFilter(scopePostIds)}
         ORDER BY g.kind, g.key LIMIT 500`,

    /**
     * The evaluation side of the bureau dashboard in one statement: the newest open quarter with
     * every assessor's cells expected / filled / submitted, the latest published cycle's grades, the
     * trend, and the settings the figures need. Stored per "EvaluationVersion" like the gap counts
     * (read, or computed and stored, in the same statement); returned with the version.
     */
    async bureauEvaluation(
      organisationId: string,
      year: number,
    ): Promise<{ version: bigint; row: BureauEvaluationRow }> {
      const org = Prisma.sql`${organisationId}::uuid`;
      const rows = await db.$queryRaw<
        { version: bigint; cached: BureauEvaluationRow | null; computed: BureauEvaluationRow | null }[]
      >`
        WITH ver AS (
          SELECT coalesce((SELECT v.version FROM "EvaluationVersion" v WHERE v."organisationId" = ${org}), 0) AS version
        ),
        cached AS (
          SELECT c.payload FROM "EvaluationSummaryCache" c, ver
           WHERE c."organisationId" = ${org} AND c.year = ${year} AND c.version = ver.version
        ),
        cfg AS (
          SELECT "excellentQuota"::float8 AS share, "barOwnUnitScoring" AS bar
            FROM "OrganisationSettings" WHERE "organisationId" = ${organisationId}::uuid
        ),
        bar AS (SELECT coalesce((SELECT bar FROM cfg), false) AS enabled),
        oc AS (
          SELECT * FROM "EvaluationCycle"
           WHERE "organisationId" = ${organisationId}::uuid AND status = 'OPEN' AND kind <> 'ANNUAL'
           ORDER BY year DESC, kind DESC LIMIT 1
        ),
        ev AS (
          SELECT e.id FROM (${evalueePeople(organisationId)}) e
           WHERE EXISTS (SELECT 1 FROM oc)
             AND NOT EXISTS (SELECT 1 FROM "EvaluationExclusion" x JOIN oc ON x."cycleId" = oc.id
                              WHERE x."personId" = e.id)
        ),
        asr AS (
          SELECT m."personId" AS id, pe.name FROM "AssessmentGroupMember" m JOIN "Person" pe ON pe.id = m."personId"
           WHERE m."organisationId" = ${organisationId}::uuid
        ),
        -- Evaluator-evaluee pairs barred by barOwnUnitScoring (sharing a unit); none when it is off.
        barred AS (
          SELECT DISTINCT ah."personId" AS a, eh."personId" AS e
            FROM bar, asr
            JOIN "Holding" ah ON ah."personId" = asr.id AND ah."endedOn" IS NULL
            JOIN "Post" ap ON ap.id = ah."postId" AND ap."archivedAt" IS NULL
            JOIN "Post" ep ON ep."organisationId" = ${organisationId}::uuid AND ep."unitId" = ap."unitId"
                          AND ep."archivedAt" IS NULL AND ep.tier >= 2
            JOIN "Holding" eh ON eh."postId" = ep.id AND eh."endedOn" IS NULL
           WHERE bar.enabled AND eh."personId" <> ah."personId" AND eh."personId" IN (SELECT id FROM ev)
        ),
        sc AS (
          SELECT s."evaluatorId" AS a, s."evalueeId" AS e, count(*)::int AS filled,
                 count(*) FILTER (WHERE s.status = 'SUBMITTED')::int AS submitted
            FROM "Score" s JOIN oc ON s."cycleId" = oc.id
           WHERE s."evalueeId" IN (SELECT id FROM ev)
             AND NOT EXISTS (SELECT 1 FROM barred b WHERE b.a = s."evaluatorId" AND b.e = s."evalueeId")
           GROUP BY 1, 2
        ),
        per AS (
          SELECT a, sum(filled)::int AS filled, sum(submitted)::int AS submitted,
                 count(*) FILTER (WHERE filled >= 3)::int AS complete,
                 count(*) FILTER (WHERE submitted >= 3)::int AS "submittedEvaluees"
            FROM sc GROUP BY a
        ),
        lp AS (${latestPublished(organisationId, year, false)}),
        computed AS (
        SELECT
          (SELECT share FROM cfg) AS "excellentShare",
          (SELECT ${cycleJson('oc')} FROM oc) AS open,
          (SELECT count(*)::int FROM ev) AS evaluees,
          (SELECT coalesce(json_agg(json_build_object(
                  'id', a.id, 'name', a.name,
                  'evaluees', (SELECT count(*) FROM ev) - (CASE WHEN a.id IN (SELECT id FROM ev) THEN 1 ELSE 0 END)
                              - (SELECT count(*) FROM barred b WHERE b.a = a.id),
                  'filled', coalesce(per.filled, 0), 'submitted', coalesce(per.submitted, 0),
                  'complete', coalesce(per.complete, 0), 'submittedEvaluees', coalesce(per."submittedEvaluees", 0))
                ORDER BY a.name, a.id), '[]'::json)
             FROM asr a LEFT JOIN per ON per.a = a.id WHERE EXISTS (SELECT 1 FROM oc)) AS assessors,
          ${gradeCounts(null)} AS grades,
          ${trendSql(organisationId, year, null)} AS trend
        ),
        -- Computed only without a current stored payload (a one-time filter).
        fresh AS (
          SELECT row_to_json(c) AS payload FROM computed c WHERE NOT EXISTS (SELECT 1 FROM cached)
        ),
        stored AS (
          INSERT INTO "EvaluationSummaryCache" AS c ("organisationId", year, version, payload)
          SELECT ${org}, ${year}, ver.version, fresh.payload::jsonb FROM ver, fresh
          ON CONFLICT ("organisationId", year)
          DO UPDATE SET version = EXCLUDED.version, payload = EXCLUDED.payload WHERE c.version < EXCLUDED.version
          RETURNING 1
        )
        SELECT (SELECT version FROM ver) AS version,
               (SELECT payload FROM cached) AS cached,
               (SELECT payload FROM fresh) AS computed,
               (SELECT count(*) FROM stored) AS stored`;
      const row = rows[0]!;
      return { version: row.version, row: (row.cached ?? row.computed)! };
    },

    /**
     * The evaluation side of the supervisor dashboard: the latest published cycle's grades and the
     * trend for the given evaluees, and per unit the mean total of the last published quarter.
     */
    async supervisorEvaluation(
      organisationId: string,
      year: number,
      members: readonly { personId: string; unitId: string }[],
    ) {
      const personIds = [...new Set(members.map((m) => m.personId))];
      const rows = await db.$queryRaw<
        {
          grades: GradeRow | null;
          trend: TrendRow[];
          lastQuarter: { id: string; year: number; kind: CycleJson['kind'] } | null;
          units: { unitId: string; evaluees: number; meanTotal: number | null }[];
        }[]
      >`
        WITH m AS (
          SELECT * FROM unnest(${uuids(members.map((x) => x.personId))}, ${uuids(members.map((x) => x.unitId))})
                   AS m("personId", "unitId")
        ),
        lq AS (${latestPublished(organisationId, year, true)}),
        lp AS (${latestPublished(organisationId, year, false)})
        SELECT
          ${gradeCounts(personIds)} AS grades,
          ${trendSql(organisationId, year, personIds)} AS trend,
          (SELECT json_build_object('id', lq.id, 'year', lq.year, 'kind', lq.kind) FROM lq) AS "lastQuarter",
          (SELECT coalesce(json_agg(json_build_object('unitId', u."unitId", 'evaluees', u.n, 'meanTotal', u.mean)),
                           '[]'::json)
             FROM (SELECT m."unitId", count(r.id)::int AS n, avg(r.total)::float8 AS mean
                     FROM m JOIN lq ON true
                     JOIN "EvaluationResult" r ON r."cycleId" = lq.id AND r."evalueeId" = m."personId"
                    GROUP BY m."unitId") u) AS units`;
      return rows[0]!;
    },

    /** The targets of the year owned by some posts, and those posts (the section and personal dashboards). */
    async targetsOfPosts(organisationId: string, year: number, postIds: readonly string[]) {
      const rows = await db.$queryRaw<{ targets: TargetJson[]; posts: PostJson[] }[]>`
        SELECT
          (SELECT coalesce(json_agg(${targetJson} ORDER BY x."dueDate", x.category, x.title, x.id), '[]'::json)
             FROM "Target" x ${kidsJoin}
            WHERE x."organisationId" = ${organisationId}::uuid AND x.year = ${year} AND x.status = 'ACTIVE'
              AND x."ownerPostId" = ANY(${uuids(postIds)})) AS targets,
          ${postsJson(organisationId, Prisma.sql`SELECT unnest(${uuids(postIds)})`)} AS posts`;
      return rows[0]!;
    },

    /** The personal dashboard's history and results: the last updates on my targets, my published results. */
    async personalHistory(
      organisationId: string,
      year: number,
      personId: string,
      postIds: readonly string[],
    ) {
      const rows = await db.$queryRaw<
        {
          personName: string;
          recent: {
            id: string;
            target: { id: string; title: string };
            value: number;
            normalised: number;
            note: string;
            recordedById: string;
            recordedByName: string | null;
            recordedAt: string;
          }[];
          results: {
            cycle: CycleJson;
            total: number;
            rank: number;
            rankOf: number;
            grade: string;
            isVetoed: boolean;
            isQuotaCut: boolean;
          }[];
        }[]
      >`
        SELECT
          (SELECT name FROM "Person" WHERE id = ${personId}::uuid) AS "personName",
          (SELECT coalesce(json_agg(json_build_object(
                  'id', r.id, 'target', json_build_object('id', r."targetId", 'title', r.title),
                  'value', r.value, 'normalised', r.normalised, 'note', r.note,
                  'recordedById', r."recordedById", 'recordedByName', r."recordedByName",
                  'recordedAt', r."recordedAtIso") ORDER BY r."recordedAt" DESC, r.id), '[]'::json)
             FROM (SELECT pu.id, pu."targetId", t.title, pu.value::float8 AS value, pu.normalised, pu.note,
                          pu."recordedById", pu."recordedAt", ${iso(Prisma.sql`pu."recordedAt"`)} AS "recordedAtIso",
                          (SELECT pe.name FROM "UserAccount" ua JOIN "Person" pe ON pe.id = ua."personId"
                            WHERE ua.id = pu."recordedById") AS "recordedByName"
                     FROM "ProgressUpdate" pu JOIN "Target" t ON t.id = pu."targetId"
                    WHERE t."organisationId" = ${organisationId}::uuid AND t.year = ${year}
                      AND t.status = 'ACTIVE' AND t."ownerPostId" = ANY(${uuids(postIds)})
                    ORDER BY pu."recordedAt" DESC, pu.id LIMIT 10) r) AS recent,
          (SELECT coalesce(json_agg(json_build_object(
                  'cycle', ${cycleJson('c')}, 'total', r.total::float8, 'rank', r.rank,
                  'rankOf', (SELECT count(*) FROM "EvaluationResult" r2 WHERE r2."cycleId" = r."cycleId"),
                  'grade', r.grade, 'isVetoed', r."isVetoed", 'isQuotaCut', r."isQuotaCut")
                ORDER BY c.year DESC, c.kind DESC), '[]'::json)
             FROM (SELECT r.* FROM "EvaluationResult" r JOIN "EvaluationCycle" c0 ON c0.id = r."cycleId"
                    WHERE r."organisationId" = ${organisationId}::uuid AND r."evalueeId" = ${personId}::uuid
                      AND c0.status = 'PUBLISHED'
                    ORDER BY c0.year DESC, c0.kind DESC LIMIT 12) r
             JOIN "EvaluationCycle" c ON c.id = r."cycleId") AS results`;
      return rows[0]!;
    },

    /**
     * One assessor's scoring per cycle (open quarters, the 4 latest closed or published ones, and
     * `selectedCycleId` if given; without it the newest open quarter is selected) and, for the
     * selected cycle, the evaluees not yet submitted: how many, and the first 200 by tier, unit and
     * name with their main post and the categories scored. Evaluees as the workbench counts them:
     * holders of active tier 2–4 posts minus the cycle's exclusions, minus oneself, minus one's own
     * units' people when the organisation bars that. Counted, never crossed with the cycles.
     */
    async assessorOverview(
      organisationId: string,
      assessor: { personId: string; unitIds: readonly string[] },
      selectedCycleId: string | null,
    ) {
      const org = Prisma.sql`${organisationId}::uuid`;
      const me = Prisma.sql`${assessor.personId}::uuid`;
      const rows = await db.$queryRaw<
        {
          cycles: {
            cycle: CycleJson;
            evaluees: number;
            complete: number;
            submittedEvaluees: number;
            filled: number;
            submitted: number;
          }[];
          selectedCycleId: string | null;
          missing: {
            personId: string;
            name: string;
            employeeNo: string;
            tier: number | null;
            post: { id: string; title: string } | null;
            unit: { id: string; name: string } | null;
            scored: { category: string; status: string }[];
          }[];
        }[]
      >`
        WITH bar AS (
          SELECT coalesce((SELECT "barOwnUnitScoring" FROM "OrganisationSettings"
                            WHERE "organisationId" = ${org}), false) AS enabled
        ),
        cyc AS (
          SELECT * FROM "EvaluationCycle"
           WHERE "organisationId" = ${org} AND kind <> 'ANNUAL'
             AND (status = 'OPEN' OR id = ${selectedCycleId}::uuid OR id IN (
                   SELECT id FROM "EvaluationCycle"
                    WHERE "organisationId" = ${org} AND kind <> 'ANNUAL' AND status IN ('CLOSED', 'PUBLISHED')
                    ORDER BY year DESC, kind DESC LIMIT 4))
        ),
        sel AS (
          SELECT coalesce(
                   (SELECT id FROM cyc WHERE id = ${selectedCycleId}::uuid),
                   CASE WHEN ${selectedCycleId}::uuid IS NULL
                        THEN (SELECT id FROM cyc WHERE status = 'OPEN' ORDER BY year DESC, kind DESC LIMIT 1) END
                 ) AS id
        ),
        base AS MATERIALIZED (
          SELECT e.id FROM (${evalueePeople(organisationId)}) e, bar
           WHERE e.id <> ${me}
             AND NOT (bar.enabled AND EXISTS (
                   SELECT 1 FROM "Holding" h JOIN "Post" p ON p.id = h."postId"
                    WHERE h."organisationId" = ${org} AND h."personId" = e.id
                      AND h."endedOn" IS NULL AND p."archivedAt" IS NULL AND p.tier >= 2
                      AND p."unitId" = ANY(${uuids(assessor.unitIds)})))
        ),
        excl AS (
          SELECT x."cycleId", x."personId" FROM "EvaluationExclusion" x JOIN base b ON b.id = x."personId"
           WHERE x."cycleId" IN (SELECT id FROM cyc)
        ),
        sc AS (
          SELECT s."cycleId", s."evalueeId", count(*)::int AS filled,
                 count(*) FILTER (WHERE s.status = 'SUBMITTED')::int AS submitted,
                 json_agg(json_build_object('category', s.category, 'status', s.status)) AS scored
            FROM "Score" s JOIN base b ON b.id = s."evalueeId"
           WHERE s."cycleId" IN (SELECT id FROM cyc) AND s."evaluatorId" = ${me}
             AND NOT EXISTS (SELECT 1 FROM excl x WHERE x."cycleId" = s."cycleId" AND x."personId" = s."evalueeId")
           GROUP BY 1, 2
        ),
        missing AS (
          SELECT b.id FROM base b
           WHERE NOT EXISTS (SELECT 1 FROM excl x WHERE x."cycleId" = (SELECT id FROM sel) AND x."personId" = b.id)
             AND NOT EXISTS (SELECT 1 FROM sc WHERE sc."cycleId" = (SELECT id FROM sel) AND sc."evalueeId" = b.id
                                                AND sc.submitted >= 3)
             AND EXISTS (SELECT 1 FROM sel WHERE sel.id IS NOT NULL)
        ),
        main AS (
          SELECT DISTINCT ON (h."personId") h."personId", po.id, po.title, po.tier, u.id AS "unitId", u.name AS "unitName"
            FROM "Holding" h JOIN "Post" po ON po.id = h."postId" JOIN "OrgUnit" u ON u.id = po."unitId"
           WHERE h."organisationId" = ${org} AND h."endedOn" IS NULL AND po."archivedAt" IS NULL AND po.tier >= 2
             AND h."personId" IN (SELECT id FROM missing)
           ORDER BY h."personId", h."isPrimary" DESC, po.tier, po.code
        )
        SELECT
          (SELECT coalesce(json_agg(json_build_object(
                  'cycle', ${cycleJson('c')},
                  'evaluees', (SELECT count(*) FROM base) - (SELECT count(*) FROM excl x WHERE x."cycleId" = c.id),
                  'complete', (SELECT count(*) FROM sc WHERE sc."cycleId" = c.id AND sc.filled >= 3),
                  'submittedEvaluees', (SELECT count(*) FROM sc WHERE sc."cycleId" = c.id AND sc.submitted >= 3),
                  'filled', (SELECT coalesce(sum(filled), 0) FROM sc WHERE sc."cycleId" = c.id),
                  'submitted', (SELECT coalesce(sum(submitted), 0) FROM sc WHERE sc."cycleId" = c.id))
                ORDER BY c.year DESC, c.kind DESC), '[]'::json)
             FROM cyc c) AS cycles,
          (SELECT id::text FROM sel) AS "selectedCycleId",
          (SELECT coalesce(json_agg(json_build_object(
                  'personId', m.id, 'name', m.name, 'employeeNo', m."employeeNo", 'tier', m.tier,
                  'post', CASE WHEN m."postId" IS NULL THEN NULL ELSE json_build_object('id', m."postId", 'title', m.title) END,
                  'unit', CASE WHEN m."postId" IS NULL THEN NULL ELSE json_build_object('id', m."unitId", 'name', m."unitName") END,
                  'scored', coalesce(m.scored, '[]'::json))), '[]'::json)
             FROM (SELECT pe.id, pe.name, pe."employeeNo", mp.id AS "postId", mp.title, mp.tier, mp."unitId",
                          mp."unitName", sc.scored
                     FROM missing x JOIN "Person" pe ON pe.id = x.id
                     LEFT JOIN main mp ON mp."personId" = x.id
                     LEFT JOIN sc ON sc."cycleId" = (SELECT id FROM sel) AND sc."evalueeId" = x.id
                    ORDER BY mp.tier NULLS LAST, mp."unitName", pe.name, pe.id LIMIT 200) m) AS missing`;
      return rows[0]!;
    },
  };
}

export type DashboardsRepository = ReturnType<typeof createDashboardsRepository>;
