import { z } from 'zod';
import { DateOnly, PageQuery, paged, Version, Year } from './common-http';
import { Id, Line, TargetCategory, Tier } from './common';

export const MeasureKind = z.enum(['PERCENTAGE', 'NUMBER', 'MILESTONE', 'QUALITATIVE']);
export type MeasureKind = z.infer<typeof MeasureKind>;
export const TargetStatus = z.enum(['ACTIVE', 'ARCHIVED']);

/** Roll-up progress (0–100) per category and overall. `null` where there is nothing to measure. */
export const CategoryProgress = z
  .object({
    IDEOLOGICAL: z.number().nullable(),
    BUSINESS: z.number().nullable(),
    MANAGEMENT: z.number().nullable(),
    overall: z.number().nullable(),
  })
  .meta({ id: 'CategoryProgress' });
export type CategoryProgress = z.infer<typeof CategoryProgress>;

export const PostRef = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    tier: Tier,
    unitName: z.string(),
    holderNames: z.array(z.string()),
  })
  .meta({ id: 'PostRef' });
export type PostRef = z.infer<typeof PostRef>;

export const TargetSummary = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    year: z.number().int(),
    category: TargetCategory,
    line: Line,
    title: z.string(),
    owner: PostRef.nullable(),
    weight: z.number(),
    measureKind: MeasureKind,
    measureUnit: z.string().nullable(),
    baseline: z.number(),
    goal: z.number(),
    dueDate: DateOnly,
    status: TargetStatus,
    /** Maintained roll-up, 0–100. */
    progress: z.number(),
    latestValue: z.number().nullable(),
    childCount: z.number().int(),
    /** Progress behind the elapsed share of the year (see docs/architecture.md). */
    isAtRisk: z.boolean(),
    version: Version,
  })
  .meta({ id: 'TargetSummary' });
export type TargetSummary = z.infer<typeof TargetSummary>;

export const ProgressUpdate = z
  .object({
    id: Id,
    targetId: Id,
    value: z.number(),
    normalised: z.number(),
    note: z.string(),
    evidenceUrl: z.string().nullable(),
    evidenceFile: z
      .object({ id: Id, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() })
      .nullable(),
    recordedBy: z.object({ userId: Id, name: z.string() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgressUpdate' });
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const TargetDetail = TargetSummary.extend({
  description: z.string().nullable(),
  /** From the root down to the parent: the breadcrumb of the decomposition. */
  ancestors: z.array(z.object({ id: Id, title: z.string(), owner: PostRef.nullable() })),
  children: z.array(TargetSummary),
  /** Sum of the active children's weights; a decomposition counts as complete at exactly 100. */
  childWeightSum: z.number(),
  isDecompositionComplete: z.boolean(),
  recentProgress: z.array(ProgressUpdate),
  /** What the current user may do here (the server enforces the same rules). */
  permissions: z.object({ canEdit: z.boolean(), canDecompose: z.boolean(), canRecordProgress: z.boolean() }),
}).meta({ id: 'TargetDetail' });
export type TargetDetail = z.infer<typeof TargetDetail>;

const Title = z.string().trim().min(1, '目标名称不能为空').max(200, '目标名称不能超过 200 个字');
const Weight = z.number().min(0, '权重应在 0–100 之间').max(100, '权重应在 0–100 之间');
const Amount = z.number().min(-1e9).max(1e9);

const TargetFields = z.object({
  title: Title,
  description: z.string().trim().max(2000, '说明不能超过 2000 个字').nullable().optional(),
  weight: Weight,
  measureKind: MeasureKind,
  measureUnit: z.string().trim().max(20, '计量单位不能超过 20 个字').nullable().optional(),
  baseline: Amount.optional(),
  goal: Amount,
  dueDate: DateOnly,
});

export const CreateTarget = TargetFields.extend({
  year: z.number().int().min(2000).max(2100),
  category: TargetCategory,
  line: Line,
  ownerPostId: Id,
  parentId: Id.nullable().optional(),
})
  .strict()
  .meta({ id: 'CreateTarget' });
export type CreateTarget = z.infer<typeof CreateTarget>;

export const UpdateTarget = TargetFields.partial()
  .extend({ version: Version, ownerPostId: Id.optional() })
  .strict()
  .meta({ id: 'UpdateTarget' });
export type UpdateTarget = z.infer<typeof UpdateTarget>;

export const ArchiveTarget = z.object({ version: Version }).strict().meta({ id: 'ArchiveTarget' });

/** Replaces a target's decomposition: children with an id are updated, without one created, missing ones archived. */
export const DecomposeTarget = z
  .object({
    version: Version,
    children: z
      .array(TargetFields.extend({ id: Id.optional(), ownerPostId: Id }).strict())
      .max(200, '一次最多分解为 200 个子目标'),
  })
  .strict()
  .meta({ id: 'DecomposeTarget' });
export type DecomposeTarget = z.infer<typeof DecomposeTarget>;

/** 千斤重担众人挑: one template to every post of a tier and/or unit, each under its superior's matching target. */
export const BulkAssignTargets = z
  .object({
    year: z.number().int().min(2000).max(2100),
    category: TargetCategory,
    line: Line,
    template: TargetFields,
    scope: z
      .object({ tier: z.number().int().min(2).max(4).optional(), unitId: Id.optional() })
      .refine((s) => s.tier !== undefined || s.unitId !== undefined, '请选择层级或部门'),
  })
  .strict()
  .meta({ id: 'BulkAssignTargets' });
export const BulkAssignResult = z
  .object({
    created: z.array(z.object({ targetId: Id, ownerPostId: Id, parentId: Id.nullable() })),
    skipped: z.array(z.object({ postId: Id, reason: z.string() })),
  })
  .meta({ id: 'BulkAssignResult' });

export const TargetsQuery = PageQuery.extend({
  year: Year.optional(),
  ownerPostId: Id.optional(),
  personId: Id.optional(),
  unitId: Id.optional(),
  parentId: Id.optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  category: TargetCategory.optional(),
  line: Line.optional(),
  q: z.string().trim().max(50).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export const TargetPage = paged(TargetSummary).meta({ id: 'TargetPage' });

export const TargetTreeQuery = z.object({ depth: z.coerce.number().int().min(1).max(4).default(4) });
export const TargetTree = z
  .object({ rootId: Id, nodes: z.array(TargetSummary) })
  .meta({ id: 'TargetTree', description: 'The subtree as a flat list; build the tree from parentId.' });

export const RecordProgress = z
  .object({
    value: z.number().min(-1e9).max(1e9),
    note: z.string().trim().min(1, '请填写进展说明').max(2000, '进展说明不能超过 2000 个字'),
    evidenceUrl: z
      .url({ protocol: /^https?$/, message: '证明材料链接应为 http(s) 地址' })
      .max(500)
      .nullable()
      .optional(),
    evidenceFileId: Id.nullable().optional(),
  })
  .strict()
  .meta({ id: 'RecordProgress' });
export type RecordProgress = z.infer<typeof RecordProgress>;

export const ProgressRecorded = z
  .object({
    update: ProgressUpdate,
    /** The target and every ancestor whose roll-up changed, nearest first. */
    rollUp: z.array(z.object({ targetId: Id, progress: z.number() })),
  })
  .meta({ id: 'ProgressRecorded' });

export const ProgressHistory = z.object({ items: z.array(ProgressUpdate) }).meta({ id: 'ProgressHistory' });

export const EvidenceFile = z
  .object({ id: Id, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() })
  .meta({ id: 'EvidenceFile' });
export const EvidenceUploadQuery = z.object({
  filename: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
});
/** Evidence uploads: at most 10 MiB, these types only. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
