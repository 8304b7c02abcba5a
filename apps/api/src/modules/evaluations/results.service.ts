// Results (DOMAIN rules 7–9): computed when a cycle closes (provisional) and again when it is
// published (final), stored per evaluee with a snapshot of how they were computed; after
// publication they change only through amendments (更正), which keep the old and new values.
import type {
  AmendmentResult,
  AmendmentView,
  CreateAmendment,
  EvalueeRef,
  MyResults,
  ResultRow,
  ResultSheet,
  ResultsPage,
  ResultsQuery,
  TargetCategory,
} from '@zeren/contracts';
import {
  assignGrades,
  clamp,
  computeAnnualResult,
  computeExcellentQuota,
  DEFAULT_EXCELLENT_QUOTA,
  computeScoreSheet,
  GRADE_LABELS,
  roundTo2,
  TARGET_CATEGORIES,
  TARGET_CATEGORY_LABELS,
  weightedMean,
  type GradingCandidate,
  type QuarterResult,
} from '@zeren/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Prisma } from '../../generated/prisma/client';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import {
  consequenceText,
  cycleLabel,
  cyclePopulation,
  iso,
  loadSettings,
  num,
  numOrNull,
  toCycleSummary,
  toEvalueeRef,
  type EvaluationSettings,
} from './evaluation-support';
import type { CycleRow, EvaluationsRepository, PersonWithPosts, ResultRowDb } from './evaluations.repository';
import { writeResultsWorkbook } from './results-export';

// ─── The snapshot stored with each result ────────────────────────────────────────────────────────

const SheetSnapshot = z.object({
  v: z.literal(1),
  evaluee: z.object({
    personId: z.string(),
    name: z.string(),
    employeeNo: z.string(),
    post: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    tier: z.number().int().min(1).max(4).nullable(),
  }),
  categories: z.array(
    z.object({
      category: z.enum(['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT']),
      weight: z.number(),
      evaluatorCount: z.number().int().nullable(),
      isTrimmed: z.boolean().nullable(),
      evaluatorScore: z.number().nullable(),
      completion: z.number().nullable(),
      score: z.number(),
    }),
  ),
  weightedScore: z.number().nullable(),
  bonusRequested: z.number().nullable(),
  deductionRequested: z.number().nullable(),
  adjustments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['BONUS', 'DEDUCTION', 'VETO']),
      amount: z.number().nullable(),
      reason: z.string(),
    }),
  ),
  gradeReason: z.string().nullable(),
  rankOf: z.number().int(),
  missingCategories: z.array(z.enum(['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'])),
  quarters: z
    .array(
      z.object({
        kind: z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL']),
        total: z.number(),
        grade: z.enum(['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT']).nullable(),
        isVetoed: z.boolean(),
      }),
    )
    .nullable(),
});
type SheetSnapshot = z.infer<typeof SheetSnapshot>;

const readSnapshot = (value: unknown): SheetSnapshot | null => {
  const parsed = SheetSnapshot.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const FIELD_LABELS: Record<string, string> = {
  scoreIdeological: '思想政治工作得分',
  scoreBusiness: '业务工作得分',
  scoreManagement: '机关管理得分',
  bonusTotal: '加分',
  deductionTotal: '扣分',
  total: '总分',
  veto: '一票否决',
  grade: '等次',
};

export interface IncompleteEvaluee {
  evalueeId: string;
  name: string;
  missingCategories: TargetCategory[];
}

export interface ComputeSummary {
  evaluees: number;
  excellentQuota: number;
  quotaCut: number;
  vetoed: number;
  incomplete: IncompleteEvaluee[];
}

/** Target completion (0–100) per person and category: the weighted mean of the progress of the targets their posts own. */
export function completionByPerson(
  people: Pick<PersonWithPosts, 'id' | 'holdings'>[],
  targets: {
    ownerPostId: string | null;
    category: TargetCategory;
    weight: { toString(): string };
    progress: number;
  }[],
) {
  const byPost = new Map<string, typeof targets>();
  for (const target of targets) {
    if (!target.ownerPostId) continue;
    byPost.set(target.ownerPostId, [...(byPost.get(target.ownerPostId) ?? []), target]);
  }
  const result = new Map<string, Record<TargetCategory, number | null>>();
  for (const person of people) {
    const owned = person.holdings.flatMap((h) => byPost.get(h.post.id) ?? []);
    const completion = {} as Record<TargetCategory, number | null>;
    for (const category of TARGET_CATEGORIES) {
      const value = weightedMean(
        owned
          .filter((t) => t.category === category)
          .map((t) => ({ weight: num(t.weight), value: t.progress })),
      );
      completion[category] = value === null ? null : roundTo2(value);
    }
    result.set(person.id, completion);
  }
  return result;
}

export function createResultsService(deps: {
  db: Db;
  repo: EvaluationsRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function findCycleOr404(actor: Actor, cycleId: string) {
    const cycle = await repo.findCycle(actor.organisationId, cycleId);
    if (!cycle) throw notFound('考核周期');
    return cycle;
  }

  // ── computation ─────────────────────────────────────────────────────────────────────────────

  interface Computed {
    person: PersonWithPosts;
    candidate: GradingCandidate;
    snapshot: Omit<SheetSnapshot, 'gradeReason' | 'rankOf'>;
    scores: Record<TargetCategory, number>;
    bonus: number;
    deduction: number;
  }

  async function computeQuarter(tx: Tx, cycle: CycleRow, settings: EvaluationSettings): Promise<Computed[]> {
    const population = await cyclePopulation(repo, cycle, tx);
    const ids = new Set(population.map((p) => p.id));
    const [scores, adjustments, targets] = await Promise.all([
      repo.submittedScores(cycle.id, tx),
      repo.submittedAdjustments(cycle.id, tx),
      repo.targetsOfPosts(
        cycle.organisationId,
        cycle.year,
        [...new Set(population.flatMap((p) => p.holdings.map((h) => h.post.id)))],
        tx,
      ),
    ]);
    const completion = completionByPerson(population, targets);
    return population.map((person): Computed => {
      const mine = adjustments.filter((a) => a.evalueeId === person.id && ids.has(a.evalueeId));
      const vetoes = mine.filter((a) => a.kind === 'VETO');
      const outcome = computeScoreSheet(
        {
          evaluateeId: person.id,
          scores: scores
            .filter((s) => s.evalueeId === person.id)
            .map((s) => ({ evaluatorId: s.evaluatorId, category: s.category, score: num(s.value) })),
          targetCompletion: completion.get(person.id) ?? {},
          adjustments: mine
            .filter((a) => a.kind !== 'VETO')
            .map((a) => ({ kind: a.kind as 'BONUS' | 'DEDUCTION', points: num(a.amount), reason: a.reason })),
          veto: vetoes.length ? { reason: vetoes.map((v) => v.reason.trim()).join('；') } : null,
        },
        settings.scoring,
      );
      if (!outcome.ok)
        throw new DomainError('CONFLICT', `无法计算${person.name}的考评结果：${outcome.error.message}`, {
          issues: outcome.error.issues,
        });
      const sheet = outcome.value;
      return {
        person,
        candidate: {
          evaluateeId: person.id,
          total: sheet.total,
          businessScore: sheet.categories.BUSINESS.score,
          deduction: sheet.deduction,
          veto: sheet.veto,
        },
        scores: {
          IDEOLOGICAL: sheet.categories.IDEOLOGICAL.score,
          BUSINESS: sheet.categories.BUSINESS.score,
          MANAGEMENT: sheet.categories.MANAGEMENT.score,
        },
        bonus: sheet.bonus,
        deduction: sheet.deduction,
        snapshot: {
          v: 1,
          evaluee: toEvalueeRef(person),
          categories: TARGET_CATEGORIES.map((category) => ({
            category,
            weight: settings.scoring.categoryWeights[category],
            evaluatorCount: sheet.categories[category].evaluatorCount,
            isTrimmed: sheet.categories[category].isTrimmed,
            evaluatorScore: sheet.categories[category].evaluatorScore,
            completion: sheet.categories[category].completion,
            score: sheet.categories[category].score,
          })),
          weightedScore: sheet.weightedScore,
          bonusRequested: sheet.bonusRequested,
          deductionRequested: sheet.deductionRequested,
          adjustments: mine.map((a) => ({
            id: a.id,
            kind: a.kind,
            amount: numOrNull(a.amount),
            reason: a.reason,
          })),
          missingCategories: sheet.missingCategories,
          quarters: null,
        },
      };
    });
  }

  async function computeAnnual(
    tx: Tx,
    cycle: CycleRow,
    settings: EvaluationSettings,
    isFinal: boolean,
  ): Promise<Computed[]> {
    const quarters = await repo.publishedQuarters(cycle.organisationId, cycle.year, tx);
    if (isFinal && quarters.length === 0)
      throw new DomainError('CONFLICT', `${cycle.year}年尚无已发布的季度考核结果，不能发布年度考核`);
    const quarterResults = await repo.resultsOfCycles(
      quarters.map((q) => q.id),
      tx,
    );
    const population = await cyclePopulation(repo, cycle, tx);
    const vetoes = (await repo.submittedAdjustments(cycle.id, tx)).filter((a) => a.kind === 'VETO');
    const computed: Computed[] = [];
    for (const person of population) {
      const rows = quarters.flatMap((quarter) => {
        const row = quarterResults.find((r) => r.cycleId === quarter.id && r.evalueeId === person.id);
        return row ? [{ quarter, row }] : [];
      });
      const inputs: QuarterResult[] = rows.map(({ quarter, row }) => ({
        kind: quarter.kind as QuarterResult['kind'],
        status: 'PUBLISHED',
        total: num(row.total),
        categoryScores: {
          IDEOLOGICAL: num(row.scoreIdeological),
          BUSINESS: num(row.scoreBusiness),
          MANAGEMENT: num(row.scoreManagement),
        },
        deduction: num(row.deductionTotal),
        veto: row.isVetoed ? { reason: row.vetoReason?.trim() || '一票否决' } : null,
      }));
      const mine = vetoes.filter((v) => v.evalueeId === person.id);
      const outcome = computeAnnualResult(inputs, {
        ...(settings.quarterWeights ? { quarterWeights: settings.quarterWeights } : {}),
        veto: mine.length ? { reason: mine.map((v) => v.reason.trim()).join('；') } : null,
      });
      if (!outcome.ok)
        throw new DomainError('CONFLICT', `无法计算${person.name}的年度考评结果：${outcome.error.message}`);
      const annual = outcome.value;
      if (annual.total === null) continue;
      const scores = {
        IDEOLOGICAL: annual.categoryScores.IDEOLOGICAL ?? 0,
        BUSINESS: annual.categoryScores.BUSINESS ?? 0,
        MANAGEMENT: annual.categoryScores.MANAGEMENT ?? 0,
      };
      computed.push({
        person,
        candidate: {
          evaluateeId: person.id,
          total: annual.total,
          businessScore: annual.categoryScores.BUSINESS,
          deduction: annual.deduction,
          veto: annual.veto,
        },
        scores,
        bonus: 0,
        deduction: annual.deduction,
        snapshot: {
          v: 1,
          evaluee: toEvalueeRef(person),
          categories: TARGET_CATEGORIES.map((category) => ({
            category,
            weight: settings.scoring.categoryWeights[category],
            evaluatorCount: null,
            isTrimmed: null,
            evaluatorScore: null,
            completion: null,
            score: scores[category],
          })),
          weightedScore: null,
          bonusRequested: null,
          deductionRequested: annual.deduction,
          adjustments: mine.map((a) => ({ id: a.id, kind: a.kind, amount: null, reason: a.reason })),
          missingCategories: [],
          quarters: rows.map(({ quarter, row }) => ({
            kind: quarter.kind,
            total: num(row.total),
            grade: row.grade,
            isVetoed: row.isVetoed,
          })),
        },
      });
    }
    return computed;
  }

  /**
   * Computes and stores a cycle's results, replacing earlier provisional ones. `isFinal` (publish)
   * refuses while an evaluee has a category nobody submitted a score for.
   */
  async function computeAndStore(
    tx: Tx,
    actor: Actor,
    cycle: CycleRow,
    options: { isFinal: boolean },
  ): Promise<ComputeSummary> {
    const settings = await loadSettings(repo, cycle.organisationId, tx);
    const computed =
      cycle.kind === 'ANNUAL'
        ? await computeAnnual(tx, cycle, settings, options.isFinal)
        : await computeQuarter(tx, cycle, settings);
    const incomplete = computed
      .filter((c) => c.snapshot.missingCategories.length > 0)
      .map((c) => ({
        evalueeId: c.person.id,
        name: c.person.name,
        missingCategories: c.snapshot.missingCategories,
      }));
    if (options.isFinal && incomplete.length > 0) {
      const names = incomplete
        .slice(0, 10)
        .map((i) => `${i.name}（${i.missingCategories.map((c) => TARGET_CATEGORY_LABELS[c]).join('、')}）`)
        .join('；');
      throw new DomainError(
        'CONFLICT',
        `以下被考评人尚有类目无人提交评分，不能发布：${names}${incomplete.length > 10 ? ` 等 ${incomplete.length} 人` : ''}。请重新开放评分或将其排除`,
        { incomplete },
      );
    }
    const graded = assignGrades(
      computed.map((c) => c.candidate),
      settings.grading,
    );
    if (!graded.ok) throw new DomainError('CONFLICT', `无法评定等次：${graded.error.message}`);
    const byId = new Map(computed.map((c) => [c.person.id, c]));
    const at = now();
    const rows: Prisma.EvaluationResultCreateManyInput[] = graded.value.results.map((g) => {
      const c = byId.get(g.evaluateeId)!;
      const snapshot: SheetSnapshot = { ...c.snapshot, gradeReason: g.reason, rankOf: computed.length };
      return {
        organisationId: cycle.organisationId,
        cycleId: cycle.id,
        evalueeId: g.evaluateeId,
        scoreIdeological: c.scores.IDEOLOGICAL,
        scoreBusiness: c.scores.BUSINESS,
        scoreManagement: c.scores.MANAGEMENT,
        bonusTotal: c.bonus,
        deductionTotal: c.deduction,
        total: g.total,
        rank: g.rank,
        grade: g.grade,
        isQuotaCut: g.quotaCut,
        quotaCutReason: g.quotaCut ? g.reason : null,
        isVetoed: g.veto !== null,
        vetoReason: g.veto?.reason ?? null,
        bonusCoefficient: g.consequence.bonusCoefficient,
        consequence: consequenceText(g.consequence),
        sheet: snapshot as unknown as Prisma.InputJsonValue,
        computedAt: at,
      };
    });
    await repo.replaceResults(tx, cycle.id, rows);
    const summary: ComputeSummary = {
      evaluees: rows.length,
      excellentQuota: graded.value.quota,
      quotaCut: graded.value.quotaCutCount,
      vetoed: rows.filter((r) => r.isVetoed).length,
      incomplete,
    };
    await audit.append(tx, {
      organisationId: cycle.organisationId,
      actorUserId: actor.userId,
      action: options.isFinal ? 'results.publish' : 'results.compute',
      entityType: 'EvaluationCycle',
      entityId: cycle.id,
      after: {
        ...summary,
        results: rows.map((r) => ({ evalueeId: r.evalueeId, total: r.total, rank: r.rank, grade: r.grade })),
      },
    });
    return summary;
  }

  // ── reading ─────────────────────────────────────────────────────────────────────────────────

  type RowWithPerson = ResultRowDb & { evaluee: { name: string; employeeNo: string } };
  /** A figure as Prisma reads it (Decimal) or as a raw read does (number). */
  type Figure = { toString(): string };
  /** What a result row of the list needs, whichever way it was read. */
  type ResultLike = Pick<
    RowWithPerson,
    | 'evalueeId'
    | 'sheet'
    | 'evaluee'
    | 'rank'
    | 'grade'
    | 'isQuotaCut'
    | 'quotaCutReason'
    | 'isVetoed'
    | 'vetoReason'
    | 'consequence'
    | 'version'
  > &
    Record<
      'scoreIdeological' | 'scoreBusiness' | 'scoreManagement' | 'bonusTotal' | 'deductionTotal' | 'total',
      Figure
    > & { bonusCoefficient: Figure | null; isAmended: boolean };

  /**
   * Results computed here carry the evaluee's post and unit as they were; rows without a snapshot
   * (e.g. imported or seeded) fall back to the person's current posts.
   */
  async function currentRefs(
    organisationId: string,
    rows: Pick<ResultLike, 'evalueeId' | 'sheet'>[],
    c?: Tx,
  ): Promise<Map<string, EvalueeRef>> {
    const missing = rows.filter((r) => !readSnapshot(r.sheet)).map((r) => r.evalueeId);
    if (missing.length === 0) return new Map();
    const people = await repo.peopleByIds(organisationId, missing, c);
    return new Map(people.map((p) => [p.id, toEvalueeRef(p)]));
  }

  function evalueeOf(
    row: Pick<ResultLike, 'evalueeId' | 'sheet' | 'evaluee'>,
    current: Map<string, EvalueeRef>,
  ): EvalueeRef {
    const snapshot = readSnapshot(row.sheet);
    if (snapshot) return { ...snapshot.evaluee, tier: snapshot.evaluee.tier as EvalueeRef['tier'] };
    return (
      current.get(row.evalueeId) ?? {
        personId: row.evalueeId,
        name: row.evaluee.name,
        employeeNo: row.evaluee.employeeNo,
        post: null,
        unit: null,
        tier: null,
      }
    );
  }

  function toResultRow(row: ResultLike, current: Map<string, EvalueeRef>): ResultRow {
    return {
      evaluee: evalueeOf(row, current),
      scores: {
        IDEOLOGICAL: num(row.scoreIdeological),
        BUSINESS: num(row.scoreBusiness),
        MANAGEMENT: num(row.scoreManagement),
      },
      bonusTotal: num(row.bonusTotal),
      deductionTotal: num(row.deductionTotal),
      total: num(row.total),
      rank: row.rank,
      grade: row.grade,
      isQuotaCut: row.isQuotaCut,
      quotaCutReason: row.quotaCutReason,
      isVetoed: row.isVetoed,
      vetoReason: row.vetoReason,
      bonusCoefficient: numOrNull(row.bonusCoefficient),
      consequence: row.consequence,
      isAmended: row.isAmended,
      version: row.version,
    };
  }

  const hasResults = (cycle: CycleRow) => cycle.status === 'CLOSED' || cycle.status === 'PUBLISHED';

  const FIELD_ORDER = [
    'scoreIdeological',
    'scoreBusiness',
    'scoreManagement',
    'bonusTotal',
    'deductionTotal',
    'veto',
    'total',
    'grade',
  ];
  async function toAmendmentViews(
    unordered: Awaited<ReturnType<EvaluationsRepository['amendmentsOfResult']>>,
    c?: Tx,
    newestFirst = false,
  ): Promise<AmendmentView[]> {
    // One correction records several rows at the same instant: the amended field, then total, then grade.
    const rows = [...unordered].sort(
      (a, b) =>
        (a.amendedAt.getTime() - b.amendedAt.getTime()) * (newestFirst ? -1 : 1) ||
        FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field),
    );
    const names = await repo.userNames([...new Set(rows.map((r) => r.amendedById))], c);
    const value = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? v : null);
    return rows.map((r) => ({
      id: r.id,
      person: { personId: r.result.evalueeId, name: r.result.evaluee.name },
      field: r.field as AmendmentView['field'],
      oldValue: value(r.oldValue),
      newValue: value(r.newValue),
      reason: r.reason,
      amendedBy: { userId: r.amendedById, name: names.get(r.amendedById) ?? '' },
      amendedAt: r.amendedAt.toISOString(),
    }));
  }

  async function buildSheet(actor: Actor, cycle: CycleRow, personId: string, c?: Tx): Promise<ResultSheet> {
    const row = await repo.findResult(cycle.id, personId, c);
    if (!row) throw notFound('考评结果');
    const settings = await loadSettings(repo, cycle.organisationId, c);
    const snapshot = readSnapshot(row.sheet);
    const stored = {
      IDEOLOGICAL: num(row.scoreIdeological),
      BUSINESS: num(row.scoreBusiness),
      MANAGEMENT: num(row.scoreManagement),
    };
    const [amendments, rankOf] = await Promise.all([
      repo.amendmentsOfResult(row.id, c).then((rows) => toAmendmentViews(rows, c)),
      snapshot ? Promise.resolve(snapshot.rankOf) : repo.countResults(cycle.id, c),
    ]);
    let evaluatorScores: ResultSheet['evaluatorScores'] = null;
    if (access.canSeeEvaluatorScores(actor, personId)) {
      const scores = await repo.submittedScoresOf(cycle.id, personId, c);
      const byEvaluator = new Map<string, NonNullable<ResultSheet['evaluatorScores']>[number]>();
      for (const s of scores) {
        const entry = byEvaluator.get(s.evaluatorId) ?? {
          evaluator: { personId: s.evaluatorId, name: s.evaluator.name },
          scores: { IDEOLOGICAL: null, BUSINESS: null, MANAGEMENT: null },
        };
        entry.scores[s.category] = num(s.value);
        byEvaluator.set(s.evaluatorId, entry);
      }
      evaluatorScores = [...byEvaluator.values()].sort((a, b) =>
        a.evaluator.name.localeCompare(b.evaluator.name, 'zh-Hans-CN'),
      );
    }
    return {
      cycle: toCycleSummary(cycle),
      isFinal: cycle.status === 'PUBLISHED',
      evaluee: evalueeOf(row, await currentRefs(row.organisationId, [row], c)),
      // The stored category score is authoritative (an amendment may have changed it); how it was
      // reached comes from the snapshot.
      categories: TARGET_CATEGORIES.map((category) => {
        const s = snapshot?.categories.find((x) => x.category === category);
        return {
          category,
          weight: s?.weight ?? settings.scoring.categoryWeights[category],
          evaluatorCount: s?.evaluatorCount ?? null,
          isTrimmed: s?.isTrimmed ?? null,
          evaluatorScore: s?.evaluatorScore ?? null,
          completion: s?.completion ?? null,
          score: stored[category],
        };
      }),
      weightedScore:
        cycle.kind === 'ANNUAL'
          ? null
          : roundTo2(
              TARGET_CATEGORIES.reduce(
                (sum, c2) => sum + settings.scoring.categoryWeights[c2] * stored[c2],
                0,
              ) / 100,
            ),
      adjustments: snapshot?.adjustments ?? [],
      bonusRequested: snapshot?.bonusRequested ?? null,
      bonusTotal: num(row.bonusTotal),
      deductionRequested: snapshot?.deductionRequested ?? null,
      deductionTotal: num(row.deductionTotal),
      total: num(row.total),
      rank: row.rank,
      rankOf,
      grade: row.grade,
      gradeReason: snapshot?.gradeReason ?? null,
      isQuotaCut: row.isQuotaCut,
      quotaCutReason: row.quotaCutReason,
      isVetoed: row.isVetoed,
      vetoReason: row.vetoReason,
      consequence: { bonusCoefficient: numOrNull(row.bonusCoefficient), text: row.consequence },
      quarters: snapshot?.quarters ?? (cycle.kind === 'ANNUAL' ? [] : null),
      amendments,
      evaluatorScores,
      computedAt: row.computedAt.toISOString(),
      version: row.version,
    };
  }

  // ── amendments ──────────────────────────────────────────────────────────────────────────────

  type Amendable = CreateAmendment['field'];
  const QUARTER_FIELDS: Amendable[] = [
    'scoreIdeological',
    'scoreBusiness',
    'scoreManagement',
    'bonusTotal',
    'deductionTotal',
    'veto',
  ];
  const ANNUAL_FIELDS: Amendable[] = ['total', 'veto'];

  return {
    computeAndStore,

    async listResults(actor: Actor, cycleId: string, query: ResultsQuery): Promise<ResultsPage> {
      if (!access.canReadAllResults(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以查看全部考评结果');
      // One statement besides the session lookup (docs/performance.md "Hot reads"): the cycle, the
      // stored figures of the whole cycle and the page, with the current posts of evaluees whose
      // sheet holds no snapshot (one more only for a sheet the database took for a snapshot wrongly).
      const read = await repo.readResultsPage(
        actor.organisationId,
        cycleId,
        { grade: query.grade },
        { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      );
      if (!read) throw notFound('考核周期');
      const { cycle, summary } = read;
      const empty = { EXCELLENT: 0, COMPETENT: 0, BASICALLY_COMPETENT: 0, INCOMPETENT: 0 };
      if (!hasResults(cycle)) {
        return {
          items: [],
          total: 0,
          page: query.page,
          pageSize: query.pageSize,
          cycle: toCycleSummary(cycle),
          isFinal: false,
          computedAt: null,
          summary: { evaluees: 0, excellentQuota: 0, quotaCut: 0, vetoed: 0, byGrade: empty },
        };
      }
      const current = new Map(
        read.items.flatMap((r) => (r.person ? [[r.evalueeId, toEvalueeRef(r.person)] as const] : [])),
      );
      const unread = read.items.filter((r) => !r.person);
      for (const [id, ref] of await currentRefs(cycle.organisationId, unread)) current.set(id, ref);
      return {
        items: read.items.map((r) => toResultRow(r, current)),
        total: query.grade === undefined ? summary.evaluees : summary.byGrade[query.grade],
        page: query.page,
        pageSize: query.pageSize,
        cycle: toCycleSummary(cycle),
        isFinal: cycle.status === 'PUBLISHED',
        computedAt: iso(summary.computedAt),
        summary: {
          evaluees: summary.evaluees,
          excellentQuota: computeExcellentQuota(
            summary.evaluees,
            read.excellentQuota ?? DEFAULT_EXCELLENT_QUOTA,
          ),
          quotaCut: summary.quotaCut,
          vetoed: summary.vetoed,
          byGrade: { ...empty, ...summary.byGrade },
        },
      };
    },

    /** Everyone's sheet for admin, tier 1 and assessors; one's own only once published; else 404. */
    async getResultSheet(actor: Actor, cycleId: string, personId: string): Promise<ResultSheet> {
      const cycle = await findCycleOr404(actor, cycleId);
      const isOwnPublished = actor.personId === personId && cycle.status === 'PUBLISHED';
      if (!(access.canReadAllResults(actor) && hasResults(cycle)) && !isOwnPublished)
        throw notFound('考评结果');
      return buildSheet(actor, cycle, personId);
    },

    async listMyResults(actor: Actor): Promise<MyResults> {
      const rows = await repo.myPublishedResults(actor.organisationId, actor.personId);
      return {
        items: rows.map((r) => ({
          cycle: toCycleSummary(r.cycle),
          total: num(r.total),
          rank: r.rank,
          grade: r.grade,
          isVetoed: r.isVetoed,
        })),
      };
    },

    async exportResults(actor: Actor, cycleId: string, res: Response): Promise<void> {
      if (!access.canReadAllResults(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以导出考评结果');
      const cycle = await findCycleOr404(actor, cycleId);
      if (!hasResults(cycle)) throw new DomainError('CONFLICT', '考核周期尚未截止，还没有考评结果可导出');
      const all = await repo.allResults(cycle.id);
      const current = await currentRefs(cycle.organisationId, all);
      const rows = all.map((r) => toResultRow({ ...r, isAmended: r._count.amendments > 0 }, current));
      await writeResultsWorkbook(res, {
        title: `${cycleLabel(cycle)}考核结果${cycle.status === 'PUBLISHED' ? '' : '（未发布）'}`,
        filename: `${cycleLabel(cycle)}考核结果.xlsx`,
        rows,
      });
    },

    async listAmendments(actor: Actor, cycleId: string, query: { page: number; pageSize: number }) {
      if (!access.canReadAllResults(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以查看更正记录');
      const cycle = await findCycleOr404(actor, cycleId);
      const page = await repo.pageAmendments(cycle.id, {
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      });
      return {
        items: await toAmendmentViews(page.items, undefined, true),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * Tier 1 corrects one published result. The field's new value is stored, the evaluee's total is
     * recomputed from the stored figures, then the whole cycle is re-ranked and re-graded (the 优秀
     * quota still holds). Every changed value of the evaluee, and every grade that changes for
     * someone else, is recorded as an Amendment with the old and the new value; ranks are in the
     * audit entry.
     */
    async createAmendment(actor: Actor, cycleId: string, input: CreateAmendment): Promise<AmendmentResult> {
      if (!access.canAmendResults(actor)) throw forbidden('只有一级责任人可以更正考评结果');
      const found = await findCycleOr404(actor, cycleId);
      return db.$transaction(
        async (tx) => {
          const cycle = await repo.lockCycle(tx, actor.organisationId, found.id, 'update');
          if (!cycle) throw notFound('考核周期');
          if (cycle.status !== 'PUBLISHED')
            throw new DomainError(
              'CONFLICT',
              '只有已发布的考核结果才能登记更正；发布前请重新开放评分或重新计算',
            );
          const allowed = cycle.kind === 'ANNUAL' ? ANNUAL_FIELDS : QUARTER_FIELDS;
          if (!allowed.includes(input.field))
            throw new DomainError(
              'VALIDATION_FAILED',
              cycle.kind === 'ANNUAL'
                ? '年度考核结果只能更正总分或一票否决'
                : '季度考核结果只能更正三类得分、加分、扣分或一票否决；总分和等次会重新计算',
            );
          const settings = await loadSettings(repo, cycle.organisationId, tx);
          const all = await repo.allResults(cycle.id, tx);
          const target = all.find((r) => r.evalueeId === input.personId);
          if (!target) throw notFound('考评结果');

          // The evaluee's figures after the correction.
          const figures = {
            scoreIdeological: num(target.scoreIdeological),
            scoreBusiness: num(target.scoreBusiness),
            scoreManagement: num(target.scoreManagement),
            bonusTotal: num(target.bonusTotal),
            deductionTotal: num(target.deductionTotal),
            total: num(target.total),
          };
          let veto: string | null = target.isVetoed ? (target.vetoReason ?? '一票否决') : null;
          let oldValue: number | string | null;
          let newValue: number | string | null;
          if (input.field === 'veto') {
            oldValue = veto;
            newValue = typeof input.newValue === 'string' ? input.newValue.trim() : null;
            veto = newValue;
          } else {
            const value = roundTo2(input.newValue as number);
            if (input.field === 'bonusTotal' && value > settings.scoring.bonusCap)
              throw new DomainError('VALIDATION_FAILED', `加分不能超过上限 ${settings.scoring.bonusCap} 分`);
            if (input.field === 'deductionTotal' && value > settings.scoring.deductionCap)
              throw new DomainError(
                'VALIDATION_FAILED',
                `扣分不能超过上限 ${settings.scoring.deductionCap} 分`,
              );
            oldValue = figures[input.field];
            newValue = value;
            figures[input.field] = value;
          }
          if (oldValue === newValue) throw new DomainError('CONFLICT', '更正后的值与原值相同，无需更正');
          if (cycle.kind !== 'ANNUAL' && input.field !== 'veto') {
            const w = settings.scoring.categoryWeights;
            const weighted = roundTo2(
              clamp(
                (w.IDEOLOGICAL * figures.scoreIdeological +
                  w.BUSINESS * figures.scoreBusiness +
                  w.MANAGEMENT * figures.scoreManagement) /
                  100,
                0,
                100,
              ),
            );
            figures.total = roundTo2(
              clamp(
                weighted + figures.bonusTotal - figures.deductionTotal,
                0,
                100 + settings.scoring.bonusCap,
              ),
            );
          }

          const candidates: GradingCandidate[] = all.map((r) =>
            r.id === target.id
              ? {
                  evaluateeId: r.evalueeId,
                  total: figures.total,
                  businessScore: figures.scoreBusiness,
                  deduction: figures.deductionTotal,
                  veto: veto === null ? null : { reason: veto },
                }
              : {
                  evaluateeId: r.evalueeId,
                  total: num(r.total),
                  businessScore: num(r.scoreBusiness),
                  deduction: num(r.deductionTotal),
                  veto: r.isVetoed ? { reason: r.vetoReason ?? '一票否决' } : null,
                },
          );
          const graded = assignGrades(candidates, settings.grading);
          if (!graded.ok) throw new DomainError('CONFLICT', `无法评定等次：${graded.error.message}`);

          const at = now();
          const recorded: string[] = [];
          const record = async (
            resultId: string,
            field: string,
            from: number | string | null,
            to: number | string | null,
            reason: string,
          ) => {
            const created = await repo.createAmendment(tx, {
              organisationId: cycle.organisationId,
              cycleId: cycle.id,
              resultId,
              field,
              oldValue: from,
              newValue: to,
              reason,
              amendedById: actor.userId,
              amendedAt: at,
            });
            recorded.push(created.id);
          };
          await record(target.id, input.field, oldValue, newValue, input.reason);
          if (input.field !== 'total' && input.field !== 'veto' && figures.total !== num(target.total))
            await record(
              target.id,
              'total',
              num(target.total),
              figures.total,
              `因更正${FIELD_LABELS[input.field]}重新计算：${input.reason}`,
            );

          const changes: { evalueeId: string; before: unknown; after: unknown }[] = [];
          for (const g of graded.value.results) {
            const r = all.find((x) => x.evalueeId === g.evaluateeId)!;
            const isTarget = r.id === target.id;
            const isVetoed = g.veto !== null;
            const changed =
              isTarget ||
              r.rank !== g.rank ||
              r.grade !== g.grade ||
              r.isQuotaCut !== g.quotaCut ||
              r.isVetoed !== isVetoed;
            if (!changed) continue;
            if (r.grade !== g.grade)
              await record(
                r.id,
                'grade',
                GRADE_LABELS[r.grade],
                GRADE_LABELS[g.grade],
                isTarget
                  ? `因更正${FIELD_LABELS[input.field]}重新评定：${input.reason}`
                  : `因更正${target.evaluee.name}的${FIELD_LABELS[input.field]}重新评定：${input.reason}`,
              );
            const snapshot = readSnapshot(r.sheet);
            const data: Prisma.EvaluationResultUpdateInput = {
              rank: g.rank,
              grade: g.grade,
              isQuotaCut: g.quotaCut,
              quotaCutReason: g.quotaCut ? g.reason : null,
              isVetoed,
              vetoReason: g.veto?.reason ?? null,
              bonusCoefficient: g.consequence.bonusCoefficient,
              consequence: consequenceText(g.consequence),
              ...(snapshot
                ? { sheet: { ...snapshot, gradeReason: g.reason } as unknown as Prisma.InputJsonValue }
                : {}),
              ...(isTarget
                ? {
                    scoreIdeological: figures.scoreIdeological,
                    scoreBusiness: figures.scoreBusiness,
                    scoreManagement: figures.scoreManagement,
                    bonusTotal: figures.bonusTotal,
                    deductionTotal: figures.deductionTotal,
                    total: figures.total,
                  }
                : {}),
            };
            await repo.updateResult(tx, r.id, data);
            changes.push({
              evalueeId: r.evalueeId,
              before: {
                rank: r.rank,
                grade: r.grade,
                total: num(r.total),
                isVetoed: r.isVetoed,
                isQuotaCut: r.isQuotaCut,
              },
              after: { rank: g.rank, grade: g.grade, total: g.total, isVetoed, isQuotaCut: g.quotaCut },
            });
          }
          await audit.append(tx, {
            organisationId: cycle.organisationId,
            actorUserId: actor.userId,
            action: 'result.amend',
            entityType: 'EvaluationResult',
            entityId: target.id,
            before: { field: input.field, value: oldValue },
            after: {
              field: input.field,
              value: newValue,
              reason: input.reason,
              at: at.toISOString(),
              changes,
            },
          });
          const amendments = (await toAmendmentViews(await repo.amendmentsByIds(recorded, tx), tx)).sort(
            (a, b) => recorded.indexOf(a.id) - recorded.indexOf(b.id),
          );
          return { amendments, sheet: await buildSheet(actor, cycle, input.personId, tx) };
        },
        { timeout: 20_000 },
      );
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
