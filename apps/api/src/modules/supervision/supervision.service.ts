// 督导 (DOMAIN rule 11): plans, inspections recorded item by item, findings as rectification
// tasks — OPEN → RECTIFIED (owner) → CLOSED (复查) or back to OPEN — escalation of overdue tasks
// to the owner's superior, a person's tasks, and accepting a proposed deduction. Authorization is
// ctx.access (the table in docs/security.md); every write is audited in its transaction.
import type {
  AcceptProposedDeduction,
  AdjustmentView,
  CreateInspectionPlan,
  DueInspection,
  DueInspectionList,
  DueInspectionsQuery,
  EscalationRunResult,
  FindingDetail,
  FindingPage,
  FindingsQuery,
  FindingSummary,
  InspectionPage,
  InspectionPlanList,
  InspectionPlanView,
  InspectionsQuery,
  InspectionView,
  MySupervisionTasks,
  PlansQuery,
  RecordInspection,
  RectifyFinding,
  ReinspectFinding,
  SupervisionBoard,
  Tier,
  UpdateInspectionPlan,
} from '@zeren/contracts';
import {
  addDays,
  assertFindingTransition,
  chinaDate,
  computeDeadline,
  daysBetween,
  daysOverdue,
  escalationTarget,
  isOverdue,
  needsEscalation,
  nextOccurrence,
  type EscalationPost,
  type FindingTransition,
} from '@zeren/domain';
import type { Response } from 'express';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import { fromDateOnly, toDateOnly } from '../../lib/dates';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import {
  cycleLabel,
  cyclePopulation,
  evaluatorPopulation,
  loadSettings,
} from '../evaluations/evaluation-support';
import type { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { TX_OPTIONS } from '../targets/targets.service';
import type { DeductionProposer, ScoringService } from '../evaluations/scoring.service';
import { proposalKey } from './proposals';
import type { FindingDetailRow, FindingRow, PlanRow, SupervisionRepository } from './supervision.repository';

type PostInfo = EscalationPost & {
  code: string;
  title: string;
  tier: number;
  unit: { id: string; name: string };
};

const TRANSITION_EVENT = { RECTIFY: 'RECTIFIED', CLOSE: 'CLOSED', SEND_BACK: 'SENT_BACK' } as const;

function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const toPostRef = (p: { id: string; code: string; title: string; tier: number; unit: { name: string } }) => ({
  id: p.id,
  code: p.code,
  title: p.title,
  tier: p.tier as Tier,
  unitName: p.unit.name,
});

function toPlanView(plan: PlanRow): InspectionPlanView {
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    recurrence: plan.recurrence,
    nextDueOn: plan.nextDueOn ? toDateOnly(plan.nextDueOn) : null,
    isArchived: plan.archivedAt !== null,
    units: plan.units
      .map((u) => u.unit)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-Hans-CN'))
      .map((u) => ({ id: u.id, name: u.name })),
    inspectors: plan.inspectors.map((i) => i.member.person),
    items: plan.items.map((i) => ({ id: i.id, text: i.text, sortOrder: i.sortOrder })),
    inspectionCount: plan._count.inspections,
    createdAt: plan.createdAt.toISOString(),
    version: plan.version,
  };
}

export function createSupervisionService(deps: {
  db: Db;
  repo: SupervisionRepository;
  access: AccessService;
  audit: AuditService;
  evaluations: EvaluationsRepository;
  scoring: ScoringService;
  proposals: DeductionProposer;
  now?: () => Date;
}) {
  const { db, repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function postsMap(organisationId: string, c?: Tx): Promise<Map<string, PostInfo>> {
    return new Map((await repo.escalationPosts(organisationId, c)).map((p) => [p.id, p]));
  }

  function toSummary(f: FindingRow, posts: Map<string, PostInfo>, at: Date): FindingSummary {
    const deadline = toDateOnly(f.deadline);
    const facts = { status: f.status, deadline };
    let escalatedTo = f.escalatedTo ? toPostRef(f.escalatedTo) : null;
    if (!escalatedTo && needsEscalation(facts, at)) {
      const target = escalationTarget(f.postId, posts);
      const post = target ? posts.get(target) : undefined;
      if (post) escalatedTo = toPostRef(post);
    }
    const inspectedOn = toDateOnly(f.inspection.inspectedOn);
    return {
      id: f.id,
      description: f.description,
      severity: f.severity,
      status: f.status,
      deadline,
      isOverdue: isOverdue(facts, at),
      daysOverdue: daysOverdue(facts, at),
      ageDays: Math.max(0, daysBetween(inspectedOn, chinaDate(at))),
      post: toPostRef(f.post),
      owners: f.post.holdings.map((h) => h.person),
      target: f.target,
      inspection: {
        id: f.inspection.id,
        inspectedOn,
        planTitle: f.inspection.plan.title,
        kind: f.inspection.plan.kind,
        inspector: f.inspection.inspector,
      },
      escalatedAt: f.escalatedAt?.toISOString() ?? null,
      escalatedTo,
      rectifiedAt: f.rectifiedAt?.toISOString() ?? null,
      closedAt: f.closedAt?.toISOString() ?? null,
      createdAt: f.createdAt.toISOString(),
      version: f.version,
    };
  }

  function toDetail(
    actor: Actor,
    f: FindingDetailRow,
    posts: Map<string, PostInfo>,
    at: Date,
  ): FindingDetail {
    return {
      ...toSummary(f, posts, at),
      itemText: f.itemResult?.item.text ?? null,
      evidenceFile: f.itemResult?.evidenceFile ?? null,
      events: f.events.map((e) => ({
        id: e.id,
        action: e.action,
        actor: e.actor,
        note: e.note,
        evidenceFile: e.evidenceFile,
        at: e.at.toISOString(),
      })),
      can: {
        rectify: f.status === 'OPEN' && access.canRectify(actor, f),
        reinspect: f.status === 'RECTIFIED' && access.canInspect(actor) && !access.canRectify(actor, f),
      },
    };
  }

  function requireReader(actor: Actor) {
    if (!access.canReadAllSupervision(actor))
      throw forbidden('只有考核督导组成员、一级责任人和管理员可以查看督导检查');
  }
  function requirePlanManager(actor: Actor) {
    if (!access.canManageInspectionPlans(actor))
      throw forbidden('只有考核督导组成员和管理员可以管理检查计划');
  }

  /** Units exist, inspectors are assessment-group members (400 otherwise). */
  async function checkPlanInput(actor: Actor, body: CreateInspectionPlan) {
    const unitIds = [...new Set(body.unitIds)];
    const inspectorIds = [...new Set(body.inspectorIds)];
    const units = await repo.unitsByIds(actor.organisationId, unitIds);
    if (units.length !== unitIds.length) throw notFound('受检部门');
    const members = await repo.assessorIds(actor.organisationId, inspectorIds);
    if (members.length !== inspectorIds.length)
      throw new DomainError('VALIDATION_FAILED', '检查人员必须是考核督导组成员');
    if (body.recurrence !== 'ONE_OFF' && !body.nextDueOn)
      throw new DomainError('VALIDATION_FAILED', '请填写下次检查日期');
    return { unitIds, inspectorIds };
  }

  /** Evidence attached by the actor themselves (as with progress), in the organisation. */
  async function checkEvidence(tx: Tx, actor: Actor, evidenceFileId: string | null | undefined) {
    if (!evidenceFileId) return null;
    const file = await repo.findEvidenceMeta(actor.organisationId, evidenceFileId, tx);
    if (!file || file.uploadedById !== actor.userId) throw notFound('证明材料');
    return file.id;
  }

  /**
   * Inside the caller's transaction: lock, check visibility, version and the state machine. The
   * caller resolves the actor's read scope (access.readScope, cached per request) before opening
   * the transaction: loading it here would take a second pool connection while this one holds the
   * row lock, and enough concurrent rectifications then wait on each other until they time out.
   */
  async function lockForTransition(
    tx: Tx,
    actor: Actor,
    id: string,
    version: number,
    transition: FindingTransition,
    authorize: (finding: FindingDetailRow) => void,
  ) {
    const finding = await repo.lockFinding(tx, actor.organisationId, id);
    if (!finding || !(await access.canReadFinding(actor, finding))) throw notFound('问题');
    authorize(finding);
    if (finding.version !== version)
      throw new DomainError('STALE_VERSION', '该问题已被他人处理，请刷新后再试', {
        current: finding.version,
      });
    const outcome = assertFindingTransition(finding.status, transition);
    if (!outcome.ok) throw new DomainError('CONFLICT', outcome.error.message, { status: finding.status });
    return { finding, to: outcome.value };
  }

  async function detailOf(actor: Actor, id: string, c?: Tx): Promise<FindingDetail> {
    const finding = await repo.findFinding(actor.organisationId, id, c);
    if (!finding) throw notFound('问题');
    return toDetail(actor, finding, await postsMap(actor.organisationId, c), now());
  }

  /** Plans' occurrences due up to `horizonDays` ahead and not yet inspected, per unit. */
  async function dueInspections(actor: Actor, horizonDays: number): Promise<DueInspection[]> {
    const today = chinaDate(now());
    const plans = await repo.duePlans(actor.organisationId, fromDateOnly(addDays(today, horizonDays)));
    const items: (DueInspection & { unitOrder: number })[] = [];
    for (const plan of plans) {
      const dueOn = toDateOnly(plan.nextDueOn!);
      const done = new Set(
        plan.inspections.filter((i) => toDateOnly(i.dueOn) === dueOn).map((i) => i.unitId),
      );
      const isMine =
        access.canInspect(actor) &&
        (plan.inspectors.length === 0 || plan.inspectors.some((i) => i.member.person.id === actor.personId));
      for (const { unit } of plan.units) {
        if (done.has(unit.id)) continue;
        items.push({
          planId: plan.id,
          planTitle: plan.title,
          kind: plan.kind,
          recurrence: plan.recurrence,
          dueOn,
          unit: { id: unit.id, name: unit.name },
          isLate: dueOn < today,
          isMine,
          unitOrder: unit.sortOrder,
        });
      }
    }
    // By date, then plan, then the bureau's own order of units (办公室, 人事科, 医政科, …).
    return items
      .sort(
        (a, b) =>
          (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
          a.planTitle.localeCompare(b.planTitle, 'zh-Hans-CN') ||
          a.unitOrder - b.unitOrder ||
          a.unit.name.localeCompare(b.unit.name, 'zh-Hans-CN'),
      )
      .map(({ unitOrder: _order, ...item }) => item);
  }

  /** The posts whose findings the actor reads; null = all (supervision readers, tier 1, admin). */
  async function visiblePostIds(actor: Actor): Promise<string[] | null> {
    if (access.canReadAllSupervision(actor)) return null;
    const scope = await access.readScope(actor);
    return scope.isOrgWide ? null : [...scope.postIds];
  }

  return {
    // ── plans ─────────────────────────────────────────────────────────────────────────────────────
    async listPlans(actor: Actor, query: PlansQuery): Promise<InspectionPlanList> {
      requireReader(actor);
      const plans = await repo.listPlans(actor.organisationId, query.includeArchived ?? false);
      return { items: plans.map(toPlanView) };
    },

    async getPlan(actor: Actor, id: string): Promise<InspectionPlanView> {
      requireReader(actor);
      const plan = await repo.findPlan(actor.organisationId, id);
      if (!plan) throw notFound('检查计划');
      return toPlanView(plan);
    },

    async createPlan(actor: Actor, body: CreateInspectionPlan): Promise<InspectionPlanView> {
      requirePlanManager(actor);
      const { unitIds, inspectorIds } = await checkPlanInput(actor, body);
      return db.$transaction(async (tx) => {
        const plan = await repo.createPlan(tx, {
          organisationId: actor.organisationId,
          title: body.title,
          kind: body.kind,
          recurrence: body.recurrence,
          nextDueOn: fromDateOnly(body.nextDueOn),
          createdById: actor.personId,
          unitIds,
          inspectorIds,
          items: body.items.map((i) => i.text),
        });
        const view = toPlanView(plan);
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'inspectionPlan.create',
          entityType: 'InspectionPlan',
          entityId: plan.id,
          after: view,
        });
        return view;
      }, TX_OPTIONS);
    },

    async updatePlan(actor: Actor, id: string, body: UpdateInspectionPlan): Promise<InspectionPlanView> {
      requirePlanManager(actor);
      const { unitIds, inspectorIds } = await checkPlanInput(actor, body);
      return db.$transaction(async (tx) => {
        const plan = await repo.lockPlan(tx, actor.organisationId, id);
        if (!plan) throw notFound('检查计划');
        if (plan.archivedAt) throw new DomainError('CONFLICT', '检查计划已归档，不能修改');
        if (plan.version !== body.version)
          throw new DomainError('STALE_VERSION', '检查计划已被他人修改，请刷新后再保存', {
            current: plan.version,
          });
        const ownItems = new Set(
          (await repo.itemIdsOfPlan(plan.id, tx)).filter((i) => !i.archivedAt).map((i) => i.id),
        );
        if (body.items.some((i) => i.id && !ownItems.has(i.id)))
          throw new DomainError('VALIDATION_FAILED', '检查项目不属于该计划');
        const isUpdated = await repo.updatePlan(
          tx,
          plan,
          {
            title: body.title,
            kind: body.kind,
            recurrence: body.recurrence,
            nextDueOn: fromDateOnly(body.nextDueOn),
            unitIds,
            inspectorIds,
            items: body.items,
          },
          now(),
        );
        if (!isUpdated)
          throw new DomainError('STALE_VERSION', '检查计划已被他人修改，请刷新后再保存', {
            current: plan.version,
          });
        const after = toPlanView((await repo.findPlan(actor.organisationId, id, tx))!);
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'inspectionPlan.update',
          entityType: 'InspectionPlan',
          entityId: plan.id,
          before: toPlanView(plan),
          after,
        });
        return after;
      }, TX_OPTIONS);
    },

    async archivePlan(actor: Actor, id: string): Promise<void> {
      requirePlanManager(actor);
      await db.$transaction(async (tx) => {
        const plan = await repo.lockPlan(tx, actor.organisationId, id);
        if (!plan) throw notFound('检查计划');
        if (plan.archivedAt) return;
        await repo.archivePlan(tx, plan.id, now());
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'inspectionPlan.archive',
          entityType: 'InspectionPlan',
          entityId: plan.id,
          before: toPlanView(plan),
        });
      }, TX_OPTIONS);
    },

    async listDue(actor: Actor, query: DueInspectionsQuery): Promise<DueInspectionList> {
      requireReader(actor);
      return { items: await dueInspections(actor, query.horizonDays) };
    },

    // ── inspections ───────────────────────────────────────────────────────────────────────────────
    async recordInspection(actor: Actor, body: RecordInspection): Promise<InspectionView> {
      if (!access.canInspect(actor)) throw forbidden('只有考核督导组成员可以登记检查');
      const today = chinaDate(now());
      if (body.inspectedOn > today) throw new DomainError('VALIDATION_FAILED', '检查日期不能晚于今天');
      const inspectionId = await db.$transaction(async (tx) => {
        const plan = await repo.lockPlan(tx, actor.organisationId, body.planId);
        if (!plan) throw notFound('检查计划');
        if (plan.archivedAt) throw new DomainError('CONFLICT', '检查计划已归档');
        if (plan.inspectors.length > 0 && !plan.inspectors.some((i) => i.member.person.id === actor.personId))
          throw forbidden('您不是该检查计划的检查人员');
        if (!plan.units.some((u) => u.unit.id === body.unitId))
          throw new DomainError('VALIDATION_FAILED', '该部门不在检查计划的范围内');
        const dueOnText = body.dueOn ?? (plan.nextDueOn ? toDateOnly(plan.nextDueOn) : null);
        if (!dueOnText) throw new DomainError('CONFLICT', '该一次性检查已经完成');
        const dueOn = fromDateOnly(dueOnText);
        if (await repo.inspectionExists(plan.id, body.unitId, dueOn, tx))
          throw new DomainError('CONFLICT', `该部门 ${dueOnText} 这一期的检查已经登记过了`);

        const active = plan.items;
        const sent = new Map(body.items.map((i) => [i.itemId, i]));
        const missing = active.filter((i) => !sent.has(i.id));
        if (missing.length > 0)
          throw new DomainError(
            'VALIDATION_FAILED',
            `请逐项填写检查结果，尚未填写：${missing.map((i) => i.text).join('、')}`,
            { missingItemIds: missing.map((i) => i.id) },
          );
        if (body.items.some((i) => !active.some((a) => a.id === i.itemId)))
          throw new DomainError('VALIDATION_FAILED', '检查项目不属于该计划');

        const hasFinding = body.items.some((i) => i.outcome === 'FINDING');
        const inspection = await repo.createInspection(tx, {
          organisationId: actor.organisationId,
          planId: plan.id,
          unitId: body.unitId,
          dueOn,
          inspectedOn: fromDateOnly(body.inspectedOn),
          inspectorId: actor.personId,
          status: hasFinding ? 'FINDINGS' : 'PASSED',
          note: body.note ?? null,
        });
        const findingIds: string[] = [];
        for (const item of active) {
          const input = sent.get(item.id)!;
          const evidenceFileId = await checkEvidence(tx, actor, input.evidenceFileId);
          const result = await repo.createItemResult(tx, {
            organisationId: actor.organisationId,
            inspectionId: inspection.id,
            itemId: item.id,
            outcome: input.outcome,
            note: input.note ?? null,
            evidenceFileId,
          });
          if (input.outcome !== 'FINDING') continue;
          const postId = input.postId!;
          if (!(await repo.findPost(actor.organisationId, postId, tx))) throw notFound('责任岗位');
          if (actor.posts.some((p) => p.id === postId))
            throw new DomainError('VALIDATION_FAILED', '检查人不能把问题登记在本人的岗位上');
          if (input.targetId) {
            const target = await repo.findTarget(actor.organisationId, input.targetId, tx);
            if (!target) throw notFound('目标');
            if (target.ownerPostId !== postId)
              throw new DomainError('VALIDATION_FAILED', '所选目标不属于该责任岗位');
          }
          const severity = input.severity ?? 'MINOR';
          const deadline = computeDeadline(body.inspectedOn, severity, input.deadline);
          if (!deadline.ok) throw new DomainError('VALIDATION_FAILED', deadline.error.message);
          const finding = await repo.createFinding(tx, {
            organisationId: actor.organisationId,
            inspectionId: inspection.id,
            itemResultId: result.id,
            postId,
            targetId: input.targetId ?? null,
            description: input.note!,
            severity,
            deadline: fromDateOnly(deadline.value),
          });
          await repo.addEvent(tx, {
            organisationId: actor.organisationId,
            findingId: finding.id,
            actorId: actor.personId,
            action: 'CREATED',
            note: `${item.text}：${input.note!}`,
            evidenceFileId,
          });
          findingIds.push(finding.id);
        }

        // The occurrence is done once every unit in scope has been inspected: move the plan on.
        if (plan.nextDueOn && toDateOnly(plan.nextDueOn) === dueOnText) {
          const inspected = new Set(await repo.unitsInspectedFor(plan.id, dueOn, tx));
          if (plan.units.every((u) => inspected.has(u.unit.id))) {
            const next = nextOccurrence(dueOnText, plan.recurrence);
            await repo.advancePlan(tx, plan.id, next ? fromDateOnly(next) : null);
          }
        }
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'inspection.record',
          entityType: 'Inspection',
          entityId: inspection.id,
          after: {
            planId: plan.id,
            unitId: body.unitId,
            dueOn: dueOnText,
            inspectedOn: body.inspectedOn,
            status: inspection.status,
            items: body.items,
            findingIds,
          },
        });
        return inspection.id;
      }, TX_OPTIONS);
      return this.getInspection(actor, inspectionId);
    },

    async listInspections(actor: Actor, query: InspectionsQuery): Promise<InspectionPage> {
      requireReader(actor);
      const { items, total } = await repo.listInspections(
        actor.organisationId,
        { planId: query.planId, unitId: query.unitId },
        { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      );
      return {
        items: items.map((i) => ({
          id: i.id,
          plan: i.plan,
          unit: i.unit,
          dueOn: toDateOnly(i.dueOn),
          inspectedOn: toDateOnly(i.inspectedOn),
          inspector: i.inspector,
          status: i.status,
          itemCount: i._count.results,
          findingCount: i._count.findings,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** The inspection report: for the supervision readers (others see findings, not reports). */
    async getInspection(actor: Actor, id: string): Promise<InspectionView> {
      if (!access.canReadAllSupervision(actor)) throw notFound('检查记录');
      const inspection = await repo.findInspection(actor.organisationId, id);
      if (!inspection) throw notFound('检查记录');
      const posts = await postsMap(actor.organisationId);
      const at = now();
      return {
        id: inspection.id,
        plan: inspection.plan,
        unit: inspection.unit,
        dueOn: toDateOnly(inspection.dueOn),
        inspectedOn: toDateOnly(inspection.inspectedOn),
        inspector: inspection.inspector,
        status: inspection.status,
        note: inspection.note,
        items: [...inspection.results]
          .sort((a, b) => a.item.sortOrder - b.item.sortOrder)
          .map((r) => ({
            itemId: r.itemId,
            text: r.item.text,
            outcome: r.outcome,
            note: r.note,
            evidenceFile: r.evidenceFile,
            findingId: r.finding?.id ?? null,
          })),
        findings: inspection.findings.map((f) => toSummary(f, posts, at)),
        createdAt: inspection.createdAt.toISOString(),
      };
    },

    // ── findings ──────────────────────────────────────────────────────────────────────────────────
    async listFindings(actor: Actor, query: FindingsQuery): Promise<FindingPage> {
      const at = now();
      const postIds = await visiblePostIds(actor);
      const { items, total } = await repo.listFindings(
        {
          organisationId: actor.organisationId,
          postIds,
          unitId: query.unitId,
          postId: query.postId,
          status: query.status,
          ...(query.overdue ? { overdueBefore: fromDateOnly(chinaDate(at)) } : {}),
        },
        { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      );
      const posts = await postsMap(actor.organisationId);
      return {
        items: items.map((f) => toSummary(f, posts, at)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getFinding(actor: Actor, id: string): Promise<FindingDetail> {
      const finding = await repo.findFinding(actor.organisationId, id);
      if (!finding || !(await access.canReadFinding(actor, finding))) throw notFound('问题');
      return toDetail(actor, finding, await postsMap(actor.organisationId), now());
    },

    async getBoard(actor: Actor): Promise<SupervisionBoard> {
      requireReader(actor);
      const at = now();
      const today = chinaDate(at);
      const open = await repo.findingsWhere(
        { organisationId: actor.organisationId, postIds: null, statusIn: ['OPEN', 'RECTIFIED'] },
        5000,
      );
      const byUnit = new Map<string, SupervisionBoard['units'][number]>();
      for (const f of open) {
        const unit = f.post.unit;
        let row = byUnit.get(unit.id);
        if (!row) {
          row = {
            unit,
            open: 0,
            awaitingReinspection: 0,
            overdue: 0,
            byAge: { upTo7: 0, upTo30: 0, over30: 0 },
            oldestAgeDays: 0,
          };
          byUnit.set(unit.id, row);
        }
        if (f.status === 'OPEN') row.open++;
        else row.awaitingReinspection++;
        if (isOverdue({ status: f.status, deadline: toDateOnly(f.deadline) }, at)) row.overdue++;
        const age = Math.max(0, daysBetween(toDateOnly(f.inspection.inspectedOn), today));
        if (age <= 7) row.byAge.upTo7++;
        else if (age <= 30) row.byAge.upTo30++;
        else row.byAge.over30++;
        row.oldestAgeDays = Math.max(row.oldestAgeDays, age);
      }
      const units = [...byUnit.values()].sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.oldestAgeDays - a.oldestAgeDays ||
          a.unit.name.localeCompare(b.unit.name, 'zh-Hans-CN'),
      );
      const monthStart = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00+08:00`));
      return {
        units,
        totals: {
          open: units.reduce((s, u) => s + u.open, 0),
          awaitingReinspection: units.reduce((s, u) => s + u.awaitingReinspection, 0),
          overdue: units.reduce((s, u) => s + u.overdue, 0),
          closedThisMonth: await repo.countClosedSince(actor.organisationId, monthStart),
        },
      };
    },

    async rectify(actor: Actor, id: string, body: RectifyFinding): Promise<FindingDetail> {
      await access.readScope(actor); // before the transaction: see lockForTransition
      return db.$transaction(async (tx) => {
        const { finding, to } = await lockForTransition(tx, actor, id, body.version, 'RECTIFY', (f) => {
          if (!access.canRectify(actor, f)) throw forbidden('只有责任岗位的责任人可以报送整改情况');
        });
        const evidenceFileId = await checkEvidence(tx, actor, body.evidenceFileId);
        const at = now();
        await repo.updateFinding(tx, finding.id, finding.version, { status: to, rectifiedAt: at });
        await repo.addEvent(tx, {
          organisationId: actor.organisationId,
          findingId: finding.id,
          actorId: actor.personId,
          action: TRANSITION_EVENT.RECTIFY,
          note: body.note,
          evidenceFileId,
          at,
        });
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'finding.rectify',
          entityType: 'Finding',
          entityId: finding.id,
          before: { status: finding.status, version: finding.version },
          after: { status: to, note: body.note, evidenceFileId },
        });
        return detailOf(actor, finding.id, tx);
      }, TX_OPTIONS);
    },

    async reinspect(actor: Actor, id: string, body: ReinspectFinding): Promise<FindingDetail> {
      const transition: FindingTransition = body.decision === 'CLOSE' ? 'CLOSE' : 'SEND_BACK';
      await access.readScope(actor); // before the transaction: see lockForTransition
      return db.$transaction(async (tx) => {
        const { finding, to } = await lockForTransition(tx, actor, id, body.version, transition, (f) => {
          if (!access.canInspect(actor)) throw forbidden('只有考核督导组成员可以复查');
          if (access.canRectify(actor, f)) throw forbidden('不能复查本人岗位的问题');
        });
        const at = now();
        let deadline: string | undefined;
        if (transition === 'SEND_BACK' && body.newDeadline) {
          if (body.newDeadline < chinaDate(at))
            throw new DomainError('VALIDATION_FAILED', '新的整改期限不能早于今天');
          const outcome = computeDeadline(
            toDateOnly(finding.inspection.inspectedOn),
            finding.severity,
            body.newDeadline,
          );
          if (!outcome.ok) throw new DomainError('VALIDATION_FAILED', outcome.error.message);
          deadline = outcome.value;
        }
        await repo.updateFinding(tx, finding.id, finding.version, {
          status: to,
          ...(transition === 'CLOSE' ? { closedAt: at } : {}),
          ...(deadline ? { deadline: fromDateOnly(deadline) } : {}),
        });
        await repo.addEvent(tx, {
          organisationId: actor.organisationId,
          findingId: finding.id,
          actorId: actor.personId,
          action: TRANSITION_EVENT[transition],
          note: deadline ? `${body.note}（新的整改期限：${deadline}）` : body.note,
          at,
        });
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: transition === 'CLOSE' ? 'finding.close' : 'finding.sendBack',
          entityType: 'Finding',
          entityId: finding.id,
          before: {
            status: finding.status,
            deadline: toDateOnly(finding.deadline),
            version: finding.version,
          },
          after: { status: to, note: body.note, ...(deadline ? { deadline } : {}) },
        });
        return detailOf(actor, finding.id, tx);
      }, TX_OPTIONS);
    },

    async downloadEvidence(actor: Actor, findingId: string, fileId: string, res: Response) {
      const finding = await repo.findFinding(actor.organisationId, findingId);
      if (!finding || !(await access.canReadFinding(actor, finding))) throw notFound('证明材料');
      const cited =
        finding.itemResult?.evidenceFile?.id === fileId ||
        finding.events.some((e) => e.evidenceFile?.id === fileId);
      const file = cited ? await repo.findEvidence(actor.organisationId, fileId) : null;
      if (!file) throw notFound('证明材料');
      const bytes = Buffer.from(file.content);
      res.status(200);
      res.setHeader('Content-Type', file.mimeType);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', contentDisposition(file.filename));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    },

    /**
     * Records the escalation of every overdue task still with its owner (OPEN) and not escalated
     * yet: to the owner post's superior in the administrative line (the first held one). Running it
     * again escalates nothing twice. Reads show the same target before it is recorded.
     */
    async runEscalations(actor: Actor): Promise<EscalationRunResult> {
      if (!access.canRunEscalations(actor))
        throw forbidden('只有考核督导组成员、一级责任人和管理员可以登记逾期上报');
      return db.$transaction(async (tx) => {
        const at = now();
        await tx.$queryRaw`SELECT id FROM "Finding" WHERE "organisationId" = ${actor.organisationId}::uuid
          AND status = 'OPEN' AND "escalatedAt" IS NULL AND deadline < ${fromDateOnly(chinaDate(at))} FOR UPDATE`;
        const overdue = await repo.findingsWhere(
          {
            organisationId: actor.organisationId,
            postIds: null,
            status: 'OPEN',
            overdueBefore: fromDateOnly(chinaDate(at)),
            escalated: false,
          },
          5000,
          tx,
        );
        const posts = await postsMap(actor.organisationId, tx);
        const escalated: string[] = [];
        for (const f of overdue) {
          const targetId = escalationTarget(f.postId, posts);
          const target = targetId ? posts.get(targetId) : undefined;
          if (!target) continue; // a tier-1 owner has nobody above
          await repo.updateFinding(tx, f.id, f.version, { escalatedAt: at, escalatedToPostId: target.id });
          const days = daysOverdue({ status: f.status, deadline: toDateOnly(f.deadline) }, at);
          await repo.addEvent(tx, {
            organisationId: actor.organisationId,
            findingId: f.id,
            actorId: actor.personId,
            action: 'ESCALATED',
            note: `逾期 ${days} 天未整改，已上报${target.title}`,
            at,
          });
          await audit.append(tx, {
            organisationId: actor.organisationId,
            actorUserId: actor.userId,
            action: 'finding.escalate',
            entityType: 'Finding',
            entityId: f.id,
            after: { escalatedToPostId: target.id, daysOverdue: days },
          });
          escalated.push(f.id);
        }
        const rows = escalated.length
          ? await repo.findingsWhere(
              { organisationId: actor.organisationId, postIds: null, escalated: true },
              5000,
              tx,
            )
          : [];
        const after = await postsMap(actor.organisationId, tx);
        return {
          escalated: escalated.length,
          findings: rows.filter((r) => escalated.includes(r.id)).map((r) => toSummary(r, after, at)),
        };
      }, TX_OPTIONS);
    },

    async myTasks(actor: Actor): Promise<MySupervisionTasks> {
      const at = now();
      const today = fromDateOnly(chinaDate(at));
      const own = actor.posts.map((p) => p.id);
      const posts = await postsMap(actor.organisationId);
      const summary = (rows: FindingRow[]) => rows.map((f) => toSummary(f, posts, at));
      const [toRectify, awaiting, overdueOpen, toReinspect, due] = await Promise.all([
        own.length
          ? repo.findingsWhere({ organisationId: actor.organisationId, postIds: own, status: 'OPEN' })
          : [],
        own.length
          ? repo.findingsWhere({ organisationId: actor.organisationId, postIds: own, status: 'RECTIFIED' })
          : [],
        own.length
          ? repo.findingsWhere({
              organisationId: actor.organisationId,
              postIds: null,
              statusIn: ['OPEN'],
              overdueBefore: today,
            })
          : [],
        access.canInspect(actor)
          ? repo.findingsWhere({ organisationId: actor.organisationId, postIds: null, status: 'RECTIFIED' })
          : [],
        access.canInspect(actor) ? dueInspections(actor, 7) : [],
      ]);
      const escalatedToMe = overdueOpen.filter((f) => {
        const target = f.escalatedToPostId ?? escalationTarget(f.postId, posts);
        return target !== null && own.includes(target) && !own.includes(f.postId);
      });
      return {
        toRectify: summary(toRectify),
        awaitingReinspection: summary(awaiting),
        escalatedToMe: summary(escalatedToMe),
        toReinspect: summary(toReinspect.filter((f) => !own.includes(f.postId))),
        dueInspections: due.filter((d) => d.isMine),
      };
    },

    // ── proposed deductions ───────────────────────────────────────────────────────────────────────
    /** An evaluator accepts a proposal of the workbench: my draft DEDUCTION with the reason carried over. */
    async acceptProposal(
      actor: Actor,
      cycleId: string,
      body: AcceptProposedDeduction,
    ): Promise<AdjustmentView> {
      if (!access.canScore(actor)) throw forbidden('只有考核督导组成员可以登记扣分');
      return db.$transaction(async (tx) => {
        const cycle = await deps.evaluations.lockCycle(tx, actor.organisationId, cycleId, 'share');
        if (!cycle) throw notFound('考核周期');
        const settings = await loadSettings(deps.evaluations, cycle.organisationId, tx);
        const population = await cyclePopulation(deps.evaluations, cycle, tx);
        const mine = evaluatorPopulation(actor, population, settings);
        const proposal = (await deps.proposals.forCycle(cycle, mine, tx)).find(
          (p) => p.id === body.proposalId,
        );
        if (!proposal || !proposal.findingId) throw notFound('建议扣分项');
        const adjustment = await deps.scoring.addAdjustmentIn(tx, actor, cycle.id, {
          evalueeId: proposal.evalueeId,
          kind: 'DEDUCTION',
          amount: proposal.amount,
          reason: proposal.reason,
        });
        await repo.createFindingDeduction(tx, {
          organisationId: actor.organisationId,
          cycleId: cycle.id,
          proposalKey: proposalKey(proposal.findingId, proposal.evalueeId),
          findingId: proposal.findingId,
          evalueeId: proposal.evalueeId,
          adjustmentId: adjustment.id,
        });
        const evalueeName = mine.find((p) => p.id === proposal.evalueeId)?.name ?? '';
        await repo.addEvent(tx, {
          organisationId: actor.organisationId,
          findingId: proposal.findingId,
          actorId: actor.personId,
          action: 'DEDUCTION_ACCEPTED',
          note: `${cycleLabel(cycle)}考评：${evalueeName}扣 ${proposal.amount} 分`,
        });
        await audit.append(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'finding.deduction.accept',
          entityType: 'Finding',
          entityId: proposal.findingId,
          after: {
            cycleId: cycle.id,
            proposalId: proposal.id,
            adjustmentId: adjustment.id,
            amount: proposal.amount,
          },
        });
        return adjustment;
      }, TX_OPTIONS);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
