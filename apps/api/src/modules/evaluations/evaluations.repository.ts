// The only code of the evaluation area that touches Prisma. Functions that write take the
// transaction client; reads take it optionally, so a service can read inside its transaction.
import { poolOf, type Db } from '../../db/database';
import { queryOne, type SqlPool } from '../../db/sql';
import type { Tx } from '../../db/transaction';
import { auditAppendSql, type PreparedAuditEntry } from '../audit/audit.repository';
import { Prisma, type EvaluationCycle, type EvaluationResult } from '../../generated/prisma/client';
import type {
  AdjustmentKind,
  CycleKind,
  CycleStatus,
  Grade,
  TargetCategory,
} from '../../generated/prisma/enums';

/**
 * A bound on how many evaluees (and candidates) one read returns, so no query is unbounded: the
 * largest organisation the system is sized for (200,000 people, `seed:scale`'s maximum). It must
 * never cut a real population: a truncated list would leave people unscored and ungraded.
 */
const POPULATION_CAP = 200_000;

/** One stored score as the scoring writes read it back. */
export interface ScoreCell {
  id: string;
  evalueeId: string;
  category: TargetCategory;
  value: number;
  version: number;
  status: 'DRAFT' | 'SUBMITTED';
  updatedAt: Date;
}

/** What saving or submitting scores checks, read in one round trip (`scoringFacts`). */
export interface ScoringFacts {
  cycle: Pick<
    EvaluationCycle,
    'id' | 'organisationId' | 'year' | 'kind' | 'status' | 'windowStart' | 'windowEnd'
  > | null;
  barOwnUnitScoring: boolean;
  /** The named evaluees: whether each is one of the cycle's evaluees, and the units of their tier 2–4 posts. */
  evaluees: { id: string; name: string; isEvaluee: boolean; unitIds: string[] }[];
  /** The evaluator's stored scores of the named evaluees. */
  scores: ScoreCell[];
  /** The evaluator's draft adjustments of the named evaluees. */
  draftAdjustments: number;
}

const scoreCellSql = (alias: string) => {
  const c = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`json_build_object('id', ${c('id')}, 'evalueeId', ${c('evalueeId')}, 'category', ${c('category')},
    'value', ${c('value')}::float8, 'version', ${c('version')}, 'status', ${c('status')}, 'updatedAt', ${c('updatedAt')})`;
};

const toScoreCell = (row: Omit<ScoreCell, 'updatedAt'> & { updatedAt: string }): ScoreCell => ({
  ...row,
  updatedAt: new Date(row.updatedAt),
});

const personWithEvalueePosts = (organisationId: string) =>
  ({
    id: true,
    name: true,
    employeeNo: true,
    holdings: {
      where: { organisationId, endedOn: null, post: { archivedAt: null, tier: { gte: 2 } } },
      select: {
        isPrimary: true,
        post: {
          select: {
            id: true,
            code: true,
            title: true,
            tier: true,
            unit: { select: { id: true, name: true } },
          },
        },
      },
    },
  }) as const;

export type CycleRow = EvaluationCycle;
export type ResultRowDb = EvaluationResult;
export type PersonWithPosts = {
  id: string;
  name: string;
  employeeNo: string;
  holdings: {
    isPrimary: boolean;
    post: { id: string; code: string; title: string; tier: number; unit: { id: string; name: string } };
  }[];
};

/** One row of a results page as `readResultsPage` reads it (figures as numbers). */
export interface ResultPageRow {
  evalueeId: string;
  evaluee: { name: string; employeeNo: string };
  /** The stored sheet when it may be a snapshot, else null. */
  sheet: Prisma.JsonValue | null;
  /** The evaluee's current posts, read only when the sheet holds no snapshot of them. */
  person: PersonWithPosts | null;
  scoreIdeological: number;
  scoreBusiness: number;
  scoreManagement: number;
  bonusTotal: number;
  deductionTotal: number;
  total: number;
  rank: number;
  grade: Grade;
  isQuotaCut: boolean;
  quotaCutReason: string | null;
  isVetoed: boolean;
  vetoReason: string | null;
  bonusCoefficient: number | null;
  consequence: string | null;
  isAmended: boolean;
  version: number;
}

/** Everything a results page shows, from one statement (`readResultsPage`). */
export interface ResultsPageRead {
  cycle: CycleRow;
  /** The whole cycle's figures as "EvaluationResultSummary" keeps them (zeros before any result). */
  summary: {
    evaluees: number;
    byGrade: Record<Grade, number>;
    quotaCut: number;
    vetoed: number;
    computedAt: Date | null;
  };
  /** The organisation's 优秀 share, null when it has no settings. */
  excellentQuota: number | null;
  items: ResultPageRow[];
}

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * A results page in one statement (docs/performance.md "Hot reads"): the cycle, the stored
 * figures of the whole cycle, the quota share, and one page by rank (the page's ids by an
 * index-only scan past the offset) with, for rows whose sheet holds no snapshot, the evaluee's
 * current posts. Null when the organisation has no such cycle.
 */
export async function readResultsPage(
  pool: SqlPool,
  organisationId: string,
  cycleId: string,
  filter: { grade?: Grade },
  page: { skip: number; take: number },
): Promise<ResultsPageRead | null> {
  const org = Prisma.sql`${organisationId}::uuid`;
  // Two texts, so each prepared statement keeps the plan of its own index.
  const grade =
    filter.grade === undefined ? Prisma.empty : Prisma.sql`AND x.grade = ${filter.grade}::"Grade"`;
  // What the service's snapshot check needs at least; it checks the rest (results.service.ts).
  const hasSnapshot = Prisma.sql`coalesce(jsonb_typeof(r.sheet) = 'object' AND r.sheet->'v' = '1'::jsonb
                                           AND jsonb_typeof(r.sheet->'evaluee') = 'object', false)`;
  const row = await queryOne<{
    page:
      | (Omit<ResultsPageRead, 'cycle' | 'summary'> & {
          cycle: Json<CycleRow>;
          summary: Omit<Json<ResultsPageRead['summary']>, 'computedAt'> & { computedAt: string | null };
        })
      | null;
  }>(
    pool,
    Prisma.sql`
    WITH c AS (SELECT * FROM "EvaluationCycle" WHERE "organisationId" = ${org} AND id = ${cycleId}::uuid),
    ids AS (
      SELECT x.id, x.rank FROM "EvaluationResult" x
       WHERE x."cycleId" = ${cycleId}::uuid ${grade}
       ORDER BY x.rank LIMIT ${page.take} OFFSET ${page.skip}
    )
    SELECT (SELECT json_build_object(
      'cycle', json_build_object(
        'id', c.id, 'organisationId', c."organisationId", 'year', c.year, 'kind', c.kind, 'status', c.status,
        'windowStart', c."windowStart", 'windowEnd', c."windowEnd", 'openedAt', c."openedAt",
        'closedAt', c."closedAt", 'publishedAt', c."publishedAt", 'version', c.version, 'createdAt', c."createdAt"),
      'summary', (
        SELECT json_build_object(
                 'evaluees', coalesce(s.evaluees, 0),
                 'byGrade', json_build_object(
                   'EXCELLENT', coalesce(s.excellent, 0), 'COMPETENT', coalesce(s.competent, 0),
                   'BASICALLY_COMPETENT', coalesce(s."basicallyCompetent", 0),
                   'INCOMPETENT', coalesce(s.incompetent, 0)),
                 'quotaCut', coalesce(s."quotaCut", 0), 'vetoed', coalesce(s.vetoed, 0),
                 'computedAt', s."computedAt")
          FROM (SELECT 1) one LEFT JOIN "EvaluationResultSummary" s ON s."cycleId" = c.id),
      'excellentQuota', (SELECT st."excellentQuota"::float8 FROM "OrganisationSettings" st
                          WHERE st."organisationId" = ${org}),
      'items', (
        SELECT coalesce(json_agg(json_build_object(
                 'evalueeId', r."evalueeId",
                 'evaluee', json_build_object('name', pe.name, 'employeeNo', pe."employeeNo"),
                 'sheet', CASE WHEN ${hasSnapshot} THEN r.sheet END,
                 'person', CASE WHEN NOT ${hasSnapshot} THEN json_build_object(
                   'id', pe.id, 'name', pe.name, 'employeeNo', pe."employeeNo",
                   'holdings', coalesce((
                     SELECT json_agg(json_build_object(
                              'isPrimary', h."isPrimary",
                              'post', json_build_object('id', p.id, 'code', p.code, 'title', p.title, 'tier', p.tier,
                                                        'unit', json_build_object('id', u.id, 'name', u.name))))
                       FROM "Holding" h JOIN "Post" p ON p.id = h."postId" JOIN "OrgUnit" u ON u.id = p."unitId"
                      WHERE h."organisationId" = ${org} AND h."personId" = pe.id AND h."endedOn" IS NULL
                        AND p."archivedAt" IS NULL AND p.tier >= 2), '[]'::json)) END,
                 'scoreIdeological', r."scoreIdeological", 'scoreBusiness', r."scoreBusiness",
                 'scoreManagement', r."scoreManagement", 'bonusTotal', r."bonusTotal",
                 'deductionTotal', r."deductionTotal", 'total', r.total, 'rank', r.rank, 'grade', r.grade,
                 'isQuotaCut', r."isQuotaCut", 'quotaCutReason', r."quotaCutReason", 'isVetoed', r."isVetoed",
                 'vetoReason', r."vetoReason", 'bonusCoefficient', r."bonusCoefficient",
                 'consequence', r.consequence,
                 'isAmended', EXISTS (SELECT 1 FROM "Amendment" a
                                       WHERE a."organisationId" = r."organisationId" AND a."resultId" = r.id),
                 'version', r.version) ORDER BY r.rank), '[]'::json)
          -- OFFSET 0: a probe per id, also in a generic plan (which cannot know the page is 50 rows).
        FROM ids CROSS JOIN LATERAL (SELECT * FROM "EvaluationResult" y WHERE y.id = ids.id OFFSET 0) r
        JOIN "Person" pe ON pe.id = r."evalueeId"))
      FROM c) AS page`,
  );
  const read = row.page;
  if (!read) return null;
  const { cycle, summary } = read;
  return {
    ...read,
    cycle: {
      ...cycle,
      windowStart: dateOrNull(cycle.windowStart),
      windowEnd: dateOrNull(cycle.windowEnd),
      openedAt: dateOrNull(cycle.openedAt),
      closedAt: dateOrNull(cycle.closedAt),
      publishedAt: dateOrNull(cycle.publishedAt),
      createdAt: new Date(cycle.createdAt),
    },
    summary: { ...summary, computedAt: dateOrNull(summary.computedAt) },
  };
}

export function createEvaluationsRepository(db: Db, pool: SqlPool = poolOf(db)) {
  return {
    readResultsPage: (
      organisationId: string,
      cycleId: string,
      filter: { grade?: Grade },
      page: { skip: number; take: number },
    ) => readResultsPage(pool, organisationId, cycleId, filter, page),

    // ── cycles ──────────────────────────────────────────────────────────────────────────────────
    findCycle: (organisationId: string, id: string, c: Tx = db) =>
      c.evaluationCycle.findUnique({ where: { organisationId_id: { organisationId, id } } }),

    /** Locks the cycle row until the transaction ends: FOR UPDATE for transitions, FOR SHARE for scoring. */
    async lockCycle(tx: Tx, organisationId: string, id: string, mode: 'update' | 'share') {
      const rows =
        mode === 'update'
          ? await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "EvaluationCycle"
              WHERE "organisationId" = ${organisationId}::uuid AND id = ${id}::uuid FOR UPDATE`
          : await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "EvaluationCycle"
              WHERE "organisationId" = ${organisationId}::uuid AND id = ${id}::uuid FOR SHARE`;
      if (rows.length === 0) return null;
      return tx.evaluationCycle.findUnique({ where: { id } });
    },

    async listCycles(
      organisationId: string,
      filter: { year?: number; status?: CycleStatus },
      page: { skip: number; take: number },
    ) {
      const where = { organisationId, year: filter.year, status: filter.status };
      const [items, total] = await Promise.all([
        db.evaluationCycle.findMany({
          where,
          orderBy: [{ year: 'desc' }, { kind: 'asc' }],
          skip: page.skip,
          take: page.take,
        }),
        db.evaluationCycle.count({ where }),
      ]);
      return { items, total };
    },

    findCycleByKind: (organisationId: string, year: number, kind: CycleKind, c: Tx = db) =>
      c.evaluationCycle.findUnique({ where: { organisationId_year_kind: { organisationId, year, kind } } }),

    createCycle: (
      tx: Tx,
      data: { organisationId: string; year: number; kind: CycleKind; windowStart?: Date; windowEnd?: Date },
    ) => tx.evaluationCycle.create({ data }),

    /** Optimistic update: null when the version moved on. */
    async updateCycle(
      tx: Tx,
      id: string,
      version: number,
      data: Prisma.EvaluationCycleUpdateManyMutationInput,
    ) {
      const { count } = await tx.evaluationCycle.updateMany({
        where: { id, version },
        data: { ...data, version: { increment: 1 } },
      });
      return count === 0 ? null : tx.evaluationCycle.findUnique({ where: { id } });
    },

    /** Published quarters of a year: what an annual result is made of. */
    publishedQuarters: (organisationId: string, year: number, c: Tx = db) =>
      c.evaluationCycle.findMany({
        where: { organisationId, year, kind: { not: 'ANNUAL' }, status: 'PUBLISHED' },
        orderBy: { kind: 'asc' },
      }),

    // ── people: evaluees and assessors ─────────────────────────────────────────────────────────
    /** Every person holding an active tier 2–4 post, with those posts. */
    evalueeCandidates: (organisationId: string, c: Tx = db): Promise<PersonWithPosts[]> =>
      c.person.findMany({
        where: {
          organisationId,
          archivedAt: null,
          holdings: { some: { endedOn: null, post: { archivedAt: null, tier: { gte: 2 } } } },
        },
        select: personWithEvalueePosts(organisationId),
        orderBy: { employeeNo: 'asc' },
        take: POPULATION_CAP,
      }),

    peopleByIds: (organisationId: string, ids: string[], c: Tx = db): Promise<PersonWithPosts[]> =>
      c.person.findMany({
        where: { organisationId, id: { in: ids } },
        select: personWithEvalueePosts(organisationId),
        take: POPULATION_CAP,
      }),

    activePeopleCount: (organisationId: string, ids: string[], c: Tx = db) =>
      c.person.count({ where: { organisationId, archivedAt: null, id: { in: ids } } }),

    listAssessors: (organisationId: string, c: Tx = db) =>
      c.assessmentGroupMember.findMany({
        where: { organisationId },
        orderBy: { addedAt: 'asc' },
        take: 500,
        select: {
          addedAt: true,
          person: {
            select: {
              ...personWithEvalueePosts(organisationId),
              holdings: {
                where: { organisationId, endedOn: null, post: { archivedAt: null } },
                select: personWithEvalueePosts(organisationId).holdings.select,
              },
              user: { select: { id: true } },
            },
          },
        },
      }),

    countAssessors: (organisationId: string) => db.assessmentGroupMember.count({ where: { organisationId } }),

    async replaceAssessors(tx: Tx, organisationId: string, personIds: string[]) {
      await tx.assessmentGroupMember.deleteMany({
        where: { organisationId, personId: { notIn: personIds } },
      });
      await tx.assessmentGroupMember.createMany({
        data: personIds.map((personId) => ({ organisationId, personId })),
        skipDuplicates: true,
      });
    },

    // ── exclusions ────────────────────────────────────────────────────────────────────────────
    listExclusions: (cycleId: string, c: Tx = db) =>
      c.evaluationExclusion.findMany({
        where: { cycleId },
        orderBy: { createdAt: 'asc' },
        take: POPULATION_CAP,
        select: {
          personId: true,
          reason: true,
          createdAt: true,
          person: { select: { name: true, employeeNo: true } },
        },
      }),

    findExclusion: (cycleId: string, personId: string, c: Tx = db) =>
      c.evaluationExclusion.findUnique({
        where: { cycleId_personId: { cycleId, personId } },
        select: {
          personId: true,
          reason: true,
          createdAt: true,
          person: { select: { name: true, employeeNo: true } },
        },
      }),

    createExclusion: (
      tx: Tx,
      data: { organisationId: string; cycleId: string; personId: string; reason: string },
    ) =>
      tx.evaluationExclusion.create({
        data,
        select: {
          personId: true,
          reason: true,
          createdAt: true,
          person: { select: { name: true, employeeNo: true } },
        },
      }),

    deleteExclusion: (tx: Tx, cycleId: string, personId: string) =>
      tx.evaluationExclusion.deleteMany({ where: { cycleId, personId } }),

    // ── scores ────────────────────────────────────────────────────────────────────────────────
    /**
     * Saving or submitting scores, first round trip: the cycle (locked FOR SHARE against
     * transitions, read as locked), the setting that bars one's own unit, the named evaluees checked
     * against the cycle's population (holders of active tier 2–4 posts, not excluded) and the
     * evaluator's stored scores of them. Only the named people are read, never the population.
     */
    async scoringFacts(
      tx: Tx,
      organisationId: string,
      cycleId: string,
      evaluatorId: string,
      evalueeIds: readonly string[],
    ): Promise<ScoringFacts> {
      const org = Prisma.sql`${organisationId}::uuid`;
      const ids = Prisma.sql`${[...evalueeIds]}::uuid[]`;
      const rows = await tx.$queryRaw<
        {
          cycle:
            | (Omit<NonNullable<ScoringFacts['cycle']>, 'windowStart' | 'windowEnd'> & {
                windowStart: string | null;
                windowEnd: string | null;
              })
            | null;
          barOwnUnitScoring: boolean | null;
          evaluees: ScoringFacts['evaluees'];
          scores: (Omit<ScoreCell, 'updatedAt'> & { updatedAt: string })[];
          draftAdjustments: number;
        }[]
      >`
        SELECT
          (SELECT count(*)::int FROM "Adjustment" a
            WHERE a."cycleId" = ${cycleId}::uuid AND a."evaluatorId" = ${evaluatorId}::uuid
              AND a."evalueeId" = ANY(${ids}) AND a.status = 'DRAFT') AS "draftAdjustments",
          (SELECT json_build_object('id', c.id, 'organisationId', c."organisationId", 'year', c.year, 'kind', c.kind,
                                    'status', c.status, 'windowStart', c."windowStart", 'windowEnd', c."windowEnd")
             FROM (SELECT * FROM "EvaluationCycle" WHERE "organisationId" = ${org} AND id = ${cycleId}::uuid FOR SHARE) c
          ) AS cycle,
          (SELECT "barOwnUnitScoring" FROM "OrganisationSettings" WHERE "organisationId" = ${org}) AS "barOwnUnitScoring",
          (SELECT coalesce(json_agg(json_build_object(
                    'id', pe.id, 'name', pe.name,
                    'isEvaluee', pe."archivedAt" IS NULL AND u.units IS NOT NULL
                                 AND NOT EXISTS (SELECT 1 FROM "EvaluationExclusion" x
                                                  WHERE x."cycleId" = ${cycleId}::uuid AND x."personId" = pe.id),
                    'unitIds', coalesce(u.units, '[]'::json))), '[]'::json)
             FROM "Person" pe
             LEFT JOIN LATERAL (
               SELECT json_agg(DISTINCT p."unitId") AS units
                 FROM "Holding" h JOIN "Post" p ON p.id = h."postId"
                WHERE h."organisationId" = ${org} AND h."personId" = pe.id AND h."endedOn" IS NULL
                  AND p."archivedAt" IS NULL AND p.tier >= 2
             ) u ON true
            WHERE pe."organisationId" = ${org} AND pe.id = ANY(${ids})) AS evaluees,
          (SELECT coalesce(json_agg(${scoreCellSql('s')}), '[]'::json) FROM "Score" s
            WHERE s."cycleId" = ${cycleId}::uuid AND s."evaluatorId" = ${evaluatorId}::uuid
              AND s."evalueeId" = ANY(${ids})) AS scores`;
      const row = rows[0]!;
      return {
        cycle: row.cycle && {
          ...row.cycle,
          windowStart: row.cycle.windowStart === null ? null : new Date(row.cycle.windowStart),
          windowEnd: row.cycle.windowEnd === null ? null : new Date(row.cycle.windowEnd),
        },
        barOwnUnitScoring: row.barOwnUnitScoring ?? false,
        evaluees: row.evaluees,
        scores: row.scores.map(toScoreCell),
        draftAdjustments: row.draftAdjustments,
      };
    },

    /**
     * Saving scores, second round trip: inserts the new cells (unless one appeared meanwhile),
     * updates the changed ones at the version read, and appends the audit entry. Returns the rows
     * written; a cell missing from them lost a race (the caller answers STALE_VERSION and rolls back).
     */
    async writeScores(
      tx: Tx,
      target: { organisationId: string; cycleId: string; evaluatorId: string },
      inserts: { evalueeId: string; category: TargetCategory; value: number }[],
      updates: { id: string; version: number; value: number }[],
      audit: PreparedAuditEntry | null,
    ): Promise<ScoreCell[]> {
      const org = Prisma.sql`${target.organisationId}::uuid`;
      const rows = await tx.$queryRaw<
        { written: (Omit<ScoreCell, 'updatedAt'> & { updatedAt: string })[] }[]
      >`
        WITH ins AS (
          INSERT INTO "Score" (id, "organisationId", "cycleId", "evaluatorId", "evalueeId", category, value, "updatedAt")
          SELECT gen_random_uuid(), ${org}, ${target.cycleId}::uuid, ${target.evaluatorId}::uuid, i.e, i.c, i.v, now()
            FROM unnest(${inserts.map((c) => c.evalueeId)}::uuid[],
                        ${inserts.map((c) => c.category)}::"TargetCategory"[],
                        ${inserts.map((c) => c.value)}::numeric[]) AS i(e, c, v)
          ON CONFLICT DO NOTHING
          RETURNING *
        ),
        upd AS (
          UPDATE "Score" s SET value = u.v, version = s.version + 1, status = 'DRAFT', "submittedAt" = NULL,
                               "updatedAt" = now()
            FROM unnest(${updates.map((c) => c.id)}::uuid[], ${updates.map((c) => c.version)}::int[],
                        ${updates.map((c) => c.value)}::numeric[]) AS u(id, ver, v)
           WHERE s.id = u.id AND s.version = u.ver AND s."cycleId" = ${target.cycleId}::uuid
          RETURNING s.*
        )
        SELECT (SELECT coalesce(json_agg(${scoreCellSql('w')}), '[]'::json)
                  FROM (SELECT * FROM ins UNION ALL SELECT * FROM upd) w) AS written,
               ${audit === null ? Prisma.sql`NULL` : auditAppendSql(audit)} AS "auditId"`;
      return rows[0]!.written.map(toScoreCell);
    },

    /**
     * Submitting, second round trip: the evaluator's drafts of the evaluees, scores and adjustments,
     * become submitted, and the audit entry (built from the counts `scoringFacts` read) is appended.
     * Returns the counts changed; the caller compares them with what it read.
     */
    async submitWithAudit(
      tx: Tx,
      target: { cycleId: string; evaluatorId: string; evalueeIds: readonly string[]; at: Date },
      audit: PreparedAuditEntry | null,
    ): Promise<{ scoresSubmitted: number; adjustmentsSubmitted: number }> {
      const ids = Prisma.sql`${[...target.evalueeIds]}::uuid[]`;
      const rows = await tx.$queryRaw<{ scoresSubmitted: number; adjustmentsSubmitted: number }[]>`
        WITH sc AS (
          UPDATE "Score" SET status = 'SUBMITTED', "submittedAt" = ${target.at.toISOString()}::timestamptz,
                             "updatedAt" = now()
           WHERE "cycleId" = ${target.cycleId}::uuid AND "evaluatorId" = ${target.evaluatorId}::uuid
             AND "evalueeId" = ANY(${ids}) AND status = 'DRAFT'
          RETURNING 1
        ),
        adj AS (
          UPDATE "Adjustment" SET status = 'SUBMITTED'
           WHERE "cycleId" = ${target.cycleId}::uuid AND "evaluatorId" = ${target.evaluatorId}::uuid
             AND "evalueeId" = ANY(${ids}) AND status = 'DRAFT'
          RETURNING 1
        )
        SELECT (SELECT count(*)::int FROM sc) AS "scoresSubmitted",
               (SELECT count(*)::int FROM adj) AS "adjustmentsSubmitted",
               ${audit === null ? Prisma.sql`NULL` : auditAppendSql(audit)} AS "auditId"`;
      return rows[0]!;
    },

    myScores: (cycleId: string, evaluatorId: string, c: Tx = db) =>
      c.score.findMany({ where: { cycleId, evaluatorId }, take: POPULATION_CAP * 3 }),

    findScore: (
      cycleId: string,
      evaluatorId: string,
      evalueeId: string,
      category: TargetCategory,
      c: Tx = db,
    ) =>
      c.score.findUnique({
        where: { cycleId_evaluatorId_evalueeId_category: { cycleId, evaluatorId, evalueeId, category } },
      }),

    /** Inserts unless the cell exists (ON CONFLICT DO NOTHING): true when this call created it. */
    async insertScore(
      tx: Tx,
      data: {
        organisationId: string;
        cycleId: string;
        evaluatorId: string;
        evalueeId: string;
        category: TargetCategory;
        value: number;
      },
    ) {
      const { count } = await tx.score.createMany({ data: [data], skipDuplicates: true });
      return count === 1;
    },

    /** Optimistic: false when the version moved on. Any change makes the score a draft again. */
    async updateScore(tx: Tx, id: string, version: number, value: number) {
      const { count } = await tx.score.updateMany({
        where: { id, version },
        data: { value, version: { increment: 1 }, status: 'DRAFT', submittedAt: null },
      });
      return count === 1;
    },

    submitScores: (tx: Tx, cycleId: string, evaluatorId: string, evalueeIds: string[], at: Date) =>
      tx.score.updateMany({
        where: { cycleId, evaluatorId, evalueeId: { in: evalueeIds }, status: 'DRAFT' },
        data: { status: 'SUBMITTED', submittedAt: at },
      }),

    submittedScores: (cycleId: string, c: Tx = db) =>
      c.score.findMany({
        where: { cycleId, status: 'SUBMITTED' },
        select: { evaluatorId: true, evalueeId: true, category: true, value: true },
        take: POPULATION_CAP * 100,
      }),

    submittedScoresOf: (cycleId: string, evalueeId: string, c: Tx = db) =>
      c.score.findMany({
        where: { cycleId, evalueeId, status: 'SUBMITTED' },
        select: { evaluatorId: true, category: true, value: true, evaluator: { select: { name: true } } },
        take: 1000,
      }),

    // ── adjustments ───────────────────────────────────────────────────────────────────────────
    myAdjustments: (cycleId: string, evaluatorId: string, c: Tx = db) =>
      c.adjustment.findMany({ where: { cycleId, evaluatorId }, orderBy: { createdAt: 'asc' }, take: 5000 }),

    findAdjustment: (cycleId: string, id: string, c: Tx = db) =>
      c.adjustment.findFirst({ where: { cycleId, id } }),

    createAdjustment: (
      tx: Tx,
      data: {
        organisationId: string;
        cycleId: string;
        evaluatorId: string;
        evalueeId: string;
        kind: AdjustmentKind;
        amount: number | null;
        reason: string;
      },
    ) => tx.adjustment.create({ data }),

    deleteAdjustment: (tx: Tx, id: string) => tx.adjustment.deleteMany({ where: { id, status: 'DRAFT' } }),

    submitAdjustments: (tx: Tx, cycleId: string, evaluatorId: string, evalueeIds: string[]) =>
      tx.adjustment.updateMany({
        where: { cycleId, evaluatorId, evalueeId: { in: evalueeIds }, status: 'DRAFT' },
        data: { status: 'SUBMITTED' },
      }),

    submittedAdjustments: (cycleId: string, c: Tx = db) =>
      c.adjustment.findMany({
        where: { cycleId, status: 'SUBMITTED' },
        orderBy: { createdAt: 'asc' },
        select: { id: true, evalueeId: true, kind: true, amount: true, reason: true },
        take: POPULATION_CAP * 20,
      }),

    // ── targets ───────────────────────────────────────────────────────────────────────────────
    /** Active targets of a year owned by the given posts. */
    targetsOfPosts: (organisationId: string, year: number, postIds: string[], c: Tx = db) =>
      c.target.findMany({
        where: { organisationId, year, status: 'ACTIVE', ownerPostId: { in: postIds } },
        orderBy: [{ category: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          title: true,
          category: true,
          line: true,
          weight: true,
          measureKind: true,
          measureUnit: true,
          goal: true,
          latestValue: true,
          progress: true,
          dueDate: true,
          ownerPostId: true,
          ownerPost: { select: { id: true, title: true } },
        },
        take: POPULATION_CAP * 10,
      }),

    // ── settings ──────────────────────────────────────────────────────────────────────────────
    settings: (organisationId: string, c: Tx = db) =>
      c.organisationSettings.findUnique({ where: { organisationId } }),

    gradeConsequences: (organisationId: string, c: Tx = db) =>
      c.gradeConsequence.findMany({ where: { organisationId } }),

    // ── results ───────────────────────────────────────────────────────────────────────────────
    async replaceResults(tx: Tx, cycleId: string, rows: Prisma.EvaluationResultCreateManyInput[]) {
      await tx.evaluationResult.deleteMany({ where: { cycleId } });
      if (rows.length > 0) await tx.evaluationResult.createMany({ data: rows });
    },

    deleteResults: (tx: Tx, cycleId: string) => tx.evaluationResult.deleteMany({ where: { cycleId } }),

    countResults: (cycleId: string, c: Tx = db) => c.evaluationResult.count({ where: { cycleId } }),

    /** All results of a cycle in rank order (a cycle has tens of them; capped anyway). */
    allResults: (cycleId: string, c: Tx = db) =>
      c.evaluationResult.findMany({
        where: { cycleId },
        orderBy: { rank: 'asc' },
        take: POPULATION_CAP,
        include: {
          evaluee: { select: { name: true, employeeNo: true } },
          _count: { select: { amendments: true } },
        },
      }),

    async pageResults(cycleId: string, filter: { grade?: Grade }, page: { skip: number; take: number }) {
      const where = { cycleId, grade: filter.grade };
      const [items, total] = await Promise.all([
        db.evaluationResult.findMany({
          where,
          orderBy: { rank: 'asc' },
          skip: page.skip,
          take: page.take,
          include: {
            evaluee: { select: { name: true, employeeNo: true } },
            _count: { select: { amendments: true } },
          },
        }),
        db.evaluationResult.count({ where }),
      ]);
      return { items, total };
    },

    resultsOfCycles: (cycleIds: string[], c: Tx = db) =>
      c.evaluationResult.findMany({ where: { cycleId: { in: cycleIds } }, take: POPULATION_CAP * 5 }),

    findResult: (cycleId: string, evalueeId: string, c: Tx = db) =>
      c.evaluationResult.findUnique({
        where: { cycleId_evalueeId: { cycleId, evalueeId } },
        include: { evaluee: { select: { name: true, employeeNo: true } } },
      }),

    updateResult: (tx: Tx, id: string, data: Prisma.EvaluationResultUpdateInput) =>
      tx.evaluationResult.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),

    myPublishedResults: (organisationId: string, personId: string) =>
      db.evaluationResult.findMany({
        where: { organisationId, evalueeId: personId, cycle: { status: 'PUBLISHED' } },
        include: { cycle: true },
        orderBy: [{ cycle: { year: 'desc' } }, { cycle: { kind: 'desc' } }],
        take: 50,
      }),

    // ── amendments ────────────────────────────────────────────────────────────────────────────
    createAmendment: (
      tx: Tx,
      data: {
        organisationId: string;
        cycleId: string;
        resultId: string;
        field: string;
        oldValue: number | string | null;
        newValue: number | string | null;
        reason: string;
        amendedById: string;
        /** One correction's rows share the instant. */
        amendedAt: Date;
      },
    ) =>
      tx.amendment.create({
        data: {
          ...data,
          oldValue: data.oldValue === null ? Prisma.JsonNull : data.oldValue,
          newValue: data.newValue === null ? Prisma.JsonNull : data.newValue,
        },
        select: { id: true },
      }),

    async pageAmendments(cycleId: string, page: { skip: number; take: number }) {
      const [items, total] = await Promise.all([
        db.amendment.findMany({
          where: { cycleId },
          orderBy: [{ amendedAt: 'desc' }, { id: 'asc' }],
          skip: page.skip,
          take: page.take,
          include: { result: { select: { evalueeId: true, evaluee: { select: { name: true } } } } },
        }),
        db.amendment.count({ where: { cycleId } }),
      ]);
      return { items, total };
    },

    amendmentsByIds: (ids: string[], c: Tx = db) =>
      c.amendment.findMany({
        where: { id: { in: ids } },
        orderBy: [{ amendedAt: 'asc' }, { id: 'asc' }],
        include: { result: { select: { evalueeId: true, evaluee: { select: { name: true } } } } },
      }),

    amendmentsOfResult: (resultId: string, c: Tx = db) =>
      c.amendment.findMany({
        where: { resultId },
        orderBy: [{ amendedAt: 'asc' }, { id: 'asc' }],
        take: 500,
        include: { result: { select: { evalueeId: true, evaluee: { select: { name: true } } } } },
      }),

    countAmendments: (cycleId: string) => db.amendment.count({ where: { cycleId } }),

    /** Names of users (the amendments' authors). */
    userNames: async (userIds: string[], c: Tx = db) =>
      new Map(
        (
          await c.userAccount.findMany({
            where: { id: { in: userIds } },
            select: { id: true, person: { select: { name: true } } },
          })
        ).map((u) => [u.id, u.person.name]),
      ),
  };
}

export type EvaluationsRepository = ReturnType<typeof createEvaluationsRepository>;
