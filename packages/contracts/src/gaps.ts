import { z } from 'zod';
import { Year } from './common-http';
import { Id, Line, TargetCategory } from './common';
import { PostRef } from './targets';

/** The closed-chain check (DOMAIN rule 4). */
export const GapKind = z.enum([
  'TARGET_WITHOUT_OWNER',
  'PARENT_NOT_OWNED_BY_SUPERIOR',
  'POST_MISSING_CATEGORY',
  'WEIGHTS_NOT_100',
  'POST_WITHOUT_HOLDER',
  'POST_WITHOUT_SUPERIOR',
]);
export type GapKind = z.infer<typeof GapKind>;

export const GapWaiver = z
  .object({
    id: Id,
    gapKey: z.string(),
    reason: z.string(),
    waivedBy: z.string(),
    waivedAt: z.iso.datetime(),
  })
  .meta({ id: 'GapWaiver' });

export const Gap = z
  .object({
    kind: GapKind,
    /** Stable across recomputation: waivers refer to it. */
    key: z.string(),
    detail: z.string(),
    post: PostRef.nullable(),
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    target: z.object({ id: Id, title: z.string() }).nullable(),
    category: TargetCategory.nullable(),
    line: Line.nullable(),
    waiver: GapWaiver.nullable(),
  })
  .meta({ id: 'Gap' });
export type Gap = z.infer<typeof Gap>;

export const GapsQuery = z.object({
  year: Year.optional(),
  kind: GapKind.optional(),
  unitId: Id.optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  category: TargetCategory.optional(),
  line: Line.optional(),
});

export const GapReport = z
  .object({
    year: z.number().int(),
    /** Open (not waived) gaps per kind, over the whole filter-free report. */
    openCounts: z.record(GapKind, z.number().int()),
    openTotal: z.number().int(),
    waivedTotal: z.number().int(),
    gaps: z.array(Gap),
    isYearPublished: z.boolean(),
    canPublish: z.boolean(),
  })
  .meta({ id: 'GapReport' });
export type GapReport = z.infer<typeof GapReport>;

export const WaiveGap = z
  .object({
    year: z.number().int().min(2000).max(2100),
    gapKey: z.string().min(1).max(200),
    reason: z.string().trim().min(2, '请填写豁免理由').max(500, '豁免理由不能超过 500 个字'),
  })
  .strict()
  .meta({ id: 'WaiveGap' });

export const YearParams = z.object({ year: Year });
export const TargetYearState = z
  .object({
    year: z.number().int(),
    status: z.enum(['DRAFT', 'PUBLISHED']),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TargetYearState' });
