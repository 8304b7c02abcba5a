// 综合考评: quarterly (平时考核 Q1–Q4) and annual (年度考核) evaluation cycles, the scoring
// workbench, results, amendments (DOMAIN rules 6–10). Routes are in ./evaluation-routes.ts.
import { z } from 'zod';
import { PageQuery, paged, QueryBoolean, Version, Year } from './common-http';
import { Id, Line, TargetCategory, Tier } from './common';
import { MeasureKind } from './targets';

export const CycleKind = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL']).meta({ id: 'CycleKind' });
export type CycleKind = z.infer<typeof CycleKind>;

/** DRAFT → OPEN → CLOSED → PUBLISHED; CLOSED → OPEN (reopen) before publication. */
export const CycleStatus = z.enum(['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED']).meta({ id: 'CycleStatus' });
export type CycleStatus = z.infer<typeof CycleStatus>;

export const ScoreStatus = z.enum(['DRAFT', 'SUBMITTED']).meta({ id: 'ScoreStatus' });
export type ScoreStatus = z.infer<typeof ScoreStatus>;

/** 加分 / 扣分 / 一票否决. */
export const AdjustmentKind = z.enum(['BONUS', 'DEDUCTION', 'VETO']).meta({ id: 'AdjustmentKind' });
export type AdjustmentKind = z.infer<typeof AdjustmentKind>;

/** 优秀 / 称职 / 基本称职 / 不称职, best first. */
export const Grade = z
  .enum(['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'])
  .meta({ id: 'Grade' });
export type Grade = z.infer<typeof Grade>;

/** An instant in a response (always UTC, `…Z`). */
const Instant = z.iso.datetime();
/** An instant in a request: ISO 8601 with `Z` or an offset, e.g. `2026-07-01T09:00:00+08:00`. */
const InputInstant = z.iso.datetime({
  offset: true,
  message: '时间格式应为 ISO 8601，例如 2026-07-01T09:00:00+08:00',
});
const Reason = (what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(500, `${what}不能超过 500 个字`);
/** A 0–100 score with at most two decimals (百分制). */
const ScoreValue = z
  .number()
  .min(0, '评分应在 0–100 之间')
  .max(100, '评分应在 0–100 之间')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '评分最多保留两位小数');

/** Per-category numbers, always all three categories. */
const PerCategory = <T extends z.ZodType>(value: T) =>
  z.object({ IDEOLOGICAL: value, BUSINESS: value, MANAGEMENT: value });

// ─── Cycles ──────────────────────────────────────────────────────────────────────────────────────

export const CycleSummary = z
  .object({
    id: Id,
    year: z.number().int(),
    kind: CycleKind,
    status: CycleStatus,
    windowStart: Instant.nullable(),
    windowEnd: Instant.nullable(),
    openedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    publishedAt: Instant.nullable(),
    version: Version,
  })
  .meta({ id: 'CycleSummary' });
export type CycleSummary = z.infer<typeof CycleSummary>;

/** What the current user may do with a cycle (the server enforces the same rules). */
export const CyclePermissions = z
  .object({
    /** Edit the window, move the cycle, manage exclusions: admin or tier 1. */
    canManage: z.boolean(),
    /** Enter scores now: an assessment-group member while the cycle is open and inside its window. */
    canScore: z.boolean(),
    /** Read every evaluee's result (admin, tier 1, assessors) once results exist. */
    canReadResults: z.boolean(),
    /** Record a correction: tier 1, on a published cycle. */
    canAmend: z.boolean(),
  })
  .meta({ id: 'CyclePermissions' });

export const CycleDetail = CycleSummary.extend({
  /** The statuses this cycle may move to next (DOMAIN rule 6). */
  nextStatuses: z.array(CycleStatus),
  /** Scores are accepted right now (open and inside the window). */
  isScoringOpenNow: z.boolean(),
  /** Why scores are not accepted now, in Chinese; null while they are. */
  scoringClosedReason: z.string().nullable(),
  counts: z.object({
    /** Holders of tier 2–4 posts, minus exclusions (for the annual cycle: everyone graded in a published quarter). */
    evaluees: z.number().int(),
    exclusions: z.number().int(),
    assessors: z.number().int(),
    results: z.number().int(),
    amendments: z.number().int(),
  }),
  permissions: CyclePermissions,
}).meta({ id: 'CycleDetail' });
export type CycleDetail = z.infer<typeof CycleDetail>;

export const CyclesQuery = PageQuery.extend({
  year: Year.optional(),
  status: CycleStatus.optional(),
});
export type CyclesQuery = z.infer<typeof CyclesQuery>;
/** Newest year first, then Q1…Q4, annual. */
export const CyclePage = paged(CycleSummary).meta({ id: 'CyclePage' });
export type CyclePage = z.infer<typeof CyclePage>;

const windowOrdered = (w: { windowStart?: string | undefined; windowEnd?: string | undefined }) =>
  w.windowStart === undefined ||
  w.windowEnd === undefined ||
  Date.parse(w.windowStart) < Date.parse(w.windowEnd);
const WINDOW_ORDER_ISSUE = { message: '评分截止时间必须晚于开始时间', path: ['windowEnd'] };

export const CreateCycle = z
  .object({
    year: z.number().int().min(2000, '年份超出范围').max(2100, '年份超出范围'),
    kind: CycleKind,
    windowStart: InputInstant.optional(),
    windowEnd: InputInstant.optional(),
  })
  .strict()
  .refine((b) => (b.windowStart === undefined) === (b.windowEnd === undefined), {
    message: '评分开始和截止时间须同时填写',
    path: ['windowEnd'],
  })
  .refine(windowOrdered, WINDOW_ORDER_ISSUE)
  .meta({ id: 'CreateCycle' });
export type CreateCycle = z.infer<typeof CreateCycle>;

/** Set the scoring window of a DRAFT or OPEN cycle (e.g. extend the deadline). */
export const UpdateCycleWindow = z
  .object({ windowStart: InputInstant, windowEnd: InputInstant, version: Version })
  .strict()
  .refine(windowOrdered, WINDOW_ORDER_ISSUE)
  .meta({ id: 'UpdateCycleWindow' });
export type UpdateCycleWindow = z.infer<typeof UpdateCycleWindow>;

/**
 * Move a cycle: to OPEN (open a draft, or reopen a closed cycle), CLOSED (results are computed,
 * provisional) or PUBLISHED (results recomputed and final). Admin or tier 1 only. A window may be
 * given with OPEN (required when the cycle has none yet; e.g. a new deadline when reopening).
 * Illegal moves answer 409 CONFLICT with the reason.
 */
export const TransitionCycle = z
  .object({
    to: CycleStatus,
    version: Version,
    windowStart: InputInstant.optional(),
    windowEnd: InputInstant.optional(),
  })
  .strict()
  .refine((b) => (b.windowStart === undefined) === (b.windowEnd === undefined), {
    message: '评分开始和截止时间须同时填写',
    path: ['windowEnd'],
  })
  .refine(windowOrdered, WINDOW_ORDER_ISSUE)
  .meta({ id: 'TransitionCycle' });
export type TransitionCycle = z.infer<typeof TransitionCycle>;

// ─── Assessment group (考核督导组) and exclusions ──────────────────────────────────────────────────

export const PersonPost = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    tier: Tier,
    unit: z.object({ id: Id, name: z.string() }),
  })
  .meta({ id: 'PersonPost' });
export type PersonPost = z.infer<typeof PersonPost>;

export const Assessor = z
  .object({
    personId: Id,
    name: z.string(),
    employeeNo: z.string(),
    posts: z.array(PersonPost),
    /** Only members with an account can log in and score. */
    hasAccount: z.boolean(),
    addedAt: Instant,
  })
  .meta({ id: 'Assessor' });
export type Assessor = z.infer<typeof Assessor>;

export const AssessorList = z.object({ items: z.array(Assessor) }).meta({ id: 'AssessorList' });
export type AssessorList = z.infer<typeof AssessorList>;

/** Replaces the assessment group's membership (admin). At most 100 members. */
export const SetAssessors = z
  .object({ personIds: z.array(Id).max(100, '考核督导组最多 100 人') })
  .strict()
  .refine((b) => new Set(b.personIds).size === b.personIds.length, {
    message: '人员不能重复',
    path: ['personIds'],
  })
  .meta({ id: 'SetAssessors' });
export type SetAssessors = z.infer<typeof SetAssessors>;

export const Exclusion = z
  .object({ personId: Id, name: z.string(), employeeNo: z.string(), reason: z.string(), createdAt: Instant })
  .meta({ id: 'Exclusion' });
export type Exclusion = z.infer<typeof Exclusion>;
export const ExclusionList = z.object({ items: z.array(Exclusion) }).meta({ id: 'ExclusionList' });
export type ExclusionList = z.infer<typeof ExclusionList>;

/** Leave a person out of a cycle (e.g. 长期病假), with the reason. Not after publication. */
export const AddExclusion = z
  .object({ personId: Id, reason: Reason('不参加考核的原因') })
  .strict()
  .meta({ id: 'AddExclusion' });
export type AddExclusion = z.infer<typeof AddExclusion>;

export const CyclePersonParams = z.object({ id: z.uuid('无效的编号'), personId: z.uuid('无效的编号') });
export const CycleAdjustmentParams = z.object({
  id: z.uuid('无效的编号'),
  adjustmentId: z.uuid('无效的编号'),
});

// ─── The scoring workbench ───────────────────────────────────────────────────────────────────────

/** An evaluee with the post they are evaluated on (their tier 2–4 post; the primary one first). */
export const EvalueeRef = z
  .object({
    personId: Id,
    name: z.string(),
    employeeNo: z.string(),
    post: z.object({ id: Id, code: z.string(), title: z.string() }).nullable(),
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    tier: Tier.nullable(),
  })
  .meta({ id: 'EvalueeRef' });
export type EvalueeRef = z.infer<typeof EvalueeRef>;

/** One of my scores: one cell of the workbench. */
export const MyScore = z
  .object({ value: z.number(), status: ScoreStatus, version: Version, updatedAt: Instant })
  .meta({ id: 'MyScore' });
export type MyScore = z.infer<typeof MyScore>;

export const AdjustmentView = z
  .object({
    id: Id,
    evalueeId: Id,
    kind: AdjustmentKind,
    /** Points; null for a veto. */
    amount: z.number().nullable(),
    reason: z.string(),
    status: ScoreStatus,
    createdAt: Instant,
  })
  .meta({ id: 'AdjustmentView' });
export type AdjustmentView = z.infer<typeof AdjustmentView>;

export const WorkbenchEvaluee = EvalueeRef.extend({
  /** My current score per category; null where I have not scored yet. */
  scores: PerCategory(MyScore.nullable()),
  /** My adjustments (加分/扣分/一票否决) for this evaluee. */
  adjustments: z.array(AdjustmentView),
  /** Categories I have not scored yet. */
  missingCategories: z.array(TargetCategory),
  /** Every category scored (drafts count). */
  isComplete: z.boolean(),
  /** Every category scored and submitted. */
  isSubmitted: z.boolean(),
}).meta({ id: 'WorkbenchEvaluee' });
export type WorkbenchEvaluee = z.infer<typeof WorkbenchEvaluee>;

/** A deduction proposed from supervision findings (督导); filled in by the supervision module. */
export const ProposedDeduction = z
  .object({
    id: z.string(),
    evalueeId: Id,
    amount: z.number(),
    reason: z.string(),
    findingId: Id.nullable(),
  })
  .meta({ id: 'ProposedDeduction' });
export type ProposedDeduction = z.infer<typeof ProposedDeduction>;

export const WorkbenchQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(200),
  /** Name or employee number contains. */
  q: z.string().trim().max(50).optional(),
  unitId: Id.optional(),
  /** Only evaluees I have not finished (not every category scored and submitted). */
  onlyIncomplete: QueryBoolean.optional(),
});
export type WorkbenchQuery = z.infer<typeof WorkbenchQuery>;

export const Workbench = z
  .object({
    cycle: CycleSummary,
    window: z.object({
      start: Instant.nullable(),
      end: Instant.nullable(),
      isOpenNow: z.boolean(),
      /** Why scores are not accepted now; null while they are. */
      closedReason: z.string().nullable(),
    }),
    /** False for the annual cycle: its result is computed from the published quarters (only a veto may be added). */
    acceptsScores: z.boolean(),
    categoryWeights: PerCategory(z.number()),
    /** Evaluees in the current page (sorted by tier, unit, name). */
    items: z.array(WorkbenchEvaluee),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Over all my evaluees, not just this page. */
    counts: z.object({
      evaluees: z.number().int(),
      complete: z.number().int(),
      incomplete: z.number().int(),
      submitted: z.number().int(),
      /** Category cells I have not scored yet. */
      missingScores: z.number().int(),
      draftScores: z.number().int(),
    }),
    proposedDeductions: z.array(ProposedDeduction),
  })
  .meta({ id: 'Workbench' });
export type Workbench = z.infer<typeof Workbench>;

export const ScoreCell = z
  .object({
    evalueeId: Id,
    category: TargetCategory,
    value: ScoreValue,
    /** The version read; omit for a cell never scored. A stale one answers 409 STALE_VERSION. */
    version: Version.optional(),
  })
  .strict()
  .meta({ id: 'ScoreCell' });
export type ScoreCell = z.infer<typeof ScoreCell>;

/**
 * Save draft scores (autosave): an upsert per cell, all or nothing. Idempotent: a cell whose value
 * is already stored is left alone, so the same batch twice stores one score per cell. Changing a
 * submitted score (allowed while the window is open) turns it back into a draft.
 */
export const SaveScores = z
  .object({
    cells: z.array(ScoreCell).min(1, '请至少填写一项评分').max(300, '一次最多保存 300 项评分'),
  })
  .strict()
  .refine((b) => new Set(b.cells.map((c) => `${c.evalueeId}:${c.category}`)).size === b.cells.length, {
    message: '同一被考评人的同一类目标在一次保存中只能出现一次',
    path: ['cells'],
  })
  .meta({ id: 'SaveScores' });
export type SaveScores = z.infer<typeof SaveScores>;

export const SavedScore = z
  .object({
    evalueeId: Id,
    category: TargetCategory,
    value: z.number(),
    status: ScoreStatus,
    version: Version,
    updatedAt: Instant,
  })
  .meta({ id: 'SavedScore' });
export type SavedScore = z.infer<typeof SavedScore>;

export const SaveScoresResult = z
  .object({
    /** Every cell of the batch as now stored. */
    cells: z.array(SavedScore),
    /** How many cells were created or changed (0 for a repeated batch). */
    changed: z.number().int(),
  })
  .meta({ id: 'SaveScoresResult' });
export type SaveScoresResult = z.infer<typeof SaveScoresResult>;

/** `details` of the 409 STALE_VERSION answer of saveScores: the stale cells and what is stored now. */
export const StaleScoresDetails = z
  .object({
    stale: z.array(
      z.object({
        evalueeId: Id,
        category: TargetCategory,
        sentVersion: z.number().int().nullable(),
        current: SavedScore.nullable(),
      }),
    ),
  })
  .meta({ id: 'StaleScoresDetails' });
export type StaleScoresDetails = z.infer<typeof StaleScoresDetails>;

/** 加分 / 扣分 with points (0 < amount ≤ 100) and a reason; 一票否决 with a reason and no amount. */
export const AddAdjustment = z
  .object({
    evalueeId: Id,
    kind: AdjustmentKind,
    amount: z.number().gt(0, '分值必须大于 0').max(100, '分值不能超过 100').nullable().optional(),
    reason: Reason('理由'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'VETO' && b.amount != null)
      ctx.addIssue({ code: 'custom', message: '一票否决不填分值', path: ['amount'] });
    if (b.kind !== 'VETO' && b.amount == null)
      ctx.addIssue({ code: 'custom', message: '请填写加分或扣分的分值', path: ['amount'] });
    if (b.amount != null && Math.abs(b.amount * 100 - Math.round(b.amount * 100)) > 1e-6)
      ctx.addIssue({ code: 'custom', message: '分值最多保留两位小数', path: ['amount'] });
  })
  .meta({ id: 'AddAdjustment' });
export type AddAdjustment = z.infer<typeof AddAdjustment>;

/** Submit my scores and adjustments for the given evaluees, or for all of mine when omitted. */
export const SubmitScores = z
  .object({ evalueeIds: z.array(Id).min(1, '请选择被考评人').max(300, '一次最多提交 300 人').optional() })
  .strict()
  .meta({ id: 'SubmitScores' });
export type SubmitScores = z.infer<typeof SubmitScores>;

export const SubmitResult = z
  .object({
    evalueeIds: z.array(Id),
    /** Scores that moved from draft to submitted (0 when submitted again). */
    scoresSubmitted: z.number().int(),
    adjustmentsSubmitted: z.number().int(),
  })
  .meta({ id: 'SubmitResult' });
export type SubmitResult = z.infer<typeof SubmitResult>;

/** `details` of the 409 CONFLICT answer of submitScores: who still misses which categories. */
export const IncompleteEvalueesDetails = z
  .object({
    incomplete: z.array(
      z.object({ evalueeId: Id, name: z.string(), missingCategories: z.array(TargetCategory) }),
    ),
  })
  .meta({ id: 'IncompleteEvalueesDetails' });
export type IncompleteEvalueesDetails = z.infer<typeof IncompleteEvalueesDetails>;

// ─── The evaluee's context panel ─────────────────────────────────────────────────────────────────

export const ContextTarget = z
  .object({
    id: Id,
    title: z.string(),
    line: Line,
    weight: z.number(),
    measureKind: MeasureKind,
    measureUnit: z.string().nullable(),
    goal: z.number(),
    latestValue: z.number().nullable(),
    progress: z.number(),
    dueDate: z.iso.date(),
    post: z.object({ id: Id, title: z.string() }),
  })
  .meta({ id: 'ContextTarget' });

export const EvalueeContext = z
  .object({
    evaluee: EvalueeRef,
    year: z.number().int(),
    /** The three categories in fixed order; completion is the weighted mean of the targets' progress. */
    categories: z.array(
      z.object({
        category: TargetCategory,
        completion: z.number().nullable(),
        /** At most 100 per category. */
        targets: z.array(ContextTarget),
      }),
    ),
  })
  .meta({ id: 'EvalueeContext' });
export type EvalueeContext = z.infer<typeof EvalueeContext>;

// ─── Results ─────────────────────────────────────────────────────────────────────────────────────

export const ResultRow = z
  .object({
    evaluee: EvalueeRef,
    scores: PerCategory(z.number()),
    bonusTotal: z.number(),
    deductionTotal: z.number(),
    total: z.number(),
    rank: z.number().int(),
    grade: Grade,
    isQuotaCut: z.boolean(),
    quotaCutReason: z.string().nullable(),
    isVetoed: z.boolean(),
    vetoReason: z.string().nullable(),
    bonusCoefficient: z.number().nullable(),
    /** 奖惩: commendation / talk, e.g. 嘉奖、诫勉谈话. */
    consequence: z.string().nullable(),
    /** Changed by an amendment after publication. */
    isAmended: z.boolean(),
    version: Version,
  })
  .meta({ id: 'ResultRow' });
export type ResultRow = z.infer<typeof ResultRow>;

export const ResultsQuery = PageQuery.extend({ grade: Grade.optional() });
export type ResultsQuery = z.infer<typeof ResultsQuery>;

/** Sorted by rank. */
export const ResultsPage = paged(ResultRow)
  .extend({
    cycle: CycleSummary,
    /** True once published; before that (closed) the results are provisional. */
    isFinal: z.boolean(),
    computedAt: Instant.nullable(),
    summary: z.object({
      evaluees: z.number().int(),
      /** 优秀 places: ⌊quota × evaluees⌋. */
      excellentQuota: z.number().int(),
      quotaCut: z.number().int(),
      vetoed: z.number().int(),
      byGrade: z.object({
        EXCELLENT: z.number().int(),
        COMPETENT: z.number().int(),
        BASICALLY_COMPETENT: z.number().int(),
        INCOMPETENT: z.number().int(),
      }),
    }),
  })
  .meta({ id: 'ResultsPage' });
export type ResultsPage = z.infer<typeof ResultsPage>;

export const CategoryBreakdown = z
  .object({
    category: TargetCategory,
    /** The organisation's weight of the category, percent. */
    weight: z.number(),
    /** null where the computation did not record it (e.g. imported results). */
    evaluatorCount: z.number().int().nullable(),
    /** 去掉一个最高分和一个最低分 applied. */
    isTrimmed: z.boolean().nullable(),
    evaluatorScore: z.number().nullable(),
    /** Target completion blended in; null when none was used. */
    completion: z.number().nullable(),
    score: z.number(),
  })
  .meta({ id: 'CategoryBreakdown' });

export const AmendableField = z
  .enum([
    'scoreIdeological',
    'scoreBusiness',
    'scoreManagement',
    'bonusTotal',
    'deductionTotal',
    'total',
    'veto',
  ])
  .meta({ id: 'AmendableField' });
export type AmendableField = z.infer<typeof AmendableField>;
/** Recorded fields: the amended one, and the total and grade recomputed from it. */
export const AmendedField = z.enum([...AmendableField.options, 'grade']).meta({ id: 'AmendedField' });
export type AmendedField = z.infer<typeof AmendedField>;
export const AmendmentValue = z.union([z.number(), z.string(), z.null()]);

export const AmendmentView = z
  .object({
    id: Id,
    person: z.object({ personId: Id, name: z.string() }),
    field: AmendedField,
    oldValue: AmendmentValue,
    newValue: AmendmentValue,
    reason: z.string(),
    amendedBy: z.object({ userId: Id, name: z.string() }),
    amendedAt: Instant,
  })
  .meta({ id: 'AmendmentView' });
export type AmendmentView = z.infer<typeof AmendmentView>;

export const ResultSheet = z
  .object({
    cycle: CycleSummary,
    isFinal: z.boolean(),
    evaluee: EvalueeRef,
    categories: z.array(CategoryBreakdown),
    /** Σ weight × category score / 100; null where not recorded. */
    weightedScore: z.number().nullable(),
    /** The counted (submitted) adjustments with their reasons; who entered them is not shown. */
    adjustments: z.array(
      z.object({ id: Id, kind: AdjustmentKind, amount: z.number().nullable(), reason: z.string() }),
    ),
    bonusRequested: z.number().nullable(),
    /** Counted bonus, at most the organisation's cap. */
    bonusTotal: z.number(),
    deductionRequested: z.number().nullable(),
    deductionTotal: z.number(),
    total: z.number(),
    rank: z.number().int(),
    /** How many were ranked. */
    rankOf: z.number().int(),
    grade: Grade,
    /** Why this grade, in Chinese. */
    gradeReason: z.string().nullable(),
    isQuotaCut: z.boolean(),
    quotaCutReason: z.string().nullable(),
    isVetoed: z.boolean(),
    vetoReason: z.string().nullable(),
    consequence: z.object({
      bonusCoefficient: z.number().nullable(),
      /** Commendation and/or talk, e.g. 嘉奖 / 诫勉谈话. */
      text: z.string().nullable(),
    }),
    /** Annual cycle: the published quarters counted. Null for a quarter. */
    quarters: z
      .array(z.object({ kind: CycleKind, total: z.number(), grade: Grade.nullable(), isVetoed: z.boolean() }))
      .nullable(),
    amendments: z.array(AmendmentView),
    /**
     * Each evaluator's submitted scores. Only for tier 1 and assessment-group members, and never on
     * one's own sheet; null otherwise.
     */
    evaluatorScores: z
      .array(
        z.object({
          evaluator: z.object({ personId: Id, name: z.string() }),
          scores: PerCategory(z.number().nullable()),
        }),
      )
      .nullable(),
    computedAt: Instant,
    version: Version,
  })
  .meta({ id: 'ResultSheet' });
export type ResultSheet = z.infer<typeof ResultSheet>;

/**
 * Tier 1 corrects a published result (更正). Quarterly: a category score, the counted bonus or
 * deduction, or the veto; annual: the total or the veto. `newValue` is a number (0–100; bonus at
 * most the cap), or for `veto` the reason (string) or null to lift it. The total, ranks and grades
 * of the cycle are recomputed; old and new values are kept.
 */
export const CreateAmendment = z
  .object({
    personId: Id,
    field: AmendableField,
    newValue: z.union([
      z.number().min(0, '数值不能小于 0').max(100, '数值不能超过 100'),
      z.string().trim().min(1).max(500),
      z.null(),
    ]),
    reason: Reason('更正理由'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.field === 'veto' && typeof b.newValue === 'number')
      ctx.addIssue({ code: 'custom', message: '一票否决应填写否决理由，或填 null 撤销', path: ['newValue'] });
    if (b.field !== 'veto' && typeof b.newValue !== 'number')
      ctx.addIssue({ code: 'custom', message: '请填写更正后的分值', path: ['newValue'] });
  })
  .meta({ id: 'CreateAmendment' });
export type CreateAmendment = z.infer<typeof CreateAmendment>;

export const AmendmentResult = z
  .object({
    /** Every recorded change: the amended field, then total and grades recomputed from it. */
    amendments: z.array(AmendmentView),
    sheet: ResultSheet,
  })
  .meta({ id: 'AmendmentResult' });
export type AmendmentResult = z.infer<typeof AmendmentResult>;

/** Newest first. */
export const AmendmentPage = paged(AmendmentView).meta({ id: 'AmendmentPage' });
export type AmendmentPage = z.infer<typeof AmendmentPage>;

/** My own published results, newest first (at most 50). */
export const MyResults = z
  .object({
    items: z.array(
      z.object({
        cycle: CycleSummary,
        total: z.number(),
        rank: z.number().int(),
        grade: Grade,
        isVetoed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MyResults' });
export type MyResults = z.infer<typeof MyResults>;

/** The .xlsx export. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
