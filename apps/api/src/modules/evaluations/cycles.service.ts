// Evaluation cycles (DOMAIN rule 6): drafted, opened for a window, closed, published; reopened
// before publication if need be. Admin or tier 1 move them; the domain's state machine decides
// which moves are legal. Closing computes provisional results, publishing final ones.
import type {
  AddExclusion,
  AssessorList,
  CreateCycle,
  CycleDetail,
  CyclePage,
  CyclesQuery,
  Exclusion,
  ExclusionList,
  SetAssessors,
  TransitionCycle,
  UpdateCycleWindow,
} from '@zeren/contracts';
import { assertTransition, CYCLE_STATUS_LABELS, listNextStatuses } from '@zeren/domain';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import { cycleLabel, cyclePopulation, toCycleSummary } from './evaluation-support';
import type { CycleRow, EvaluationsRepository } from './evaluations.repository';
import type { ResultsService } from './results.service';
import { scoringWindowState } from './scoring.service';

type ExclusionRow = Awaited<ReturnType<EvaluationsRepository['listExclusions']>>[number];
const toExclusion = (e: ExclusionRow): Exclusion => ({
  personId: e.personId,
  name: e.person.name,
  employeeNo: e.person.employeeNo,
  reason: e.reason,
  createdAt: e.createdAt.toISOString(),
});

const staleCycle = (cycle: CycleRow) =>
  new DomainError('STALE_VERSION', '考核周期已被他人修改，请刷新后再试', { current: toCycleSummary(cycle) });

export function createCyclesService(deps: {
  db: Db;
  repo: EvaluationsRepository;
  access: AccessService;
  audit: AuditService;
  results: ResultsService;
  now?: () => Date;
}) {
  const { db, repo, access, audit, results } = deps;
  const now = deps.now ?? (() => new Date());

  function requireManager(actor: Actor) {
    if (!access.canManageCycles(actor)) throw forbidden('只有管理员或一级责任人可以管理考核周期');
  }

  async function findCycleOr404(actor: Actor, cycleId: string, c?: Tx) {
    const cycle = await repo.findCycle(actor.organisationId, cycleId, c);
    if (!cycle) throw notFound('考核周期');
    return cycle;
  }

  async function toDetail(actor: Actor, cycle: CycleRow): Promise<CycleDetail> {
    const [population, exclusions, assessors, resultCount, amendments] = await Promise.all([
      cyclePopulation(repo, cycle),
      repo.listExclusions(cycle.id),
      repo.countAssessors(cycle.organisationId),
      repo.countResults(cycle.id),
      repo.countAmendments(cycle.id),
    ]);
    const state = scoringWindowState(cycle, now());
    return {
      ...toCycleSummary(cycle),
      nextStatuses: [...listNextStatuses(cycle.status)],
      isScoringOpenNow: state.isOpenNow,
      scoringClosedReason: state.closedReason,
      counts: {
        evaluees: population.length,
        exclusions: exclusions.length,
        assessors,
        results: resultCount,
        amendments,
      },
      permissions: {
        canManage: access.canManageCycles(actor),
        canScore: access.canScore(actor) && state.isOpenNow,
        canReadResults:
          access.canReadAllResults(actor) && (cycle.status === 'CLOSED' || cycle.status === 'PUBLISHED'),
        canAmend: access.canAmendResults(actor) && cycle.status === 'PUBLISHED',
      },
    };
  }

  /** Provisional results follow the people in a closed cycle: recompute after an exclusion changes. */
  async function recomputeIfClosed(tx: Tx, actor: Actor, cycle: CycleRow) {
    if (cycle.status === 'CLOSED') await results.computeAndStore(tx, actor, cycle, { isFinal: false });
  }

  return {
    async listCycles(actor: Actor, query: CyclesQuery): Promise<CyclePage> {
      const page = await repo.listCycles(
        actor.organisationId,
        { year: query.year, status: query.status },
        { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      );
      return {
        items: page.items.map(toCycleSummary),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getCycle(actor: Actor, cycleId: string): Promise<CycleDetail> {
      return toDetail(actor, await findCycleOr404(actor, cycleId));
    },

    async createCycle(actor: Actor, body: CreateCycle): Promise<CycleDetail> {
      requireManager(actor);
      const cycle = await db.$transaction(async (tx) => {
        const existing = await repo.findCycleByKind(actor.organisationId, body.year, body.kind, tx);
        if (existing) throw new DomainError('CONFLICT', `${cycleLabel(existing)}考核周期已存在`);
        const created = await repo.createCycle(tx, {
          organisationId: actor.organisationId,
          year: body.year,
          kind: body.kind,
          ...(body.windowStart && body.windowEnd
            ? { windowStart: new Date(body.windowStart), windowEnd: new Date(body.windowEnd) }
            : {}),
        });
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'cycle.create',
          entityType: 'EvaluationCycle',
          entityId: created.id,
          after: toCycleSummary(created),
        });
        return created;
      });
      return toDetail(actor, cycle);
    },

    async updateWindow(actor: Actor, cycleId: string, body: UpdateCycleWindow): Promise<CycleDetail> {
      requireManager(actor);
      const cycle = await db.$transaction(async (tx) => {
        const current = await repo.lockCycle(tx, actor.organisationId, cycleId, 'update');
        if (!current) throw notFound('考核周期');
        if (current.version !== body.version) throw staleCycle(current);
        if (current.status !== 'DRAFT' && current.status !== 'OPEN')
          throw new DomainError(
            'CONFLICT',
            `考核周期处于“${CYCLE_STATUS_LABELS[current.status]}”状态，不能调整评分时间；如需补录评分请先重新开放`,
          );
        const updated = await repo.updateCycle(tx, current.id, current.version, {
          windowStart: new Date(body.windowStart),
          windowEnd: new Date(body.windowEnd),
        });
        if (!updated) throw staleCycle(current);
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'cycle.window',
          entityType: 'EvaluationCycle',
          entityId: current.id,
          before: { windowStart: current.windowStart, windowEnd: current.windowEnd },
          after: { windowStart: updated.windowStart, windowEnd: updated.windowEnd },
        });
        return updated;
      });
      return toDetail(actor, cycle);
    },

    /**
     * OPEN (from DRAFT, or reopening a CLOSED cycle: provisional results are dropped), CLOSE
     * (provisional results computed), PUBLISH (final results computed; refused while a category
     * has no submitted score). Everything else is refused with the domain's Chinese reason.
     */
    async transition(actor: Actor, cycleId: string, body: TransitionCycle): Promise<CycleDetail> {
      requireManager(actor);
      const cycle = await db.$transaction(
        async (tx) => {
          const current = await repo.lockCycle(tx, actor.organisationId, cycleId, 'update');
          if (!current) throw notFound('考核周期');
          if (current.version !== body.version) throw staleCycle(current);
          const move = assertTransition(current.status, body.to);
          if (!move.ok)
            throw new DomainError('CONFLICT', move.error.message, {
              from: move.error.from,
              to: move.error.to,
            });
          if (body.windowStart && body.to !== 'OPEN')
            throw new DomainError('VALIDATION_FAILED', '只有开放评分时可以同时设置评分时间');
          const at = now();
          const windowStart = body.windowStart ? new Date(body.windowStart) : current.windowStart;
          const windowEnd = body.windowEnd ? new Date(body.windowEnd) : current.windowEnd;
          if (body.to === 'OPEN' && (!windowStart || !windowEnd))
            throw new DomainError('CONFLICT', '开放评分前请先设置评分开始和截止时间');

          let summary: Awaited<ReturnType<ResultsService['computeAndStore']>> | null = null;
          if (move.value === 'CLOSE') {
            summary = await results.computeAndStore(
              tx,
              actor,
              { ...current, status: 'CLOSED' },
              { isFinal: false },
            );
          } else if (move.value === 'PUBLISH') {
            summary = await results.computeAndStore(
              tx,
              actor,
              { ...current, status: 'PUBLISHED' },
              { isFinal: true },
            );
          } else if (move.value === 'REOPEN') {
            await repo.deleteResults(tx, current.id);
          }
          const updated = await repo.updateCycle(tx, current.id, current.version, {
            status: body.to,
            ...(body.to === 'OPEN' ? { windowStart, windowEnd } : {}),
            ...(move.value === 'OPEN' ? { openedAt: at } : {}),
            ...(move.value === 'CLOSE' ? { closedAt: at } : {}),
            ...(move.value === 'PUBLISH' ? { publishedAt: at } : {}),
          });
          if (!updated) throw staleCycle(current);
          await audit.append(tx, {
            organisationId: actor.organisationId,
            actorUserId: actor.userId,
            action: `cycle.${move.value.toLowerCase()}`,
            entityType: 'EvaluationCycle',
            entityId: current.id,
            before: toCycleSummary(current),
            after: {
              ...toCycleSummary(updated),
              ...(summary ? { results: { evaluees: summary.evaluees, quotaCut: summary.quotaCut } } : {}),
            },
          });
          return updated;
        },
        { timeout: 30_000 },
      );
      return toDetail(actor, cycle);
    },

    // ── assessment group ──────────────────────────────────────────────────────────────────────
    async listAssessors(actor: Actor): Promise<AssessorList> {
      if (!access.canReadAssessors(actor))
        throw forbidden('只有管理员、一级责任人和考核督导组成员可以查看考核督导组');
      return toAssessorList(await repo.listAssessors(actor.organisationId));
    },

    async setAssessors(actor: Actor, body: SetAssessors): Promise<AssessorList> {
      if (!access.canSetAssessors(actor)) throw forbidden('只有管理员可以调整考核督导组成员');
      return db.$transaction(async (tx) => {
        const found = await repo.activePeopleCount(actor.organisationId, body.personIds, tx);
        if (found !== body.personIds.length) throw notFound('人员');
        const before = await repo.listAssessors(actor.organisationId, tx);
        await repo.replaceAssessors(tx, actor.organisationId, body.personIds);
        const after = await repo.listAssessors(actor.organisationId, tx);
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'assessors.set',
          entityType: 'AssessmentGroup',
          entityId: actor.organisationId,
          before: before.map((m) => m.person.id),
          after: after.map((m) => m.person.id),
        });
        return toAssessorList(after);
      });
    },

    // ── exclusions ────────────────────────────────────────────────────────────────────────────
    async listExclusions(actor: Actor, cycleId: string): Promise<ExclusionList> {
      if (!access.canReadAllResults(actor) && !access.canManageCycles(actor))
        throw forbidden('只有管理员、一级责任人和考核督导组成员可以查看不参加考核的人员');
      const cycle = await findCycleOr404(actor, cycleId);
      return { items: (await repo.listExclusions(cycle.id)).map(toExclusion) };
    },

    async addExclusion(actor: Actor, cycleId: string, body: AddExclusion): Promise<Exclusion> {
      requireManager(actor);
      return db.$transaction(
        async (tx) => {
          const cycle = await repo.lockCycle(tx, actor.organisationId, cycleId, 'update');
          if (!cycle) throw notFound('考核周期');
          if (cycle.status === 'PUBLISHED')
            throw new DomainError(
              'CONFLICT',
              '考核结果已发布，不能再调整参加考核的人员；如需修改结果，请登记更正',
            );
          const people = await repo.activePeopleCount(actor.organisationId, [body.personId], tx);
          if (people !== 1) throw notFound('人员');
          if (await repo.findExclusion(cycle.id, body.personId, tx))
            throw new DomainError('CONFLICT', '该人员已不参加本周期考核');
          const created = await repo.createExclusion(tx, {
            organisationId: actor.organisationId,
            cycleId: cycle.id,
            personId: body.personId,
            reason: body.reason,
          });
          await audit.append(tx, {
            organisationId: actor.organisationId,
            actorUserId: actor.userId,
            action: 'exclusion.add',
            entityType: 'EvaluationCycle',
            entityId: cycle.id,
            after: { personId: body.personId, reason: body.reason },
          });
          await recomputeIfClosed(tx, actor, cycle);
          return toExclusion(created);
        },
        { timeout: 30_000 },
      );
    },

    async removeExclusion(actor: Actor, cycleId: string, personId: string): Promise<void> {
      requireManager(actor);
      await db.$transaction(
        async (tx) => {
          const cycle = await repo.lockCycle(tx, actor.organisationId, cycleId, 'update');
          if (!cycle) throw notFound('考核周期');
          if (cycle.status === 'PUBLISHED')
            throw new DomainError(
              'CONFLICT',
              '考核结果已发布，不能再调整参加考核的人员；如需修改结果，请登记更正',
            );
          const existing = await repo.findExclusion(cycle.id, personId, tx);
          if (!existing) throw notFound('排除记录');
          await repo.deleteExclusion(tx, cycle.id, personId);
          await audit.append(tx, {
            organisationId: actor.organisationId,
            actorUserId: actor.userId,
            action: 'exclusion.remove',
            entityType: 'EvaluationCycle',
            entityId: cycle.id,
            before: { personId, reason: existing.reason },
          });
          await recomputeIfClosed(tx, actor, cycle);
        },
        { timeout: 30_000 },
      );
    },
  };
}

function toAssessorList(rows: Awaited<ReturnType<EvaluationsRepository['listAssessors']>>): AssessorList {
  return {
    items: rows.map((m) => ({
      personId: m.person.id,
      name: m.person.name,
      employeeNo: m.person.employeeNo,
      posts: m.person.holdings.map((h) => ({
        id: h.post.id,
        code: h.post.code,
        title: h.post.title,
        tier: h.post.tier as 1 | 2 | 3 | 4,
        unit: h.post.unit,
      })),
      hasAccount: m.person.user !== null,
      addedAt: m.addedAt.toISOString(),
    })),
  };
}

export type CyclesService = ReturnType<typeof createCyclesService>;
