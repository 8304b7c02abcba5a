// Progress (DOMAIN rule 5): append-only updates recorded by the owner or the owner's direct superior,
// each refreshing the roll-up to the root in the same transaction; and the evidence files they cite.
import { createHash, randomUUID } from 'node:crypto';
import type { RecordProgress } from '@zeren/contracts';
import { normaliseProgress } from '@zeren/domain';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { WriteHooks } from '../../http/idempotency';
import type { Upload } from '../../http/route';
import type { AccessService, TargetFacts } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import { computeRollUp } from './roll-up';
import { toProgressUpdate } from './targets.mapper';
import type { TargetFactsRow, TargetsRepository } from './targets.repository';
import { factsOf, TX_OPTIONS } from './targets.service';

/** Recording refused before anything is written; the caller answers 403 or 404 outside the transaction. */
class NotRecordable extends Error {
  constructor(readonly facts: TargetFacts) {
    super('not recordable');
  }
}

type In<T extends z.ZodType> = z.output<T>;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** What each accepted type's bytes must begin with: the declared type is checked against the file. */
const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
};

export const hasMagicBytes = (bytes: Uint8Array, mimeType: string): boolean => {
  const magic = MAGIC[mimeType];
  return magic !== undefined && bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
};

/** A file name safe to store and to send back: no path, no control characters, no quotes. */
export const cleanFilename = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .trim()
    .slice(0, 200) || '证明材料';

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function createProgressService(deps: {
  db: Db;
  repo: TargetsRepository;
  access: AccessService;
  audit: AuditService;
}) {
  const { db, repo, access, audit } = deps;

  async function loadVisible(actor: Actor, id: string): Promise<TargetFactsRow> {
    const row = await repo.findFacts(actor.organisationId, id);
    if (!row || !(await access.canReadTarget(actor, factsOf(row)))) throw notFound('目标');
    return row;
  }

  async function record(actor: Actor, targetId: string, input: In<typeof RecordProgress>, hooks: WriteHooks) {
    const org = actor.organisationId;
    const evidenceFileId = input.evidenceFileId ?? null;
    return db.$transaction(async (tx) => {
      const {
        facts: row,
        evidenceUploadedById,
        frontier,
      } = await repo.lockProgressFrontier(tx, org, targetId, evidenceFileId);
      if (!row) throw notFound('目标');
      const facts = {
        ownerPostId: row.ownerPostId,
        line: row.line,
        ownerSuperiorId: row.line === 'ADMINISTRATIVE' ? row.adminSuperiorId : row.partySuperiorId,
        parentOwnerPostId: row.parentOwnerPostId,
        isRoot: row.parentId === null,
      };
      // Whoever may record may read (the owner, the owner's superior). The read scope, which tells
      // "not yours" (403) from "not visible" (404), is looked up after the rollback: a query on
      // another connection while this transaction holds one could exhaust the pool.
      if (!access.canRecordProgress(actor, facts)) throw new NotRecordable(facts);
      if (row.status !== 'ACTIVE') throw new DomainError('CONFLICT', '该目标已归档，不能填报进度');
      if (row.activeChildren > 0) {
        throw new DomainError('CONFLICT', '该目标已分解，进度由子目标汇总，请在子目标上填报');
      }
      // Only one's own uploads can be cited: citing widens who may download a file.
      if (evidenceFileId && evidenceUploadedById !== actor.userId) throw notFound('证明材料');
      const normalised = normaliseProgress({
        measureKind: row.measureKind,
        baseline: row.baseline,
        goal: row.goal,
        value: input.value,
      });

      const { result: rolled, moved } = computeRollUp(frontier, [targetId], {
        targetId,
        value: input.value,
      });
      const { path, lastRecordedAt } = rolled;
      // Under the root's lock updates of a target commit one after another: make their times
      // strictly increasing too, so the newest update is always the one the target shows.
      const recordedAt = new Date(Math.max(Date.now(), (lastRecordedAt?.getTime() ?? 0) + 1));
      const updateId = randomUUID();
      const self = path.find((p) => p.targetId === targetId);
      const entry = audit.prepare({
        organisationId: org,
        actorUserId: actor.userId,
        action: 'progress.record',
        entityType: 'Target',
        entityId: targetId,
        before: { latestValue: row.latestValue, progress: self?.previous ?? row.progress },
        after: {
          progressUpdateId: updateId,
          value: input.value,
          normalised,
          note: input.note,
          evidenceUrl: input.evidenceUrl ?? null,
          evidenceFileId,
          latestValue: input.value,
          progress: self?.progress ?? normalised,
          rollUp: path
            .filter((p) => p.progress !== p.previous)
            .map((p) => ({ targetId: p.targetId, from: p.previous, to: p.progress })),
        },
      });
      const { update, recorderName } = await repo.writeProgressUpdate(
        tx,
        {
          id: updateId,
          organisationId: org,
          targetId,
          value: input.value,
          normalised,
          note: input.note,
          evidenceUrl: input.evidenceUrl ?? null,
          evidenceFileId,
          recordedById: actor.userId,
          recordedAt,
        },
        moved,
        entry,
      );
      const names = new Map(recorderName === null ? [] : [[actor.userId, recorderName]]);
      // The target, then every ancestor whose figure moved (once one stays, none above can move).
      const rollUp = [];
      for (const p of path) {
        if (p.targetId !== targetId && p.progress === p.previous) break;
        rollUp.push({ targetId: p.targetId, progress: p.progress });
      }
      const result = { update: toProgressUpdate(update, names), rollUp };
      // An Idempotency-Key's answer commits with the update (http/idempotency.ts).
      await hooks.beforeCommit?.(tx, result);
      return result;
    }, TX_OPTIONS);
  }

  return {
    async listProgress(actor: Actor, targetId: string) {
      await loadVisible(actor, targetId);
      const rows = await repo.listProgress(actor.organisationId, targetId);
      const names = await repo.userNames(
        actor.organisationId,
        rows.map((r) => r.recordedById),
      );
      return { items: rows.map((r) => toProgressUpdate(r, names)) };
    },

    /**
     * One transaction: lock the root, insert the update, set the target's latest value and progress,
     * recompute every ancestor up to the root, write the audit entry. When it commits, the
     * bureau-level roll-up (and the dashboards' summaries, kept by triggers) includes it.
     *
     * Round trips (docs/performance.md): BEGIN; the facts, the roots' locks and the frontier in one
     * statement; the update, the roll-up writes, the audit entry and the recorder's name in one
     * statement; COMMIT — four, five with the session lookup (one more with an Idempotency-Key).
     */
    async recordProgress(
      actor: Actor,
      targetId: string,
      input: In<typeof RecordProgress>,
      hooks: WriteHooks = {},
    ) {
      try {
        return await record(actor, targetId, input, hooks);
      } catch (error) {
        if (!(error instanceof NotRecordable)) throw error;
        if (!(await access.canReadTarget(actor, error.facts))) throw notFound('目标');
        throw forbidden('只有目标责任人或其直接上级（如科长）可以填报该目标的进度');
      }
    },

    async uploadEvidence(actor: Actor, filename: string, upload: Upload) {
      if (!hasMagicBytes(upload.bytes, upload.mimeType)) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          '文件内容与声明的类型不符，请上传真实的 PDF、图片、Word 或 Excel 文件',
        );
      }
      const org = actor.organisationId;
      const name = cleanFilename(filename);
      const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
      return db.$transaction(async (tx) => {
        const file = await repo.createEvidence(tx, {
          organisationId: org,
          filename: name,
          mimeType: upload.mimeType,
          sizeBytes: upload.bytes.length,
          sha256,
          content: new Uint8Array(upload.bytes),
          uploadedById: actor.userId,
        });
        await audit.append(tx, {
          organisationId: org,
          actorUserId: actor.userId,
          action: 'evidence.upload',
          entityType: 'EvidenceFile',
          entityId: file.id,
          before: null,
          after: file,
        });
        return { id: file.id, filename: file.filename, mimeType: file.mimeType, sizeBytes: file.sizeBytes };
      });
    },

    /** Streams the file to its uploader, or to whoever may read a target whose progress cites it. */
    async downloadEvidence(actor: Actor, id: string, res: Response) {
      const file = await repo.findEvidenceWithCiters(actor.organisationId, id);
      const citedBy = (file?.progressUpdates ?? []).map((u) => ({
        ownerPostId: u.target.ownerPostId,
        parentOwnerPostId: u.target.parent?.ownerPostId ?? null,
      }));
      if (!file || !(await access.canReadEvidence(actor, { uploadedById: file.uploadedById, citedBy }))) {
        throw notFound('证明材料');
      }
      const bytes = Buffer.from(file.content);
      res.status(200);
      res.setHeader('Content-Type', file.mimeType);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', contentDisposition(file.filename));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
