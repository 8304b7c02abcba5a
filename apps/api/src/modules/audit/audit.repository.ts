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

    /** One organisation's entries, newest first, filtered, with the total. */
    async list(
      organisationId: string,
      filter: { entityType?: string; entityId?: string; action?: string },
      skip: number,
      take: number,
    ) {
      const where = {
        organisationId,
        ...(filter.entityType ? { entityType: filter.entityType } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      };
      const [total, rows] = await Promise.all([
        db.auditEntry.count({ where }),
        db.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip, take }),
      ]);
      return { total, rows };
    },

    async userNames(organisationId: string, userIds: string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const users = await db.userAccount.findMany({
        where: { organisationId, id: { in: [...new Set(userIds)] } },
        select: { id: true, person: { select: { name: true } } },
      });
      return new Map(users.map((u) => [u.id, u.person.name]));
    },

    organisationIds: async () =>
      (await db.auditEntry.findMany({ distinct: ['organisationId'], select: { organisationId: true } })).map(
        (r) => r.organisationId,
      ),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
