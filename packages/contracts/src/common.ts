import { z } from 'zod';

/** Every error body has this one shape. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  /** Well-formed but refused as a whole, e.g. an import whose rows have errors (422). */
  'UNPROCESSABLE_CONTENT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().meta({ description: 'A message a person can act on (Chinese by default).' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** One issue of a rejected request, as sent in `details` for VALIDATION_FAILED. */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** 四级责任: tier 1 (party secretary, director) … tier 4 (party members, staff). */
export const Tier = z.number().int().min(1).max(4);
export type Tier = 1 | 2 | 3 | 4;

/** 两条主线. */
export const Line = z.enum(['ADMINISTRATIVE', 'PARTY']);
export type Line = z.infer<typeof Line>;

/** 三大目标. */
export const TargetCategory = z.enum(['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT']);
export type TargetCategory = z.infer<typeof TargetCategory>;

export const UnitKind = z.enum([
  'LEADERSHIP',
  'SECTION',
  'PARTY_BRANCH',
  'PARTY_GROUP',
  'UNION',
  'YOUTH_LEAGUE',
  'WOMENS_FEDERATION',
  'ASSESSMENT_GROUP',
]);
export type UnitKind = z.infer<typeof UnitKind>;

/** Account roles. Tiers come from the posts a person holds, not from the account. */
export const Role = z.enum(['ADMIN', 'ASSESSOR']);
export type Role = z.infer<typeof Role>;
