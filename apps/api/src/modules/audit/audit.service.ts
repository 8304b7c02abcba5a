// Rule 10: every change of targets, progress, scores and results is recorded — who, when, before,
// after — in an append-only, hash-chained log (one chain per organisation).
import type { Tx } from '../../db/transaction';
import { GENESIS_HASH, hashAuditRecord, toAuditJson, type AuditRecord } from './audit-hash';
import type { AuditRepository } from './audit.repository';

export interface AuditInput {
  organisationId: string | null;
  actorUserId: string | null;
  /** Verb in dotted form, e.g. `target.update`, `progress.record`, `gap.waive`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface ChainVerification {
  organisationId: string | null;
  checked: number;
  isIntact: boolean;
  /** The first entry whose stored hashes do not match what its content and predecessor give. */
  firstBroken?: { id: string; at: string; action: string; reason: 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' };
}

export function createAuditService(repo: AuditRepository, now: () => Date = () => new Date()) {
  return {
    /** Appends inside the caller's transaction, so the entry commits or rolls back with the change. */
    async append(tx: Tx, input: AuditInput): Promise<void> {
      await repo.lockChain(tx, input.organisationId);
      const prevHash = (await repo.lastHash(tx, input.organisationId)) ?? GENESIS_HASH;
      const at = now();
      const record: AuditRecord = {
        organisationId: input.organisationId,
        actorUserId: input.actorUserId,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        before: toAuditJson(input.before),
        after: toAuditJson(input.after),
        at: at.toISOString(),
      };
      await repo.insert(tx, { ...record, at, prevHash, hash: hashAuditRecord(prevHash, record) });
    },

    async verify(organisationId: string | null): Promise<ChainVerification> {
      let prevHash = GENESIS_HASH;
      let afterId = 0n;
      let checked = 0;
      for (;;) {
        const page = await repo.page(organisationId, afterId, 1000);
        if (page.length === 0) return { organisationId, checked, isIntact: true };
        for (const entry of page) {
          const record: AuditRecord = {
            organisationId: entry.organisationId,
            actorUserId: entry.actorUserId,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            before: entry.before,
            after: entry.after,
            at: entry.at.toISOString(),
          };
          const broken = (reason: 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH'): ChainVerification => ({
            organisationId,
            checked,
            isIntact: false,
            firstBroken: { id: entry.id.toString(), at: record.at, action: entry.action, reason },
          });
          if (entry.prevHash !== prevHash) return broken('PREV_HASH_MISMATCH');
          if (entry.hash !== hashAuditRecord(prevHash, record)) return broken('HASH_MISMATCH');
          prevHash = entry.hash;
          checked++;
          afterId = entry.id;
        }
      }
    },

    /** A page of one organisation's log, newest first, with the actors' names. */
    async list(
      organisationId: string,
      query: { page: number; pageSize: number; entityType?: string; entityId?: string; action?: string },
    ) {
      const { total, rows } = await repo.list(
        organisationId,
        query,
        (query.page - 1) * query.pageSize,
        query.pageSize,
      );
      const names = await repo.userNames(
        organisationId,
        rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])),
      );
      return {
        items: rows.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actor: r.actorUserId ? { userId: r.actorUserId, name: names.get(r.actorUserId) ?? '' } : null,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async verifyAll(): Promise<ChainVerification[]> {
      const ids = await repo.organisationIds();
      return Promise.all(ids.map((id) => this.verify(id)));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
