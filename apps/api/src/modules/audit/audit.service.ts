// Rule 10: every change of targets, progress, scores and results is recorded — who, when, before,
// after — in an append-only, hash-chained log (one chain per organisation).
import type { Tx } from '../../db/transaction';
import {
  canonicalAuditRecord,
  GENESIS_HASH,
  hashAuditRecord,
  toAuditJson,
  type AuditRecord,
} from './audit-hash';
import type { AuditRepository, PreparedAuditEntry } from './audit.repository';

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

export interface AuditListQuery {
  page: number;
  pageSize: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Part of the actor's name, or their exact user name. */
  actor?: string;
  /** Calendar days (YYYY-MM-DD) in the bureau's time zone, both inclusive. */
  from?: string;
  to?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Midnight of a calendar day in the bureau's time zone (Asia/Shanghai: UTC+8 all year, no DST). */
const startOfBureauDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** A name or title kept in an entry's snapshot: what a deleted entity was called. */
function snapshotLabel(snapshot: unknown): string | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  const { title, name } = snapshot as { title?: unknown; name?: unknown };
  if (typeof title === 'string' && title) return title;
  if (typeof name === 'string' && name) return name;
  return null;
}

export interface ChainVerification {
  organisationId: string | null;
  checked: number;
  isIntact: boolean;
  /** The first entry whose stored hashes do not match what its content and predecessor give. */
  firstBroken?: { id: string; at: string; action: string; reason: 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' };
}

export function createAuditService(repo: AuditRepository, now: () => Date = () => new Date()) {
  /** An entry stamped now, with the canonical JSON its hash will cover. */
  function prepare(input: AuditInput): PreparedAuditEntry {
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
    return { ...record, at, canonical: canonicalAuditRecord(record) };
  }

  return {
    prepare,

    /**
     * Appends inside the caller's transaction, so the entry commits or rolls back with the change:
     * one statement (the database takes the chain lock, reads the last hash and hashes the entry).
     */
    async append(tx: Tx, input: AuditInput): Promise<void> {
      await repo.append(tx, prepare(input));
    },

    /**
     * Appends many entries of one organisation in order, with one lock, one read and bulk inserts
     * (an import of thousands of rows); the chain is the same as appending them one by one.
     */
    async appendMany(tx: Tx, organisationId: string, inputs: readonly Omit<AuditInput, 'organisationId'>[]) {
      if (inputs.length === 0) return;
      await repo.lockChain(tx, organisationId);
      let prevHash = (await repo.lastHash(tx, organisationId)) ?? GENESIS_HASH;
      const at = now();
      const rows = inputs.map((input) => {
        const record: AuditRecord = {
          organisationId,
          actorUserId: input.actorUserId,
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId,
          before: toAuditJson(input.before),
          after: toAuditJson(input.after),
          at: at.toISOString(),
        };
        const hash = hashAuditRecord(prevHash, record);
        const row = { ...record, at, prevHash, hash };
        prevHash = hash;
        return row;
      });
      await repo.insertMany(tx, rows);
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

    /** A page of one organisation's log, newest first, with the actors' names and the entities' labels. */
    async list(organisationId: string, query: AuditListQuery) {
      const actorUserIds = query.actor ? await repo.matchingActors(organisationId, query.actor) : undefined;
      const { total, rows } = await repo.list(
        organisationId,
        {
          entityType: query.entityType,
          entityId: query.entityId,
          action: query.action,
          actorUserIds,
          from: query.from ? startOfBureauDay(query.from) : undefined,
          before: query.to ? new Date(startOfBureauDay(query.to).getTime() + DAY_MS) : undefined,
        },
        (query.page - 1) * query.pageSize,
        query.pageSize,
      );
      const [names, labels] = await Promise.all([
        repo.userNames(
          organisationId,
          rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])),
        ),
        repo.entityLabels(organisationId, rows),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actor: r.actorUserId ? { userId: r.actorUserId, name: names.get(r.actorUserId) ?? '' } : null,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          entityLabel:
            labels.get(`${r.entityType}:${r.entityId}`) ?? snapshotLabel(r.after) ?? snapshotLabel(r.before),
          before: r.before,
          after: r.after,
          prevHash: r.prevHash,
          hash: r.hash,
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
