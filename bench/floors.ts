// The raw-SQL floors of `npm run bench` (docs/performance.md "Benchmark"): for each read endpoint, the
// minimal SQL that produces the same data over the same schema, sent through `pg` directly. An
// endpoint's floor is one "request": the session lookup every API request makes, then the data
// statements, the independent ones concurrently (as a careful hand-written API would).
//
// What is left out on purpose in the dashboards' floors, and why it does not change the data for the
// benchmark's accounts: the gap kinds that need the whole decomposition (a target whose parent is
// owned outside the owner's superior line): the post-level kinds (a category missing, no holder),
// the weight sums and target ownership are computed. The hot reads (target detail, subtree, chain
// level, results page) send one statement each (the chain two) and their floors are those very
// statements (hot-read-floors.ts).
import type pg from 'pg';
import { hotReadFloors } from './hot-read-floors';

export interface FloorParams {
  organisationId: string;
  year: number;
  /** SHA-256 (hex) of each account's session token, as the API looks it up. */
  tokenHash: Record<'director' | 'deputy' | 'chief', string>;
  deputyPostId: string;
  chiefPostId: string;
  /** The chief's posts (a section chief who is also a party group leader holds two). */
  chiefPostIds: string[];
  publishedCycleId: string;
  openCycleId: string;
  detailTargetIds: string[];
  treeRootIds: string[];
  resultPages: number;
  pageSize: number;
  /** The maintained roll-up and gap-count tables exist (the tier-1 floor then reads them). */
  hasSummaries: boolean;
  /** The stored evaluation summary exists (the tier-1 floor then reads it). */
  hasEvaluationCache: boolean;
}

export interface Floor {
  /** The statements, as written down in docs/performance.md. */
  sql: string[];
  /** Where they depend on the schema (tier 1): the ones sent for these parameters. */
  statements?: (p: FloorParams) => string[];
  /** One request's worth of statements; `i` varies the target or page like the API run does. */
  run(pool: pg.Pool, p: FloorParams, i: number): Promise<unknown>;
}

/** The session, its user, person, assessor membership and current posts: one statement, as the API. */
const SESSION = `SELECT s."userId", s."expiresAt", s."lastSeenAt", u."organisationId", u.roles, u.locale,
       u."disabledAt", pe.id AS "personId", pe.name, (agm."personId" IS NOT NULL) AS "isAssessor",
       po.id AS "postId", po.tier, po.lines, po."unitId", po.title, un.name AS "unitName"
  FROM "Session" s
  JOIN "UserAccount" u ON u.id = s."userId"
  JOIN "Person" pe ON pe.id = u."personId"
  LEFT JOIN "AssessmentGroupMember" agm ON agm."personId" = pe.id
  LEFT JOIN "Holding" h ON h."personId" = pe.id AND h."endedOn" IS NULL
  LEFT JOIN "Post" po ON po.id = h."postId" AND po."archivedAt" IS NULL
  LEFT JOIN "OrgUnit" un ON un.id = po."unitId"
 WHERE s."tokenHash" = $1`;

/** A post reference: unit name and current holders' names (PostRef). `o` is the post. */
// OFFSET 0 keeps each lookup a nested-loop index probe: the planner cannot estimate recursive CTEs
// and otherwise hashes whole tables to join a hundred rows.
const POST_REF_JOINS = `LEFT JOIN LATERAL (SELECT u.name, u.kind FROM "OrgUnit" u WHERE u.id = o."unitId" OFFSET 0) un ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(hp.name, '、' ORDER BY h."isPrimary" DESC, h."startedOn") AS holders
      FROM "Holding" h JOIN "Person" hp ON hp.id = h."personId"
     WHERE h."organisationId" = o."organisationId" AND h."postId" = o.id AND h."endedOn" IS NULL
  ) hs ON true`;

/** The columns of a TargetSummary (alias t), its owner post (o) and its active child count. */
const SUMMARY_COLUMNS = `t.id, t."parentId", t.title, t.category, t.line, t.weight, t."measureKind", t."measureUnit",
       t.baseline, t.goal, t."latestValue", t."dueDate", t.progress, t.status, t.version, t."ownerPostId",
       o.code AS "ownerCode", o.title AS "ownerTitle", o.tier AS "ownerTier", un.name AS "unitName", hs.holders,
       (SELECT count(*)::int FROM "Target" k
         WHERE k."organisationId" = t."organisationId" AND k."parentId" = t.id AND k.status = 'ACTIVE') AS "childCount"`;

/** isAtRisk (packages/domain progress.ts) of target t: below 100 and 10 points behind the elapsed share. */
const AT_RISK = `(t.progress < 100 AND t.progress + 10 < 100 * LEAST(1, GREATEST(0,
    EXTRACT(EPOCH FROM now() - make_date(t.year, 1, 1)::timestamptz)
    / NULLIF(EXTRACT(EPOCH FROM t."dueDate"::timestamptz - make_date(t.year, 1, 1)::timestamptz), 0))))`;

/** Every active post reporting (transitively, either line) to $2, $2 included (both superior indexes). */
const SUBTREE_POSTS = `sub(id) AS (
    SELECT $2::uuid
    UNION
    SELECT c.id FROM sub s CROSS JOIN LATERAL (
      SELECT p.id FROM "Post" p WHERE p."organisationId" = $1 AND p."adminSuperiorId" = s.id AND p."archivedAt" IS NULL
      UNION ALL
      SELECT p.id FROM "Post" p WHERE p."organisationId" = $1 AND p."partySuperiorId" = s.id AND p."archivedAt" IS NULL) c)`;

/**
 * The post-level gaps (a tier 2–4 post lacking a category of targets, a post with no holder) per
 * unit, over the posts `scope` selects (a condition on p), for the year $3.
 */
const POST_GAPS = (scope: string, targetScope = '') => `SELECT p."unitId",
       (count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Holding" h
          WHERE h."organisationId" = p."organisationId" AND h."postId" = p.id AND h."endedOn" IS NULL)))::int AS "noHolder",
       sum(CASE WHEN p.tier >= 2 THEN 3 - coalesce(c.n, 0) ELSE 0 END)::int AS "missingCategory"
  FROM "Post" p
  LEFT JOIN (SELECT "ownerPostId", count(DISTINCT category)::int AS n FROM "Target"
              WHERE "organisationId" = $1 AND year = $3 AND status = 'ACTIVE' ${targetScope} GROUP BY 1) c
         ON c."ownerPostId" = p.id
 WHERE p."organisationId" = $1 AND p."archivedAt" IS NULL ${scope}
 GROUP BY p."unitId"`;

const SECTION = [
  // The chief's post ($2) and every post below it (either line) with unit and holders.
  `WITH RECURSIVE ${SUBTREE_POSTS}
SELECT o.id, o.code, o.title, o.tier, o.lines, o."adminSuperiorId", o."partySuperiorId", o."sortOrder",
       un.name AS "unitName", un.kind, hs.holders
  FROM sub CROSS JOIN LATERAL (SELECT * FROM "Post" p WHERE p.id = sub.id OFFSET 0) o
  ${POST_REF_JOINS}`,
  // Their active targets of the year ($3) as summaries, with each target's child weight sum.
  `WITH RECURSIVE ${SUBTREE_POSTS}
SELECT ${SUMMARY_COLUMNS},
       (SELECT coalesce(sum(k.weight), 0) FROM "Target" k
         WHERE k."organisationId" = t."organisationId" AND k."parentId" = t.id AND k.status = 'ACTIVE') AS "childWeightSum"
  FROM "Target" t LEFT JOIN "Post" o ON o.id = t."ownerPostId"
  ${POST_REF_JOINS}
 WHERE t."organisationId" = $1 AND t.year = $3 AND t.status = 'ACTIVE' AND t."ownerPostId" IN (SELECT id FROM sub)`,
  // The post-level gaps in the scope and the year's waivers.
  `WITH RECURSIVE ${SUBTREE_POSTS} ${POST_GAPS('AND p.id IN (SELECT id FROM sub)', 'AND "ownerPostId" IN (SELECT id FROM sub)')}`,
  `SELECT "gapKey" FROM "GapWaiver" WHERE "organisationId" = $1 AND year = $2`,
];

const SUPERVISOR = [
  SECTION[0]!,
  // Unit × category heat over the targets of the posts below the deputy ($2), with the unit totals.
  `WITH RECURSIVE ${SUBTREE_POSTS},
  t AS (SELECT t.*, p."unitId", ${AT_RISK} AS "isAtRisk" FROM "Target" t JOIN "Post" p ON p.id = t."ownerPostId"
         WHERE t."organisationId" = $1 AND t.year = $3 AND t.status = 'ACTIVE' AND t."ownerPostId" IN (SELECT id FROM sub))
SELECT "unitId", category, sum(weight * progress) / NULLIF(sum(weight), 0) AS mean, count(*)::int AS targets,
       count(DISTINCT "ownerPostId")::int AS posts, (count(*) FILTER (WHERE "isAtRisk"))::int AS "atRisk"
  FROM t GROUP BY GROUPING SETS (("unitId", category), ("unitId"))`,
  // The deputy's own targets and the ten most behind at-risk targets below, as summaries.
  `SELECT ${SUMMARY_COLUMNS} FROM "Target" t LEFT JOIN "Post" o ON o.id = t."ownerPostId"
  ${POST_REF_JOINS}
 WHERE t."organisationId" = $1 AND t.year = $3 AND t.status = 'ACTIVE' AND t."ownerPostId" = $2`,
  `WITH RECURSIVE ${SUBTREE_POSTS},
  scoped AS MATERIALIZED (SELECT t.id FROM "Target" t
     WHERE t."organisationId" = $1 AND t.year = $3 AND t.status = 'ACTIVE' AND t."ownerPostId" IN (SELECT id FROM sub)
       AND ${AT_RISK} ORDER BY t.progress, t."dueDate", t.id LIMIT 10)
SELECT ${SUMMARY_COLUMNS} FROM scoped JOIN "Target" t ON t.id = scoped.id LEFT JOIN "Post" o ON o.id = t."ownerPostId"
  ${POST_REF_JOINS}
 ORDER BY t.progress, t."dueDate", t.id`,
  `WITH RECURSIVE ${SUBTREE_POSTS} ${POST_GAPS('AND p.id IN (SELECT id FROM sub)', 'AND "ownerPostId" IN (SELECT id FROM sub)')}`,
  // The published quarters of the year per unit (mean total, grades; the last one is "last
  // quarter") and overall (the trend), for the people holding posts below the deputy.
  `WITH RECURSIVE ${SUBTREE_POSTS},
  members AS MATERIALIZED (
    SELECT DISTINCT h."personId", p."unitId" FROM sub
      CROSS JOIN LATERAL (SELECT p.id, p."unitId" FROM "Post" p WHERE p.id = sub.id OFFSET 0) p
      CROSS JOIN LATERAL (SELECT h."personId" FROM "Holding" h
                           WHERE h."organisationId" = $1 AND h."postId" = p.id AND h."endedOn" IS NULL OFFSET 0) h
     WHERE p.id <> $2),
  cycles AS (SELECT id, kind FROM "EvaluationCycle" WHERE "organisationId" = $1 AND year = $3 AND status = 'PUBLISHED')
SELECT m."unitId", c.id AS "cycleId", c.kind, avg(r.total) AS "meanTotal", count(*)::int AS evaluees,
       (count(*) FILTER (WHERE r.grade = 'EXCELLENT'))::int AS excellent,
       (count(*) FILTER (WHERE r.grade = 'COMPETENT'))::int AS competent,
       (count(*) FILTER (WHERE r.grade = 'BASICALLY_COMPETENT'))::int AS basic,
       (count(*) FILTER (WHERE r.grade = 'INCOMPETENT'))::int AS incompetent
  FROM cycles c CROSS JOIN members m
  CROSS JOIN LATERAL (SELECT r.total, r.grade FROM "EvaluationResult" r
                       WHERE r."cycleId" = c.id AND r."evalueeId" = m."personId" OFFSET 0) r
 GROUP BY GROUPING SETS ((m."unitId", c.id, c.kind), (c.id, c.kind))`,
];

const BUREAU = [
  // Unit × category heat over every active target of the year, with the unit totals.
  `WITH t AS (SELECT t.weight, t.progress, t.category, t."ownerPostId", p."unitId", ${AT_RISK} AS "isAtRisk"
              FROM "Target" t JOIN "Post" p ON p.id = t."ownerPostId"
             WHERE t."organisationId" = $1 AND t.year = $2 AND t.status = 'ACTIVE')
SELECT u.id, u.name, u.kind, u."sortOrder", h.category, h.mean, h.targets, h.posts, h."atRisk"
  FROM (SELECT "unitId", category, sum(weight * progress) / NULLIF(sum(weight), 0) AS mean, count(*)::int AS targets,
               count(DISTINCT "ownerPostId")::int AS posts, (count(*) FILTER (WHERE "isAtRisk"))::int AS "atRisk"
          FROM t GROUP BY GROUPING SETS (("unitId", category), ("unitId"))) h
  JOIN "OrgUnit" u ON u.id = h."unitId"`,
  // The major (root) targets as summaries.
  `SELECT ${SUMMARY_COLUMNS} FROM "Target" t LEFT JOIN "Post" o ON o.id = t."ownerPostId"
  ${POST_REF_JOINS}
 WHERE t."organisationId" = $1 AND t.year = $2 AND t.status = 'ACTIVE' AND t."parentId" IS NULL`,
  // The ten most behind at-risk targets.
  `SELECT ${SUMMARY_COLUMNS} FROM "Target" t LEFT JOIN "Post" o ON o.id = t."ownerPostId"
  ${POST_REF_JOINS}
 WHERE t."organisationId" = $1 AND t.year = $2 AND t.status = 'ACTIVE' AND ${AT_RISK}
 ORDER BY t.progress, t."dueDate", t.id LIMIT 10`,
  // Gap counts: post-level gaps per unit, targets without an owner, decompositions not summing to 100, waivers.
  `SELECT * FROM (${POST_GAPS('').replaceAll('$3', '$2')}) g`,
  `SELECT (SELECT count(*)::int FROM "Target" WHERE "organisationId" = $1 AND year = $2 AND status = 'ACTIVE' AND "ownerPostId" IS NULL) AS "noOwner",
       (SELECT count(*)::int FROM (SELECT "parentId" FROM "Target" WHERE "organisationId" = $1 AND year = $2 AND status = 'ACTIVE' AND "parentId" IS NOT NULL
          GROUP BY "parentId" HAVING round(sum(weight), 2) <> 100) w) AS "weightSum",
       (SELECT count(*)::int FROM "GapWaiver" WHERE "organisationId" = $1 AND year = $2) AS waivers`,
  // Scoring progress of the open cycle ($3) per assessor.
  `SELECT s."evaluatorId", pe.name, count(*)::int AS filled, (count(*) FILTER (WHERE s.status = 'SUBMITTED'))::int AS submitted,
       count(DISTINCT s."evalueeId")::int AS evaluees
  FROM "Score" s JOIN "Person" pe ON pe.id = s."evaluatorId"
 WHERE s."cycleId" = $1 GROUP BY s."evaluatorId", pe.name`,
  // Grades of the latest published quarter ($4) and the year's trend.
  `SELECT c.id, c.kind, c.status, avg(r.total) AS "meanTotal", count(r.id)::int AS evaluees,
       (count(*) FILTER (WHERE r.grade = 'EXCELLENT'))::int AS excellent,
       (count(*) FILTER (WHERE r.grade = 'COMPETENT'))::int AS competent,
       (count(*) FILTER (WHERE r.grade = 'BASICALLY_COMPETENT'))::int AS basic,
       (count(*) FILTER (WHERE r.grade = 'INCOMPETENT'))::int AS incompetent,
       (count(*) FILTER (WHERE r."isQuotaCut"))::int AS "quotaCut", (count(*) FILTER (WHERE r."isVetoed"))::int AS vetoed
  FROM "EvaluationCycle" c LEFT JOIN "EvaluationResult" r ON r."cycleId" = c.id
 WHERE c."organisationId" = $1 AND c.year = $2 AND c.status = 'PUBLISHED'
 GROUP BY c.id, c.kind, c.status`,
];

/**
 * The tier-1 floor once the roll-ups are maintained per unit, per due date and progress bucket, and
 * the gap counts stored per version (migrations 20261205000000_roll_up_summaries and
 * 20261205000100_gap_count_versions): read those instead of passing over the year's targets.
 */
const BUREAU_SUMMARISED = [
  // Unit × category heat from the maintained per-unit sums, one compact array per unit (2,294 units
  // at 20,000 people: one value to transfer, as the API reads it).
  `SELECT json_agg(json_build_array(u.id, u.name, u.kind, h.i, h.b, h.m, h.a, h.n, h.p) ORDER BY u."sortOrder", u.name)
  FROM (SELECT s."unitId",
               max(s."progressSum"::float8 / s.targets) FILTER (WHERE s.category = 'IDEOLOGICAL') AS i,
               max(s."progressSum"::float8 / s.targets) FILTER (WHERE s.category = 'BUSINESS') AS b,
               max(s."progressSum"::float8 / s.targets) FILTER (WHERE s.category = 'MANAGEMENT') AS m,
               max(s."progressSum"::float8 / s.targets) FILTER (WHERE s.category = 'ALL') AS a,
               max(s.targets) FILTER (WHERE s.category = 'ALL') AS n,
               max(s.posts) FILTER (WHERE s.category = 'ALL') AS p
          FROM "TargetUnitSummary" s WHERE s."organisationId" = $1 AND s.year = $2 AND s.targets > 0
         GROUP BY s."unitId") h
  JOIN "OrgUnit" u ON u.id = h."unitId" AND u."archivedAt" IS NULL`,
  BUREAU[1]!,
  // At risk: per due date, the whole progress buckets below the threshold plus the one partial
  // bucket read through the (organisation, year, due date, progress) index; the ten most behind.
  `WITH thr AS MATERIALIZED (
    SELECT d."dueDate", e.expected, greatest(0, least(90, floor(e.expected - 10)))::int AS whole
      FROM (SELECT DISTINCT "dueDate" FROM "TargetDueSummary" WHERE "organisationId" = $1 AND year = $2 AND targets > 0) d
      CROSS JOIN LATERAL (SELECT 100 * LEAST(1, GREATEST(0, EXTRACT(EPOCH FROM now() - make_date($2, 1, 1)::timestamptz)
               / NULLIF(EXTRACT(EPOCH FROM d."dueDate"::timestamptz - make_date($2, 1, 1)::timestamptz), 0)))::float8 AS expected) e
     WHERE e.expected > 10),
  top AS (
    SELECT c.id, thr.expected - c.progress AS shortfall, thr."dueDate" FROM thr CROSS JOIN LATERAL (
      SELECT t.id, t.progress FROM "Target" t
       WHERE t."organisationId" = $1 AND t.year = $2 AND t."dueDate" = thr."dueDate" AND t.status = 'ACTIVE'
         AND t.progress < least(100, thr.expected - 10) ORDER BY t.progress, t.id LIMIT 10) c
     ORDER BY 2 DESC, 3, 1 LIMIT 10)
SELECT (SELECT sum((SELECT coalesce(sum(s.targets), 0) FROM "TargetDueSummary" s
                     WHERE s."organisationId" = $1 AND s.year = $2 AND s."dueDate" = thr."dueDate" AND s.bucket < thr.whole)
                 + (SELECT count(*) FROM "Target" t
                     WHERE t."organisationId" = $1 AND t.year = $2 AND t."dueDate" = thr."dueDate" AND t.status = 'ACTIVE'
                       AND t.progress >= thr.whole AND t.progress < least(100, thr.expected - 10))) FROM thr) AS "atRiskTotal",
       (SELECT json_agg(x) FROM (SELECT ${SUMMARY_COLUMNS} FROM top JOIN "Target" t ON t.id = top.id
                                   LEFT JOIN "Post" o ON o.id = t."ownerPostId" ${POST_REF_JOINS}) x) AS top`,
  // The stored gap counts, when still current.
  `SELECT c.rows FROM "GapCountCache" c JOIN "GapVersion" v ON v."organisationId" = c."organisationId" AND v.version = c.version
 WHERE c."organisationId" = $1 AND c.year = $2`,
  BUREAU[5]!,
  BUREAU[6]!,
];

/** The evaluation side of the tier-1 dashboard, stored per version (20261205000200_evaluation_versions). */
const EVALUATION_CACHED = `SELECT c.payload FROM "EvaluationSummaryCache" c
  JOIN "EvaluationVersion" v ON v."organisationId" = c."organisationId" AND v.version = c.version
 WHERE c."organisationId" = $1 AND c.year = $2`;

/**
 * What the tier-1 endpoint computes when its in-memory figures are not current (docs/performance.md
 * "Tier-1 dashboard"; an answer from memory costs the session lookup and the first statement only):
 * the data versions; every active unit with its own posts' sums per category, from which any level of
 * the heatmap (each row over its subtree) and the unit ranking are summed up in memory; then, as
 * before, the major targets, the at-risk list and the stored gap counts and evaluation.
 */
const BUREAU_LEVEL = [
  `SELECT (SELECT version FROM "DashboardVersion" WHERE "organisationId" = $1) AS dashboard,
       (SELECT version FROM "GapVersion" WHERE "organisationId" = $1) AS gaps,
       (SELECT version FROM "EvaluationVersion" WHERE "organisationId" = $1) AS evaluation`,
  `SELECT json_agg(json_build_array(u.id, u."parentId", u.name, u.kind, u."sortOrder",
                                  h.i, h.ni, h.b, h.nb, h.m, h.nm, h.a, h.na, h.p))
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
               FROM "TargetUnitSummary" s WHERE s."organisationId" = $1 AND s.year = $2 AND s.targets > 0
              GROUP BY s."unitId") h ON h."unitId" = u.id
 WHERE u."organisationId" = $1 AND u."archivedAt" IS NULL`,
];

/** Tier 1 reads what the schema maintains: summaries when they exist, else passes over the rows. */
function tier1Statements(p: FloorParams): string[] {
  if (!p.hasSummaries) return BUREAU;
  if (p.hasEvaluationCache) return [...BUREAU_LEVEL, ...BUREAU_SUMMARISED.slice(1, 4), EVALUATION_CACHED];
  return [...BUREAU_SUMMARISED.slice(0, 4), BUREAU[5]!, BUREAU[6]!];
}

const session = (pool: pg.Pool, tokenHash: string) => pool.query(SESSION, [tokenHash]);
/** Sends `sql` with as many of `all` as it has placeholders ($1 … $n). */
const query = (pool: pg.Pool, sql: string, all: unknown[]) => {
  const highest = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return pool.query(sql, all.slice(0, highest));
};

export const floors: Record<string, Floor> = {
  tier1: {
    sql: [SESSION, ...BUREAU],
    statements: (p) => [SESSION, ...tier1Statements(p)],
    async run(pool, p) {
      await session(pool, p.tokenHash.director);
      await Promise.all(
        tier1Statements(p).map((sql) =>
          sql === BUREAU[5]
            ? query(pool, sql, [p.openCycleId])
            : query(pool, sql, [p.organisationId, p.year]),
        ),
      );
    },
  },
  tier2: {
    sql: [SESSION, ...SUPERVISOR],
    async run(pool, p) {
      await session(pool, p.tokenHash.deputy);
      const args = [p.organisationId, p.deputyPostId, p.year];
      await Promise.all(SUPERVISOR.map((sql) => query(pool, sql, args)));
    },
  },
  tier3: {
    sql: [SESSION, ...SECTION],
    async run(pool, p) {
      await session(pool, p.tokenHash.chief);
      const args = [p.organisationId, p.chiefPostId, p.year];
      await Promise.all([
        query(pool, SECTION[0]!, args),
        query(pool, SECTION[1]!, args),
        query(pool, SECTION[2]!, args),
        pool.query(SECTION[3]!, [p.organisationId, p.year]),
      ]);
    },
  },
  // Target detail, subtree, chain level, results page: the API's own statements (hot-read-floors.ts).
  ...hotReadFloors(SESSION, session),
};
