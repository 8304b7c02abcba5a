// The only code of the evaluation area that touches Prisma. Functions that write take the
// transaction client; reads take it optionally, so a service can read inside its transaction.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import { Prisma, type EvaluationCycle, type EvaluationResult } from '../../generated/prisma/client';
import type {
  AdjustmentKind,
  CycleKind,
  CycleStatus,
  Grade,
  TargetCategory,
} from '../../generated/prisma/enums';

/** The most evaluees (and candidates) read at once: a bureau has tens, not thousands. */
const POPULATION_CAP = 2000;

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

export function createEvaluationsRepository(db: Db) {
  return {
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
