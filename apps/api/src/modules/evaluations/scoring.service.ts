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
import type { CycleRow, EvaluationsRepository, PersonWithPosts } from './evaluations.repository';
import { completionByPerson } from './results.service';

type ScoreRow = Awaited<ReturnType<EvaluationsRepository['myScores']>>[number];
type AdjustmentRow = Awaited<ReturnType<EvaluationsRepository['myAdjustments']>>[number];

const toSaved = (s: ScoreRow): SavedScore => ({
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
      return db.$transaction(
        async (tx) => {
          const cycle = await lockOpenCycle(tx, actor, cycleId);
          if (cycle.kind === 'ANNUAL')
            throw new DomainError(
              'CONFLICT',
              '年度考核不单独评分，结果由本年度已发布的季度考核汇总；如需一票否决，请登记否决项',
            );
          const { settings, population } = await myPopulation(tx, actor, cycle);
          refuseOutsiders(
            actor,
            cells.map((c) => c.evalueeId),
            population,
            settings,
          );
          const saved: SavedScore[] = [];
          const stale: StaleScoresDetails['stale'] = [];
          const changes: { evalueeId: string; category: TargetCategory; before: unknown; after: number }[] =
            [];
          for (const cell of cells) {
            const value = roundTo2(cell.value);
            const find = () => repo.findScore(cycle.id, actor.personId, cell.evalueeId, cell.category, tx);
            let current = await find();
            if (!current && cell.version === undefined) {
              const created = await repo.insertScore(tx, {
                organisationId: cycle.organisationId,
                cycleId: cycle.id,
                evaluatorId: actor.personId,
                evalueeId: cell.evalueeId,
                category: cell.category,
                value,
              });
              current = await find();
              if (created && current) {
                changes.push({
                  evalueeId: cell.evalueeId,
                  category: cell.category,
                  before: null,
                  after: value,
                });
                saved.push(toSaved(current));
                continue;
              }
            }
            if (!current) {
              stale.push({
                evalueeId: cell.evalueeId,
                category: cell.category,
                sentVersion: cell.version ?? null,
                current: null,
              });
              continue;
            }
            if (num(current.value) === value) {
              saved.push(toSaved(current));
              continue;
            }
            const isUpdated =
              cell.version === current.version &&
              (await repo.updateScore(tx, current.id, current.version, value));
            const after = await find();
            if (!isUpdated || !after) {
              stale.push({
                evalueeId: cell.evalueeId,
                category: cell.category,
                sentVersion: cell.version ?? null,
                current: after ? toSaved(after) : null,
              });
              continue;
            }
            changes.push({
              evalueeId: cell.evalueeId,
              category: cell.category,
              before: { value: num(current.value), version: current.version, status: current.status },
              after: value,
            });
            saved.push(toSaved(after));
          }
          if (stale.length > 0) {
            const first = stale[0]!;
            const name = population.find((p) => p.id === first.evalueeId)?.name ?? '';
            throw new DomainError(
              'STALE_VERSION',
              `${name}的“${TARGET_CATEGORY_LABELS[first.category]}”评分已在别处修改${stale.length > 1 ? `（共 ${stale.length} 项）` : ''}，请刷新后再保存`,
              { stale } satisfies StaleScoresDetails,
            );
          }
          if (changes.length > 0) {
            await audit.append(tx, {
              organisationId: cycle.organisationId,
              actorUserId: actor.userId,
              action: 'score.save',
              entityType: 'EvaluationCycle',
              entityId: cycle.id,
              after: { evaluatorId: actor.personId, changes },
            });
          }
          const result = { cells: saved, changed: changes.length };
          await hooks.beforeCommit?.(tx, result); // an Idempotency-Key's answer commits with the scores
          return result;
        },
        { timeout: 20_000 },
      );
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
