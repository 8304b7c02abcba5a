import { z } from 'zod';
import { PageQuery, paged } from './common-http';
import { Id } from './common';

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ userId: Id, name: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(50).optional(),
});
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
