// 督导 (DOMAIN rule 11): inspection plans, inspections recorded item by item, findings as
// rectification tasks (整改) with their history, escalation, and the deductions proposed from
// findings. Routes are in ./supervision-routes.ts.
import { z } from 'zod';
import { DateOnly, PageQuery, paged, QueryBoolean, Version } from './common-http';
import { Id, Tier } from './common';

export const InspectionKind = z
  .enum(['HYGIENE', 'DUTY_ROSTER', 'MEETING_RULES', 'OTHER'])
  .meta({ id: 'InspectionKind' });
export type InspectionKind = z.infer<typeof InspectionKind>;

export const Recurrence = z.enum(['ONE_OFF', 'WEEKLY', 'MONTHLY']).meta({ id: 'Recurrence' });
export type Recurrence = z.infer<typeof Recurrence>;

export const FindingSeverity = z.enum(['MINOR', 'MAJOR', 'SERIOUS']).meta({ id: 'FindingSeverity' });
export type FindingSeverity = z.infer<typeof FindingSeverity>;

/** OPEN (待整改) → RECTIFIED (待复查) → CLOSED (已销号), or RECTIFIED → OPEN (退回). */
export const FindingStatus = z.enum(['OPEN', 'RECTIFIED', 'CLOSED']).meta({ id: 'FindingStatus' });
export type FindingStatus = z.infer<typeof FindingStatus>;

export const ItemOutcome = z.enum(['PASS', 'FINDING']).meta({ id: 'ItemOutcome' });
export type ItemOutcome = z.infer<typeof ItemOutcome>;

export const InspectionStatus = z.enum(['PASSED', 'FINDINGS']).meta({ id: 'InspectionStatus' });
export type InspectionStatus = z.infer<typeof InspectionStatus>;

export const FindingAction = z
  .enum(['CREATED', 'RECTIFIED', 'CLOSED', 'SENT_BACK', 'ESCALATED', 'DEDUCTION_ACCEPTED'])
  .meta({ id: 'FindingAction' });
export type FindingAction = z.infer<typeof FindingAction>;

const Instant = z.iso.datetime();
const Text = (what: string, max = 500) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const OptionalText = (what: string, max = 500) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();

const UnitRef = z.object({ id: Id, name: z.string() });
const PersonRef = z.object({ id: Id, name: z.string() });
export const SupervisionPostRef = z
  .object({ id: Id, code: z.string(), title: z.string(), tier: Tier, unitName: z.string() })
  .meta({ id: 'SupervisionPostRef' });
const FileRef = z.object({ id: Id, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });

// ─── Plans ───────────────────────────────────────────────────────────────────────────────────────

export const ChecklistItemView = z
  .object({ id: Id, text: z.string(), sortOrder: z.number().int() })
  .meta({ id: 'ChecklistItemView' });
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

export const InspectionPlanView = z
  .object({
    id: Id,
    title: z.string(),
    kind: InspectionKind,
    recurrence: Recurrence,
    /** The next occurrence; null once a one-off plan has been carried out. */
    nextDueOn: DateOnly.nullable(),
    isArchived: z.boolean(),
    units: z.array(UnitRef),
    inspectors: z.array(PersonRef),
    items: z.array(ChecklistItemView),
    inspectionCount: z.number().int(),
    createdAt: Instant,
    version: Version,
  })
  .meta({ id: 'InspectionPlanView' });
export type InspectionPlanView = z.infer<typeof InspectionPlanView>;

export const InspectionPlanList = z
  .object({ items: z.array(InspectionPlanView) })
  .meta({ id: 'InspectionPlanList' });
export type InspectionPlanList = z.infer<typeof InspectionPlanList>;

export const PlansQuery = z.object({ includeArchived: QueryBoolean.optional() });
export type PlansQuery = z.infer<typeof PlansQuery>;

const PlanFields = {
  title: Text('计划名称', 100),
  kind: InspectionKind,
  recurrence: Recurrence,
  /** The first (next) occurrence. */
  nextDueOn: DateOnly,
  unitIds: z.array(Id).min(1, '请至少选择一个受检部门').max(100),
  /** Assessment-group members; empty = any member may inspect. */
  inspectorIds: z.array(Id).max(50),
  /** The checklist in order; an item sent with its id keeps it (and its history). */
  items: z
    .array(z.object({ id: Id.optional(), text: Text('检查项目', 200) }).strict())
    .min(1, '请至少填写一个检查项目')
    .max(50, '检查项目不能超过 50 个'),
};

export const CreateInspectionPlan = z.object(PlanFields).strict().meta({ id: 'CreateInspectionPlan' });
export type CreateInspectionPlan = z.infer<typeof CreateInspectionPlan>;

export const UpdateInspectionPlan = z
  .object({ ...PlanFields, version: Version })
  .strict()
  .meta({ id: 'UpdateInspectionPlan' });
export type UpdateInspectionPlan = z.infer<typeof UpdateInspectionPlan>;

// ─── Due inspections ─────────────────────────────────────────────────────────────────────────────

export const DueInspection = z
  .object({
    planId: Id,
    planTitle: z.string(),
    kind: InspectionKind,
    recurrence: Recurrence,
    dueOn: DateOnly,
    unit: UnitRef,
    /** The due date has passed without an inspection. */
    isLate: z.boolean(),
    /** The actor is one of the plan's inspectors (or the plan names none). */
    isMine: z.boolean(),
  })
  .meta({ id: 'DueInspection' });
export type DueInspection = z.infer<typeof DueInspection>;

export const DueInspectionsQuery = z.object({
  /** Occurrences due up to this many days ahead (default 7). */
  horizonDays: z.coerce.number().int().min(0).max(92).default(7),
});
export type DueInspectionsQuery = z.infer<typeof DueInspectionsQuery>;

export const DueInspectionList = z
  .object({ items: z.array(DueInspection) })
  .meta({ id: 'DueInspectionList' });
export type DueInspectionList = z.infer<typeof DueInspectionList>;

// ─── Inspections ─────────────────────────────────────────────────────────────────────────────────

export const InspectionItemInput = z
  .object({
    itemId: Id,
    outcome: ItemOutcome,
    /** What was found (required for a finding; becomes the finding's description). */
    note: OptionalText('检查情况'),
    evidenceFileId: Id.nullable().optional(),
    /** For a finding: the responsible post (责任岗位). */
    postId: Id.nullable().optional(),
    /** For a finding: the target it concerns, optional. */
    targetId: Id.nullable().optional(),
    severity: FindingSeverity.optional(),
    /** For a finding: the rectification deadline; default by severity (3 / 7 / 14 days). */
    deadline: DateOnly.nullable().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.outcome !== 'FINDING') return;
    if (!item.note) ctx.addIssue({ code: 'custom', message: '请填写发现的问题', path: ['note'] });
    if (!item.postId) ctx.addIssue({ code: 'custom', message: '请选择责任岗位', path: ['postId'] });
  })
  .meta({ id: 'InspectionItemInput' });
export type InspectionItemInput = z.infer<typeof InspectionItemInput>;

/** One occurrence of a plan in one unit, every checklist item once. */
export const RecordInspection = z
  .object({
    planId: Id,
    unitId: Id,
    /** The occurrence carried out; default the plan's next due date. */
    dueOn: DateOnly.optional(),
    inspectedOn: DateOnly,
    note: OptionalText('备注'),
    items: z.array(InspectionItemInput).min(1, '请逐项填写检查结果').max(50),
  })
  .strict()
  .refine((b) => new Set(b.items.map((i) => i.itemId)).size === b.items.length, {
    message: '同一检查项目只能填写一次',
    path: ['items'],
  })
  .meta({ id: 'RecordInspection' });
export type RecordInspection = z.infer<typeof RecordInspection>;

export const FindingSummary = z
  .object({
    id: Id,
    description: z.string(),
    severity: FindingSeverity,
    status: FindingStatus,
    deadline: DateOnly,
    isOverdue: z.boolean(),
    daysOverdue: z.number().int(),
    /** Days since the inspection that found it. */
    ageDays: z.number().int(),
    post: SupervisionPostRef,
    /** Current holders of the responsible post. */
    owners: z.array(PersonRef),
    target: z.object({ id: Id, title: z.string() }).nullable(),
    inspection: z.object({
      id: Id,
      inspectedOn: DateOnly,
      planTitle: z.string(),
      kind: InspectionKind,
      inspector: PersonRef,
    }),
    /** Recorded escalation (逾期上报), if any. */
    escalatedAt: Instant.nullable(),
    /** Where an overdue task goes: the recorded escalation, or the superior it would go to. */
    escalatedTo: SupervisionPostRef.nullable(),
    rectifiedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    createdAt: Instant,
    version: Version,
  })
  .meta({ id: 'FindingSummary' });
export type FindingSummary = z.infer<typeof FindingSummary>;

export const InspectionView = z
  .object({
    id: Id,
    plan: z.object({ id: Id, title: z.string(), kind: InspectionKind }),
    unit: UnitRef,
    dueOn: DateOnly,
    inspectedOn: DateOnly,
    inspector: PersonRef,
    status: InspectionStatus,
    note: z.string().nullable(),
    items: z.array(
      z.object({
        itemId: Id,
        text: z.string(),
        outcome: ItemOutcome,
        note: z.string().nullable(),
        evidenceFile: FileRef.nullable(),
        findingId: Id.nullable(),
      }),
    ),
    findings: z.array(FindingSummary),
    createdAt: Instant,
  })
  .meta({ id: 'InspectionView' });
export type InspectionView = z.infer<typeof InspectionView>;

export const InspectionSummary = z
  .object({
    id: Id,
    plan: z.object({ id: Id, title: z.string(), kind: InspectionKind }),
    unit: UnitRef,
    dueOn: DateOnly,
    inspectedOn: DateOnly,
    inspector: PersonRef,
    status: InspectionStatus,
    itemCount: z.number().int(),
    findingCount: z.number().int(),
  })
  .meta({ id: 'InspectionSummary' });
export type InspectionSummary = z.infer<typeof InspectionSummary>;

export const InspectionsQuery = PageQuery.extend({ planId: Id.optional(), unitId: Id.optional() });
export type InspectionsQuery = z.infer<typeof InspectionsQuery>;
export const InspectionPage = paged(InspectionSummary).meta({ id: 'InspectionPage' });
export type InspectionPage = z.infer<typeof InspectionPage>;

// ─── Findings ────────────────────────────────────────────────────────────────────────────────────

export const FindingsQuery = PageQuery.extend({
  unitId: Id.optional(),
  postId: Id.optional(),
  status: FindingStatus.optional(),
  /** Only findings past their deadline and not closed. */
  overdue: QueryBoolean.optional(),
});
export type FindingsQuery = z.infer<typeof FindingsQuery>;
export const FindingPage = paged(FindingSummary).meta({ id: 'FindingPage' });
export type FindingPage = z.infer<typeof FindingPage>;

export const FindingEventView = z
  .object({
    id: Id,
    action: FindingAction,
    /** Null for an escalation recorded by the system. */
    actor: PersonRef.nullable(),
    note: z.string().nullable(),
    evidenceFile: FileRef.nullable(),
    at: Instant,
  })
  .meta({ id: 'FindingEventView' });
export type FindingEventView = z.infer<typeof FindingEventView>;

export const FindingDetail = FindingSummary.extend({
  itemText: z.string().nullable(),
  /** The photo or file the inspector attached to the item. */
  evidenceFile: FileRef.nullable(),
  events: z.array(FindingEventView),
  /** What the actor may do now. */
  can: z.object({ rectify: z.boolean(), reinspect: z.boolean() }),
}).meta({ id: 'FindingDetail' });
export type FindingDetail = z.infer<typeof FindingDetail>;

/** The owner reports the rectification (整改情况), with evidence if any. */
export const RectifyFinding = z
  .object({ note: Text('整改情况'), evidenceFileId: Id.nullable().optional(), version: Version })
  .strict()
  .meta({ id: 'RectifyFinding' });
export type RectifyFinding = z.infer<typeof RectifyFinding>;

/** 复查: close (销号) or send back (退回重新整改, optionally with a new deadline). */
export const ReinspectFinding = z
  .object({
    decision: z.enum(['CLOSE', 'SEND_BACK']),
    note: Text('复查意见'),
    newDeadline: DateOnly.nullable().optional(),
    version: Version,
  })
  .strict()
  .meta({ id: 'ReinspectFinding' });
export type ReinspectFinding = z.infer<typeof ReinspectFinding>;

export const FindingEvidenceParams = z.object({ id: z.uuid('无效的编号'), fileId: z.uuid('无效的编号') });

// ─── Board, escalation, tasks ────────────────────────────────────────────────────────────────────

export const SupervisionBoard = z
  .object({
    /** Per unit with unclosed findings, most overdue first. */
    units: z.array(
      z.object({
        unit: UnitRef,
        open: z.number().int(),
        awaitingReinspection: z.number().int(),
        overdue: z.number().int(),
        /** Unclosed findings by age since the inspection. */
        byAge: z.object({ upTo7: z.number().int(), upTo30: z.number().int(), over30: z.number().int() }),
        oldestAgeDays: z.number().int(),
      }),
    ),
    totals: z.object({
      open: z.number().int(),
      awaitingReinspection: z.number().int(),
      overdue: z.number().int(),
      closedThisMonth: z.number().int(),
    }),
  })
  .meta({ id: 'SupervisionBoard' });
export type SupervisionBoard = z.infer<typeof SupervisionBoard>;

export const EscalationRunResult = z
  .object({ escalated: z.number().int(), findings: z.array(FindingSummary) })
  .meta({ id: 'EscalationRunResult' });
export type EscalationRunResult = z.infer<typeof EscalationRunResult>;

export const MySupervisionTasks = z
  .object({
    /** Findings against my posts that I must rectify (OPEN). */
    toRectify: z.array(FindingSummary),
    /** My reports waiting for the inspector (RECTIFIED). */
    awaitingReinspection: z.array(FindingSummary),
    /** Overdue tasks of the posts reporting to mine (escalated to me). */
    escalatedToMe: z.array(FindingSummary),
    /** Assessors: reports to re-inspect. */
    toReinspect: z.array(FindingSummary),
    /** Assessors: inspections due within a week that I may carry out. */
    dueInspections: z.array(DueInspection),
  })
  .meta({ id: 'MySupervisionTasks' });
export type MySupervisionTasks = z.infer<typeof MySupervisionTasks>;

/** Accept a proposed deduction of the workbench: it becomes my (draft) DEDUCTION adjustment. */
export const AcceptProposedDeduction = z
  .object({ proposalId: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'AcceptProposedDeduction' });
export type AcceptProposedDeduction = z.infer<typeof AcceptProposedDeduction>;
