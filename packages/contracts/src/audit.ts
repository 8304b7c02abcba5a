import { z } from 'zod';
import { DateOnly, PageQuery, paged } from './common-http';
import { Id } from './common';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ userId: Id, name: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** The entity's name or title as it is now (or was, if it is gone); null when it has none. */
    entityLabel: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    /** The chain link: SHA-256 (hex) of the previous entry, and of `prevHash` + this entry's canonical JSON. */
    prevHash: Sha256Hex,
    hash: Sha256Hex,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * Filters of the audit log. `actor` matches the actor's name (part of it) or user name (exactly);
 * `from`/`to` are calendar days in the bureau's time zone (Asia/Shanghai), both inclusive.
 */
export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(50).optional(),
  actor: z.string().trim().min(1).max(50, '操作人不能超过 50 个字').optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: '开始日期不能晚于结束日期',
  path: ['to'],
});
export type AuditQuery = z.input<typeof AuditQuery>;
export const AuditPage = paged(AuditEntry).meta({ id: 'AuditPage' });

export const AuditVerification = z
  .object({
    checked: z.number().int(),
    isIntact: z.boolean(),
    firstBroken: z
      .object({
        id: z.string(),
        at: z.string(),
        action: z.string(),
        reason: z.enum(['PREV_HASH_MISMATCH', 'HASH_MISMATCH']),
      })
      .optional(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerification>;
