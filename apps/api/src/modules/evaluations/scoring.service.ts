// Scoring (DOMAIN rule 7): assessment-group members enter 0–100 scores per evaluee and category,
// with bonus / deduction / veto items, while the cycle is open and inside its window. Drafts are
// saved cell by cell (idempotent, versioned); submission hands them in. No one scores themselves.
import type {
  AddAdjustment,
  AdjustmentView,
  EvalueeContext,
  MyScore,
  SavedScore,
  SaveScores,
  SaveScoresResult,
  StaleScoresDetails,
  SubmitResult,
  SubmitScores,
  ProposedDeduction,
  TargetCategory,
  Workbench,
  WorkbenchEvaluee,
  WorkbenchQuery,
} from '@zeren/contracts';
import {
  checkScoreWindow,
  compareIds,
  roundTo2,
  TARGET_CATEGORIES,
  TARGET_CATEGORY_LABELS,
} from '@zeren/domain';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import type { WriteHooks } from '../../http/idempotency';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import {
  compareEvaluees,
  cyclePopulation,
  evaluatorPopulation,
  loadSettings,
  num,
  numOrNull,
  toCycleSummary,
  toEvalueeRef,
  whyNotMyEvaluee,
} from './evaluation-support';
import type {
  CycleRow,
  EvaluationsRepository,
  PersonWithPosts,
  ScoreCell,
  ScoringFacts,
} from './evaluations.repository';
import { completionByPerson } from './results.service';

type ScoreRow = Awaited<ReturnType<EvaluationsRepository['myScores']>>[number];
type AdjustmentRow = Awaited<ReturnType<EvaluationsRepository['myAdjustments']>>[number];

/** A new cell of a batch was created by a concurrent request: the save runs once more. */
class RetrySave extends Error {}

const toSaved = (s: ScoreRow | ScoreCell): SavedScore => ({
  evalueeId: s.evalueeId,
  category: s.category,
  value: num(s.value),
  status: s.status,
  version: s.version,
  updatedAt: s.updatedAt.toISOString(),
});

const toAdjustmentView = (a: AdjustmentRow): AdjustmentView => ({
  id: a.id,
  evalueeId: a.evalueeId,
  kind: a.kind,
  amount: numOrNull(a.amount),
  reason: a.reason,
  status: a.status,
  createdAt: a.createdAt.toISOString(),
});

/** Whether scores are accepted now, and if not, why (in Chinese). */
export function scoringWindowState(cycle: CycleRow, at: Date) {
  const outcome = checkScoreWindow(
    {
      status: cycle.status,
      windowStart: cycle.windowStart ?? new Date(8.64e15),
      windowEnd: cycle.windowEnd ?? new Date(-8.64e15),
    },
    at,
  );
  return outcome.ok
    ? { isOpenNow: true, closedReason: null, kind: null }
    : { isOpenNow: false, closedReason: outcome.error.message, kind: outcome.error.kind };
}

/** Deductions proposed from supervision findings (督导, modules/supervision) for these evaluees. */
export interface DeductionProposer {
  forCycle(cycle: CycleRow, evaluees: readonly PersonWithPosts[], c?: Tx): Promise<ProposedDeduction[]>;
}

export function createScoringService(deps: {
  db: Db;
  repo: EvaluationsRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
  proposals?: DeductionProposer;
}) {
  const { db, repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  function requireAssessor(actor: Actor) {
    if (!access.canScore(actor)) throw forbidden('只有考核督导组成员可以评分');
  }

  async function findCycleOr404(actor: Actor, cycleId: string) {
    const cycle = await repo.findCycle(actor.organisationId, cycleId);
    if (!cycle) throw notFound('考核周期');
    return cycle;
  }

  /** Locks the cycle against transitions and checks that scores are accepted now (409 with the reason). */
  async function lockOpenCycle(tx: Tx, actor: Actor, cycleId: string) {
    const cycle = await repo.lockCycle(tx, actor.organisationId, cycleId, 'share');
    if (!cycle) throw notFound('考核周期');
    const state = scoringWindowState(cycle, now());
    if (!state.isOpenNow) throw new DomainError('CONFLICT', state.closedReason!, { reason: state.kind });
    return cycle;
  }

  /** The evaluees this actor scores in the cycle (inside the caller's transaction). */
  async function myPopulation(tx: Tx, actor: Actor, cycle: CycleRow) {
    const settings = await loadSettings(repo, cycle.organisationId, tx);
    const population = await cyclePopulation(repo, cycle, tx);
    return { settings, population, mine: evaluatorPopulation(actor, population, settings) };
  }

  /** The cycle of `scoringFacts`, 404 when missing, 409 with the reason when it takes no scores now. */
  function openCycleOf(facts: ScoringFacts) {
    const cycle = facts.cycle;
    if (!cycle) throw notFound('考核周期');
    const state = scoringWindowState(cycle as CycleRow, now());
    if (!state.isOpenNow) throw new DomainError('CONFLICT', state.closedReason!, { reason: state.kind });
    return cycle;
  }

  /** `refuseOutsiders` for the named evaluees of `scoringFacts` (the same reasons, the same order). */
  function refuseNamedOutsiders(actor: Actor, evalueeIds: string[], facts: ScoringFacts) {
    const ownUnits = new Set(actor.posts.map((p) => p.unitId));
    const byId = new Map(facts.evaluees.map((e) => [e.id, e]));
    const refused = [...new Set(evalueeIds)].flatMap((id) => {
      const person = byId.get(id);
      const why =
        id === actor.personId
          ? '不能给自己评分'
          : !person || !person.isEvaluee
            ? '该人员不是本考核周期的被考评人'
            : facts.barOwnUnitScoring && person.unitIds.some((u) => ownUnits.has(u))
              ? `按本单位规定，不能给本部门人员（${person.name}）评分`
              : null;
      return why ? [{ evalueeId: id, reason: why }] : [];
    });
    if (refused.length > 0) throw new DomainError('FORBIDDEN', refused[0]!.reason, { refused });
  }

  /** Submitting named evaluees: BEGIN, the facts, the updates with the audit entry, COMMIT. */
  async function submitNamed(
    actor: Actor,
    cycleId: string,
    evalueeIds: string[],
    hooks: WriteHooks,
  ): Promise<SubmitResult> {
    return db.$transaction(
      async (tx) => {
        const facts = await repo.scoringFacts(tx, actor.organisationId, cycleId, actor.personId, evalueeIds);
        const cycle = openCycleOf(facts);
        refuseNamedOutsiders(actor, evalueeIds, facts);
        if (cycle.kind !== 'ANNUAL') {
          const incomplete = evalueeIds.flatMap((id) => {
            const missingCategories = TARGET_CATEGORIES.filter(
              (c) => !facts.scores.some((s) => s.evalueeId === id && s.category === c),
            );
            const name = facts.evaluees.find((p) => p.id === id)?.name ?? '';
            return missingCategories.length ? [{ evalueeId: id, name, missingCategories }] : [];
          });
          if (incomplete.length > 0) {
            const names = incomplete
              .slice(0, 10)
              .map(
                (i) => `${i.name}（${i.missingCategories.map((c) => TARGET_CATEGORY_LABELS[c]).join('、')}）`,
              )
              .join('；');
            throw new DomainError(
              'CONFLICT',
              `以下被考评人尚有未评分的类目，未提交：${names}${incomplete.length > 10 ? ` 等 ${incomplete.length} 人` : ''}`,
              { incomplete },
            );
          }
        }
        const expected = {
          scoresSubmitted: facts.scores.filter((s) => s.status === 'DRAFT').length,
          adjustmentsSubmitted: facts.draftAdjustments,
        };
        const entry =
          expected.scoresSubmitted + expected.adjustmentsSubmitted > 0
            ? audit.prepare({
                organisationId: cycle.organisationId,
                actorUserId: actor.userId,
                action: 'score.submit',
                entityType: 'EvaluationCycle',
                entityId: cycle.id,
                after: { evaluatorId: actor.personId, evalueeIds, ...expected },
              })
            : null;
        const counts =
          entry === null
            ? expected
            : await repo.submitWithAudit(
                tx,
                { cycleId: cycle.id, evaluatorId: actor.personId, evalueeIds, at: now() },
                entry,
              );
        if (
          counts.scoresSubmitted !== expected.scoresSubmitted ||
          counts.adjustmentsSubmitted !== expected.adjustmentsSubmitted
        ) {
          // Another request of this evaluator changed the drafts meanwhile: nothing is kept.
          throw new DomainError('CONFLICT', '评分在提交时被另一操作修改，请刷新后重新提交');
        }
        const result = { evalueeIds, ...counts };
        await hooks.beforeCommit?.(tx, result); // an Idempotency-Key's answer commits with the submission
        return result;
      },
      { timeout: 20_000 },
    );
  }

  function refuseOutsiders(
    actor: Actor,
    evalueeIds: string[],
    population: Awaited<ReturnType<typeof myPopulation>>['population'],
    settings: Awaited<ReturnType<typeof myPopulation>>['settings'],
  ) {
    const refused = [...new Set(evalueeIds)].flatMap((id) => {
      const why = whyNotMyEvaluee(actor, id, population, settings);
      return why ? [{ evalueeId: id, reason: why }] : [];
    });
    if (refused.length > 0) throw new DomainError('FORBIDDEN', refused[0]!.reason, { refused });
  }

  return {
    async getWorkbench(actor: Actor, cycleId: string, query: WorkbenchQuery): Promise<Workbench> {
      requireAssessor(actor);
      const cycle = await findCycleOr404(actor, cycleId);
      const { settings, mine } = await myPopulation(db, actor, cycle);
      const [scores, adjustments] = await Promise.all([
        repo.myScores(cycle.id, actor.personId),
        repo.myAdjustments(cycle.id, actor.personId),
      ]);
      const acceptsScores = cycle.kind !== 'ANNUAL';
      const entries: WorkbenchEvaluee[] = mine.map((person) => {
        const cells = {} as Record<TargetCategory, MyScore | null>;
        for (const category of TARGET_CATEGORIES) {
          const s = scores.find((x) => x.evalueeId === person.id && x.category === category);
          cells[category] = s
            ? {
                value: num(s.value),
                status: s.status,
                version: s.version,
                updatedAt: s.updatedAt.toISOString(),
              }
            : null;
        }
        const own = adjustments.filter((a) => a.evalueeId === person.id).map(toAdjustmentView);
        const missingCategories = acceptsScores ? TARGET_CATEGORIES.filter((c) => cells[c] === null) : [];
        const hasDraftAdjustment = own.some((a) => a.status === 'DRAFT');
        return {
          ...toEvalueeRef(person),
          scores: cells,
          adjustments: own,
          missingCategories,
          isComplete: missingCategories.length === 0,
          isSubmitted:
            missingCategories.length === 0 &&
            !hasDraftAdjustment &&
            (!acceptsScores || TARGET_CATEGORIES.every((c) => cells[c]?.status === 'SUBMITTED')),
        };
      });
      entries.sort(compareEvaluees);
      const q = query.q?.toLowerCase();
      const filtered = entries.filter(
        (e) =>
          (!q || e.name.toLowerCase().includes(q) || e.employeeNo.toLowerCase().includes(q)) &&
          (!query.unitId || e.unit?.id === query.unitId) &&
          (!query.onlyIncomplete || !e.isSubmitted),
      );
      const start = (query.page - 1) * query.pageSize;
      const state = scoringWindowState(cycle, now());
      return {
        cycle: toCycleSummary(cycle),
        window: {
          start: cycle.windowStart?.toISOString() ?? null,
          end: cycle.windowEnd?.toISOString() ?? null,
          isOpenNow: state.isOpenNow,
          closedReason: state.closedReason,
        },
        acceptsScores,
        categoryWeights: { ...settings.scoring.categoryWeights },
        items: filtered.slice(start, start + query.pageSize),
        total: filtered.length,
        page: query.page,
        pageSize: query.pageSize,
        counts: {
          evaluees: entries.length,
          complete: entries.filter((e) => e.isComplete).length,
          incomplete: entries.filter((e) => !e.isComplete).length,
          submitted: entries.filter((e) => e.isSubmitted).length,
          missingScores: entries.reduce((sum, e) => sum + e.missingCategories.length, 0),
          draftScores: entries.reduce(
            (sum, e) => sum + TARGET_CATEGORIES.filter((c) => e.scores[c]?.status === 'DRAFT').length,
            0,
          ),
        },
        // 督导 findings → proposed deductions (modules/supervision), for my evaluees.
        proposedDeductions: deps.proposals ? await deps.proposals.forCycle(cycle, mine) : [],
      };
    },

    /**
     * Upserts a batch of cells, all or nothing. Per cell: none stored → created (a version sent for
     * a cell that does not exist is stale); the same value stored → left alone (idempotent);
     * another value → changed only when the version sent is the stored one, else 409
     * STALE_VERSION listing every stale cell with what is stored now.
     */
    async saveScores(
      actor: Actor,
      cycleId: string,
      body: SaveScores,
      hooks: WriteHooks = {},
    ): Promise<SaveScoresResult> {
      requireAssessor(actor);
      // A fixed order, so two overlapping batches never lock the same rows in opposite orders.
      const cells = [...body.cells].sort(
        (a, b) => compareIds(a.evalueeId, b.evalueeId) || compareIds(a.category, b.category),
      );
      const run = (attempt: number) =>
        db.$transaction(
          async (tx) => {
            // Round trips (docs/performance.md): BEGIN, the facts, the writes with the audit entry,
            // COMMIT; only the named evaluees are read, never the cycle's whole population.
            const facts = await repo.scoringFacts(tx, actor.organisationId, cycleId, actor.personId, [
              ...new Set(cells.map((c) => c.evalueeId)),
            ]);
            const cycle = openCycleOf(facts);
            if (cycle.kind === 'ANNUAL')
              throw new DomainError(
                'CONFLICT',
                '年度考核不单独评分，结果由本年度已发布的季度考核汇总；如需一票否决，请登记否决项',
              );
            refuseNamedOutsiders(
              actor,
              cells.map((c) => c.evalueeId),
              facts,
            );
            const key = (evalueeId: string, category: string) => `${evalueeId}:${category}`;
            const stored = new Map(facts.scores.map((s) => [key(s.evalueeId, s.category), s]));
            const kept: ScoreCell[] = [];
            const inserts: { evalueeId: string; category: TargetCategory; value: number }[] = [];
            const updates: { id: string; version: number; value: number; before: ScoreCell }[] = [];
            const stale: StaleScoresDetails['stale'] = [];
            for (const cell of cells) {
              const value = roundTo2(cell.value);
              const current = stored.get(key(cell.evalueeId, cell.category));
              if (!current) {
                if (cell.version === undefined)
                  inserts.push({ evalueeId: cell.evalueeId, category: cell.category, value });
                else
                  stale.push({
                    evalueeId: cell.evalueeId,
                    category: cell.category,
                    sentVersion: cell.version,
                    current: null,
                  });
              } else if (current.value === value) kept.push(current);
              else if (cell.version === current.version)
                updates.push({ id: current.id, version: current.version, value, before: current });
              else
                stale.push({
                  evalueeId: cell.evalueeId,
                  category: cell.category,
                  sentVersion: cell.version ?? null,
                  current: toSaved(current),
                });
            }
            const refuseStale = (items: StaleScoresDetails['stale']): never => {
              const first = items[0]!;
              const name = facts.evaluees.find((p) => p.id === first.evalueeId)?.name ?? '';
              throw new DomainError(
                'STALE_VERSION',
                `${name}的“${TARGET_CATEGORY_LABELS[first.category]}”评分已在别处修改${items.length > 1 ? `（共 ${items.length} 项）` : ''}，请刷新后再保存`,
                { stale: items } satisfies StaleScoresDetails,
              );
            };
            if (stale.length > 0) refuseStale(stale);
            const changes = [
              ...inserts.map((c) => ({
                evalueeId: c.evalueeId,
                category: c.category,
                before: null,
                after: c.value,
              })),
              ...updates.map((c) => ({
                evalueeId: c.before.evalueeId,
                category: c.before.category,
                before: { value: c.before.value, version: c.before.version, status: c.before.status },
                after: c.value,
              })),
            ];
            let written: ScoreCell[] = [];
            if (changes.length > 0) {
              // The audit lists the changes in the batch order (sorted above), as before.
              const order = new Map(cells.map((c, i) => [key(c.evalueeId, c.category), i]));
              changes.sort(
                (x, y) =>
                  (order.get(key(x.evalueeId, x.category)) ?? 0) -
                  (order.get(key(y.evalueeId, y.category)) ?? 0),
              );
              written = await repo.writeScores(
                tx,
                { organisationId: cycle.organisationId, cycleId: cycle.id, evaluatorId: actor.personId },
                inserts,
                updates,
                audit.prepare({
                  organisationId: cycle.organisationId,
                  actorUserId: actor.userId,
                  action: 'score.save',
                  entityType: 'EvaluationCycle',
                  entityId: cycle.id,
                  after: { evaluatorId: actor.personId, changes },
                }),
              );
              // A cell written by another request between the read and the write: refused as stale
              // (the transaction rolls back, the audit entry with it).
              const done = new Set(written.map((w) => key(w.evalueeId, w.category)));
              const lost = changes.filter((c) => !done.has(key(c.evalueeId, c.category)));
              // New cells another request (the same batch sent twice) created meanwhile: run the
              // save again on what is stored now, which keeps equal values unchanged, as before.
              if (lost.length > 0 && attempt === 0 && lost.every((c) => c.before === null))
                throw new RetrySave();
              if (lost.length > 0)
                refuseStale(
                  lost.map((c) => ({
                    evalueeId: c.evalueeId,
                    category: c.category as TargetCategory,
                    sentVersion: c.before === null ? null : c.before.version,
                    current: null,
                  })),
                );
            }
            const byKey = new Map([...kept, ...written].map((s) => [key(s.evalueeId, s.category), s]));
            const saved = cells.flatMap((c) => {
              const row = byKey.get(key(c.evalueeId, c.category));
              return row ? [toSaved(row)] : [];
            });
            const result = { cells: saved, changed: changes.length };
            await hooks.beforeCommit?.(tx, result); // an Idempotency-Key's answer commits with the scores
            return result;
          },
          { timeout: 20_000 },
        );
      try {
        return await run(0);
      } catch (error) {
        if (error instanceof RetrySave) return run(1);
        throw error;
      }
    },

    async addAdjustment(actor: Actor, cycleId: string, body: AddAdjustment): Promise<AdjustmentView> {
      requireAssessor(actor);
      return db.$transaction((tx) => this.addAdjustmentIn(tx, actor, cycleId, body));
    },

    /** addAdjustment inside the caller's transaction (an accepted proposed deduction uses it too). */
    async addAdjustmentIn(
      tx: Tx,
      actor: Actor,
      cycleId: string,
      body: AddAdjustment,
    ): Promise<AdjustmentView> {
      requireAssessor(actor);
      const cycle = await lockOpenCycle(tx, actor, cycleId);
      if (cycle.kind === 'ANNUAL' && body.kind !== 'VETO')
        throw new DomainError('CONFLICT', '年度考核只能登记一票否决；加分和扣分请在季度考核中登记');
      const { settings, population } = await myPopulation(tx, actor, cycle);
      refuseOutsiders(actor, [body.evalueeId], population, settings);
      const created = await repo.createAdjustment(tx, {
        organisationId: cycle.organisationId,
        cycleId: cycle.id,
        evaluatorId: actor.personId,
        evalueeId: body.evalueeId,
        kind: body.kind,
        amount: body.kind === 'VETO' ? null : roundTo2(body.amount!),
        reason: body.reason,
      });
      await audit.append(tx, {
        organisationId: cycle.organisationId,
        actorUserId: actor.userId,
        action: 'adjustment.add',
        entityType: 'Adjustment',
        entityId: created.id,
        after: toAdjustmentView(created),
      });
      return toAdjustmentView(created);
    },

    async deleteAdjustment(actor: Actor, cycleId: string, adjustmentId: string): Promise<void> {
      requireAssessor(actor);
      await db.$transaction(async (tx) => {
        const cycle = await repo.lockCycle(tx, actor.organisationId, cycleId, 'share');
        if (!cycle) throw notFound('考核周期');
        const adjustment = await repo.findAdjustment(cycle.id, adjustmentId, tx);
        if (!adjustment || adjustment.evaluatorId !== actor.personId) throw notFound('加扣分项');
        if (adjustment.status === 'SUBMITTED') throw new DomainError('CONFLICT', '已提交的加扣分项不能删除');
        await lockOpenCycle(tx, actor, cycleId);
        await repo.deleteAdjustment(tx, adjustment.id);
        await audit.append(tx, {
          organisationId: cycle.organisationId,
          actorUserId: actor.userId,
          action: 'adjustment.delete',
          entityType: 'Adjustment',
          entityId: adjustment.id,
          before: toAdjustmentView(adjustment),
        });
      });
    },

    /**
     * Hands in my scores and adjustments for the given evaluees (or all of mine). Refused as a whole,
     * listing them, while any of them lacks a category. Submitting again changes nothing.
     */
    async submit(
      actor: Actor,
      cycleId: string,
      body: SubmitScores,
      hooks: WriteHooks = {},
    ): Promise<SubmitResult> {
      requireAssessor(actor);
      if (body.evalueeIds) return submitNamed(actor, cycleId, [...new Set(body.evalueeIds)], hooks);
      return db.$transaction(
        async (tx) => {
          const cycle = await lockOpenCycle(tx, actor, cycleId);
          const { settings, population, mine } = await myPopulation(tx, actor, cycle);
          const evalueeIds = body.evalueeIds ? [...new Set(body.evalueeIds)] : mine.map((p) => p.id);
          refuseOutsiders(actor, evalueeIds, population, settings);
          if (cycle.kind !== 'ANNUAL') {
            const scores = await repo.myScores(cycle.id, actor.personId, tx);
            const incomplete = evalueeIds.flatMap((id) => {
              const missingCategories = TARGET_CATEGORIES.filter(
                (c) => !scores.some((s) => s.evalueeId === id && s.category === c),
              );
              const name = population.find((p) => p.id === id)?.name ?? '';
              return missingCategories.length ? [{ evalueeId: id, name, missingCategories }] : [];
            });
            if (incomplete.length > 0) {
              const names = incomplete
                .slice(0, 10)
                .map(
                  (i) =>
                    `${i.name}（${i.missingCategories.map((c) => TARGET_CATEGORY_LABELS[c]).join('、')}）`,
                )
                .join('；');
              throw new DomainError(
                'CONFLICT',
                `以下被考评人尚有未评分的类目，未提交：${names}${incomplete.length > 10 ? ` 等 ${incomplete.length} 人` : ''}`,
                { incomplete },
              );
            }
          }
          const at = now();
          const scoresSubmitted = (await repo.submitScores(tx, cycle.id, actor.personId, evalueeIds, at))
            .count;
          const adjustmentsSubmitted = (
            await repo.submitAdjustments(tx, cycle.id, actor.personId, evalueeIds)
          ).count;
          if (scoresSubmitted + adjustmentsSubmitted > 0) {
            await audit.append(tx, {
              organisationId: cycle.organisationId,
              actorUserId: actor.userId,
              action: 'score.submit',
              entityType: 'EvaluationCycle',
              entityId: cycle.id,
              after: { evaluatorId: actor.personId, evalueeIds, scoresSubmitted, adjustmentsSubmitted },
            });
          }
          const result = { evalueeIds, scoresSubmitted, adjustmentsSubmitted };
          await hooks.beforeCommit?.(tx, result); // an Idempotency-Key's answer commits with the submission
          return result;
        },
        { timeout: 20_000 },
      );
    },

    /** The evaluee's targets of the cycle's year (owned by their tier 2–4 posts) per category, with progress. */
    async getEvalueeContext(actor: Actor, cycleId: string, personId: string): Promise<EvalueeContext> {
      if (!access.canReadAllResults(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以查看被考评人的目标情况');
      const cycle = await findCycleOr404(actor, cycleId);
      const [person] = await repo.peopleByIds(cycle.organisationId, [personId]);
      if (!person || person.holdings.length === 0) throw notFound('被考评人');
      const targets = await repo.targetsOfPosts(
        cycle.organisationId,
        cycle.year,
        person.holdings.map((h) => h.post.id),
      );
      const completion = completionByPerson([person], targets).get(person.id)!;
      return {
        evaluee: toEvalueeRef(person),
        year: cycle.year,
        categories: TARGET_CATEGORIES.map((category) => ({
          category,
          completion: completion[category],
          targets: targets
            .filter((t) => t.category === category && t.ownerPost)
            .slice(0, 100)
            .map((t) => ({
              id: t.id,
              title: t.title,
              line: t.line,
              weight: num(t.weight),
              measureKind: t.measureKind,
              measureUnit: t.measureUnit,
              goal: num(t.goal),
              latestValue: numOrNull(t.latestValue),
              progress: t.progress,
              dueDate: t.dueDate.toISOString().slice(0, 10),
              post: { id: t.ownerPost!.id, title: t.ownerPost!.title },
            })),
        })),
      };
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
