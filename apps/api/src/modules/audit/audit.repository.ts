import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';

export function createAuditRepository(db: Db) {
  return {
    /** Serialises appends to one organisation's chain until the transaction ends. */
    lockChain: (tx: Tx, organisationId: string | null) =>
      tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organisationId ?? '-'}`}, 0))`,

    lastHash: async (tx: Tx, organisationId: string | null) => {
      const last = await tx.auditEntry.findFirst({
        where: { organisationId },
        orderBy: { id: 'desc' },
        select: { hash: true },
      });
      return last?.hash;
    },

    insert: (
      tx: Tx,
      entry: {
        organisationId: string | null;
        actorUserId: string | null;
        action: string;
        entityType: string;
        entityId: string;
        before: unknown;
        after: unknown;
        at: Date;
        prevHash: string;
        hash: string;
      },
    ) => tx.auditEntry.create({ data: entry as never, select: { id: true } }),

    /** One organisation's entries in chain order, a page at a time. */
    page: (organisationId: string | null, afterId: bigint, take: number) =>
      db.auditEntry.findMany({
        where: { organisationId, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take,
      }),

    organisationIds: async () =>
      (await db.auditEntry.findMany({ distinct: ['organisationId'], select: { organisationId: true } })).map(
        (r) => r.organisationId,
      ),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
