// Dashboards per responsibility tier (四级责任): one request per page, served from the maintained
// roll-ups (`Target.progress`) and set-based counts. Routes are in ./dashboard-routes.ts; what each
// figure means is in docs/architecture.md, "Dashboards".
import { z } from 'zod';
import { DateOnly, Version, Year } from './common-http';
import { Id, Line, TargetCategory, Tier, UnitKind } from './common';
import { CycleKind, CycleSummary, Grade } from './evaluations';
import { GapKind } from './gaps';
import { CategoryProgress, MeasureKind } from './targets';

/** An instant in a response (always UTC, `…Z`). */
const Instant = z.iso.datetime();
const Count = z.number().int().min(0);

// ─── Building blocks (every item carries the ids needed to click through) ──────────────────────────

/** Click through to `/people/:id`. */
export const DashboardPerson = z.object({ id: Id, name: z.string() }).meta({ id: 'DashboardPerson' });
export type DashboardPerson = z.infer<typeof DashboardPerson>;

export const DashboardUnit = z
  .object({ id: Id, name: z.string(), kind: UnitKind })
  .meta({ id: 'DashboardUnit' });
export type DashboardUnit = z.infer<typeof DashboardUnit>;

/** A post with its unit and current holders (click through to the post, the unit or a person). */
export const DashboardPost = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    tier: Tier,
    unit: DashboardUnit,
    holders: z.array(DashboardPerson),
  })
  .meta({ id: 'DashboardPost' });
export type DashboardPost = z.infer<typeof DashboardPost>;

/** A target as the dashboards show it (click through to `/targets/:id`). */
export const DashboardTarget = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    title: z.string(),
    category: TargetCategory,
    line: Line,
    weight: z.number(),
    measureKind: MeasureKind,
    measureUnit: z.string().nullable(),
    baseline: z.number(),
    goal: z.number(),
    latestValue: z.number().nullable(),
    dueDate: DateOnly,
    /** The maintained roll-up, 0–100. */
    progress: z.number(),
    /** The elapsed share of the target's time (1 January → due date) as a percentage, 0–100. */
    expectedProgress: z.number(),
    /** Progress + 10 points < expectedProgress (the domain's isAtRisk). */
    isAtRisk: z.boolean(),
    /** Active children; 0 = a leaf, the only kind that takes progress updates. */
    childCount: Count,
    owner: DashboardPost.nullable(),
    /** A leaf the current user may record progress on (owner or the owner's direct superior in the line), through `recordProgress`. */
    canRecordProgress: z.boolean(),
    version: Version,
  })
  .meta({ id: 'DashboardTarget' });
export type DashboardTarget = z.infer<typeof DashboardTarget>;

/** Completion overall and per category, for one line. */
export const LineProgress = z.object({ line: Line, progress: CategoryProgress }).meta({ id: 'LineProgress' });
export type LineProgress = z.infer<typeof LineProgress>;

/** A set of targets summed up: the weighted mean (by target weight) per category, per line, and the targets. */
export const TargetGroupProgress = z
  .object({
    /** Per category: weighted mean by target weight (plain mean if all weights are 0); overall: the mean of the non-null categories. */
    progress: CategoryProgress,
    /** Always both lines, administrative first. */
    lines: z.array(LineProgress),
    targets: z.array(DashboardTarget),
  })
  .meta({ id: 'TargetGroupProgress' });
export type TargetGroupProgress = z.infer<typeof TargetGroupProgress>;

/** Targets behind elapsed time: how many, and the worst first (largest expectedProgress − progress). */
export const AtRiskTargets = z
  .object({
    total: Count,
    /** At most 10. */
    items: z.array(DashboardTarget),
  })
  .meta({ id: 'AtRiskTargets' });
export type AtRiskTargets = z.infer<typeof AtRiskTargets>;

/** Chain gaps of the year (the same gaps as `GET /api/gaps`), counted. */
export const GapCounts = z
  .object({
    /** Not waived. */
    open: Count,
    waived: Count,
    openByKind: z.record(GapKind, Count),
  })
  .meta({ id: 'GapCounts' });
export type GapCounts = z.infer<typeof GapCounts>;

/** One gap in a section, for the section dashboard (labels: the gap kind's Chinese name). */
export const DashboardGap = z
  .object({
    kind: GapKind,
    key: z.string(),
    post: z.object({ id: Id, title: z.string() }).nullable(),
    target: z.object({ id: Id, title: z.string() }).nullable(),
    category: TargetCategory.nullable(),
    line: Line.nullable(),
    isWaived: z.boolean(),
  })
  .meta({ id: 'DashboardGap' });
export type DashboardGap = z.infer<typeof DashboardGap>;

/** One cell of the unit × category heatmap: the plain mean progress of the unit's posts' targets. */
export const UnitProgress = z
  .object({
    unit: DashboardUnit,
    /** Posts of the unit (in scope) owning at least one target of the year. */
    postCount: Count,
    targetCount: Count,
    /** Per category: plain mean of the targets' progress; overall: the mean of all the unit's targets. */
    progress: CategoryProgress,
  })
  .meta({ id: 'UnitProgress' });
export type UnitProgress = z.infer<typeof UnitProgress>;

export const CycleRef = z
  .object({ id: Id, year: z.number().int(), kind: CycleKind })
  .meta({ id: 'CycleRef' });
export type CycleRef = z.infer<typeof CycleRef>;

/** The assessment group's progress in the open quarter: cells filled of cells expected. */
export const ScoringProgress = z
  .object({
    cycle: CycleSummary,
    evaluees: Count,
    /** Σ over assessors of (their evaluees × 3 categories). */
    expectedCells: Count,
    /** Cells with a score (draft or submitted). */
    filledCells: Count,
    submittedCells: Count,
    /** Members of the assessment group (the totals above are over all of them). */
    assessorCount: Count,
    /**
     * Every member, by name, in a group of up to 12; in a larger one (a city's) the 12 furthest
     * behind (smallest share of their cells filled), furthest first.
     */
    assessors: z.array(
      z.object({
        person: DashboardPerson,
        evaluees: Count,
        expectedCells: Count,
        filledCells: Count,
        submittedCells: Count,
        /** Every category scored (drafts count). */
        completeEvaluees: Count,
        /** Every category scored and submitted. */
        submittedEvaluees: Count,
      }),
    ),
  })
  .meta({ id: 'ScoringProgress' });
export type ScoringProgress = z.infer<typeof ScoringProgress>;

export const GradeCounts = z
  .object({ EXCELLENT: Count, COMPETENT: Count, BASICALLY_COMPETENT: Count, INCOMPETENT: Count })
  .meta({ id: 'GradeCounts' });

/** Grades of the latest published cycle (优秀 n / quota). */
export const GradeDistribution = z
  .object({
    cycle: CycleSummary,
    evaluees: Count,
    byGrade: GradeCounts,
    /** 优秀 places: ⌊share × evaluees⌋ over the whole organisation. */
    excellentQuota: Count,
    /** The organisation's 优秀 share, 0–1. */
    excellentShare: z.number(),
    quotaCut: Count,
    vetoed: Count,
  })
  .meta({ id: 'GradeDistribution' });
export type GradeDistribution = z.infer<typeof GradeDistribution>;

/** One published quarter of the trend. */
export const TrendPoint = z
  .object({
    cycle: CycleRef,
    evaluees: Count,
    meanTotal: z.number().nullable(),
    /** Mean target completion the results were computed with (from the stored sheets); null where not recorded. */
    meanCompletion: z.number().nullable(),
  })
  .meta({ id: 'TrendPoint' });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const UnitRank = z
  .object({ unit: DashboardUnit, progress: z.number(), targetCount: Count })
  .meta({ id: 'UnitRank' });
export type UnitRank = z.infer<typeof UnitRank>;

// ─── Tier 1: the bureau ────────────────────────────────────────────────────────────────────────────

/** `unitId`: the unit whose child units the heatmap shows (drill-down); default: the default level. */
export const BureauDashboardQuery = z.object({ year: Year.optional(), unitId: Id.optional() });

/**
 * One row of the bureau heatmap: a unit with its whole subtree of units (the unit, its child units,
 * theirs, …): per category Σ progress ÷ Σ targets of the posts in the subtree, overall the same
 * over all categories; targets and posts summed.
 */
export const HeatmapUnit = UnitProgress.extend({
  /** Child units with targets of the year in their subtree: more than 0 means the row opens a level. */
  childCount: Count,
}).meta({ id: 'HeatmapUnit' });
export type HeatmapUnit = z.infer<typeof HeatmapUnit>;

/**
 * The level of the unit tree the heatmap shows. Without `unitId` it is the default level: the
 * first level, from the top, with more than one unit with targets (a bureau whose units all sit
 * under one leadership unit opens on that unit's child units).
 */
export const HeatmapLevel = z
  .object({
    /** The unit whose child units are the rows; null: the organisation's top-level units. */
    unit: DashboardUnit.nullable(),
    /**
     * The breadcrumb back: the levels above this one, outermost first, from the default level down
     * (null: the top level). The first opens without `unitId`, the others with their id. Empty at
     * the default level.
     */
    path: z.array(DashboardUnit.nullable()),
  })
  .meta({ id: 'HeatmapLevel' });
export type HeatmapLevel = z.infer<typeof HeatmapLevel>;

export const BureauDashboard = z
  .object({
    year: z.number().int(),
    asOf: Instant,
    /** 三大目标: the tier-1 root targets. */
    majorTargets: TargetGroupProgress,
    /** The child units of the level shown that have targets of the year in their subtree, in unit order. */
    heatmap: z.array(HeatmapUnit),
    heatmapLevel: HeatmapLevel,
    gaps: GapCounts,
    atRisk: AtRiskTargets,
    /** The newest open quarter; null when none is open. */
    scoring: ScoringProgress.nullable(),
    /** The latest published cycle; null before any. */
    grades: GradeDistribution.nullable(),
    /** Published quarters of the year and the year before, oldest first. */
    trend: z.array(TrendPoint),
    /** Every unit by its own posts' overall figure (not its subtree's), leadership units left out: top 3 and bottom 3 (distinct). */
    units: z.object({ strongest: z.array(UnitRank), weakest: z.array(UnitRank) }),
  })
  .meta({ id: 'BureauDashboard' });
export type BureauDashboard = z.infer<typeof BureauDashboard>;

// ─── Tier 2: the units in one's charge (分管) ──────────────────────────────────────────────────────

/** `postId`: which tier-2 post; default the user's own (the primary one first). */
export const SupervisorDashboardQuery = z.object({ postId: Id.optional(), year: Year.optional() });

export const SupervisedUnit = UnitProgress.extend({
  atRiskCount: Count,
  /** Gaps of posts of this unit in the subtree. */
  gaps: z.object({ open: Count, waived: Count }),
  /** Mean total of the unit's evaluees in the last published quarter; null without results. */
  lastQuarterMeanTotal: z.number().nullable(),
  lastQuarterEvaluees: Count,
}).meta({ id: 'SupervisedUnit' });
export type SupervisedUnit = z.infer<typeof SupervisedUnit>;

export const SupervisorDashboard = z
  .object({
    year: z.number().int(),
    asOf: Instant,
    post: DashboardPost,
    /** The post's own targets (its share of the three major targets), rolled up from the units below. */
    ownTargets: TargetGroupProgress,
    /** The units of the posts below this one (either line), side by side, in unit order. */
    units: z.array(SupervisedUnit),
    gaps: GapCounts,
    atRisk: AtRiskTargets,
    /** The last published quarter (of any year up to this one), whose totals `units` show. */
    lastQuarter: CycleRef.nullable(),
    /** Grades of the evaluees below this post in the latest published cycle (quota: organisation-wide). */
    grades: z.object({ cycle: CycleSummary, evaluees: Count, byGrade: GradeCounts }).nullable(),
    /** Mean totals of the evaluees below this post per published quarter, oldest first. */
    trend: z.array(TrendPoint),
  })
  .meta({ id: 'SupervisorDashboard' });
export type SupervisorDashboard = z.infer<typeof SupervisorDashboard>;

// ─── Tier 3: the section ───────────────────────────────────────────────────────────────────────────

/** `postId`: which tier-3 post; default the user's own (the primary one first). */
export const SectionDashboardQuery = z.object({ postId: Id.optional(), year: Year.optional() });

export const StaffProgress = z
  .object({
    person: DashboardPerson,
    /** Their posts below the chief's post. */
    posts: z.array(z.object({ id: Id, title: z.string() })),
    targetCount: Count,
    atRiskCount: Count,
    /** Weighted mean by target weight per category; overall: mean of the non-null categories. */
    progress: CategoryProgress,
  })
  .meta({ id: 'StaffProgress' });
export type StaffProgress = z.infer<typeof StaffProgress>;

export const DecompositionItem = z
  .object({
    target: z.object({
      id: Id,
      title: z.string(),
      category: TargetCategory,
      line: Line,
      progress: z.number(),
    }),
    childCount: Count,
    /** Σ of the active children's weights. */
    childWeightSum: z.number(),
    /** Sum = 100 at 2 decimals. */
    isComplete: z.boolean(),
  })
  .meta({ id: 'DecompositionItem' });
export type DecompositionItem = z.infer<typeof DecompositionItem>;

export const SectionDashboard = z
  .object({
    year: z.number().int(),
    asOf: Instant,
    post: DashboardPost,
    /** The chief's post's own targets, summed up. */
    progress: CategoryProgress,
    /** Active targets of the year owned by the post and the posts below it, the chief's first. */
    targets: z.array(DashboardTarget),
    /** Holders of the posts below the chief's, by name. */
    staff: z.array(StaffProgress),
    decomposition: z.object({
      /** The chief's targets. */
      items: z.array(DecompositionItem),
      completeCount: Count,
      incompleteCount: Count,
      /** Gaps of the section's posts (the chief's and those below). */
      gaps: z.object({ open: Count, waived: Count, items: z.array(DashboardGap) }),
    }),
    /** Not complete and due in the next `days` days (today included), soonest first. */
    dueSoon: z.object({ days: z.number().int(), items: z.array(DashboardTarget) }),
  })
  .meta({ id: 'SectionDashboard' });
export type SectionDashboard = z.infer<typeof SectionDashboard>;

// ─── Tier 4: personal ──────────────────────────────────────────────────────────────────────────────

export const PersonalDashboardQuery = z.object({ year: Year.optional() });

export const PersonalDashboard = z
  .object({
    year: z.number().int(),
    asOf: Instant,
    person: DashboardPerson,
    posts: z.array(DashboardPost),
    /** All my targets summed up (weighted mean by target weight per category). */
    progress: CategoryProgress,
    /** Active targets of the year owned by my posts. */
    targets: z.array(DashboardTarget),
    /** The last 10 progress updates on my targets (of any author), newest first. */
    recentProgress: z.array(
      z.object({
        id: Id,
        target: z.object({ id: Id, title: z.string() }),
        value: z.number(),
        normalised: z.number(),
        note: z.string(),
        recordedBy: z.object({ userId: Id, name: z.string() }),
        recordedAt: Instant,
      }),
    ),
    /** My published results, newest first (at most 12). */
    results: z.array(
      z.object({
        cycle: CycleSummary,
        total: z.number(),
        rank: z.number().int(),
        /** How many were ranked in the cycle. */
        rankOf: Count,
        grade: Grade,
        isVetoed: z.boolean(),
        isQuotaCut: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PersonalDashboard' });
export type PersonalDashboard = z.infer<typeof PersonalDashboard>;

// ─── Assessor ──────────────────────────────────────────────────────────────────────────────────────

/** `cycleId`: the cycle whose missing evaluees are listed; default the newest open one. */
export const AssessorDashboardQuery = z.object({ cycleId: Id.optional() });

export const AssessorCycleProgress = z
  .object({
    cycle: CycleSummary,
    /** False for the annual cycle (no scores, only vetoes). */
    acceptsScores: z.boolean(),
    /** Open and inside the window now. */
    isOpenNow: z.boolean(),
    /** The people I score in this cycle. */
    evaluees: Count,
    /** Every category scored (drafts count). */
    completeEvaluees: Count,
    /** Every category scored and submitted. */
    submittedEvaluees: Count,
    /** evaluees − submittedEvaluees. */
    missingEvaluees: Count,
    expectedCells: Count,
    filledCells: Count,
    submittedCells: Count,
  })
  .meta({ id: 'AssessorCycleProgress' });
export type AssessorCycleProgress = z.infer<typeof AssessorCycleProgress>;

export const MissingEvaluee = z
  .object({
    person: DashboardPerson,
    employeeNo: z.string(),
    post: z.object({ id: Id, title: z.string() }).nullable(),
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    /** Categories I have not scored. */
    missingCategories: z.array(TargetCategory),
    /** Categories scored but not submitted. */
    draftCategories: z.array(TargetCategory),
  })
  .meta({ id: 'MissingEvaluee' });
export type MissingEvaluee = z.infer<typeof MissingEvaluee>;

export const AssessorDashboard = z
  .object({
    asOf: Instant,
    /** Open quarters and the 4 most recent closed or published ones, newest first. */
    cycles: z.array(AssessorCycleProgress),
    /** The cycle `missing` is about; null when there is none. */
    selectedCycleId: Id.nullable(),
    /** My evaluees not yet submitted in that cycle, in workbench order (tier, unit, name); at most 200 (the cycle's `missingEvaluees` counts them all). */
    missing: z.array(MissingEvaluee),
  })
  .meta({ id: 'AssessorDashboard' });
export type AssessorDashboard = z.infer<typeof AssessorDashboard>;
