// 督导: the only code of the supervision area that touches Prisma. Every query is scoped by the
// organisation; writes take the transaction client.
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Prisma } from '../../generated/prisma/client';
import type {
  FindingAction,
  FindingSeverity,
  FindingStatus,
  InspectionKind,
  InspectionStatus,
  ItemOutcome,
  Recurrence,
} from '../../generated/prisma/enums';

const postSelect = {
  id: true,
  code: true,
  title: true,
  tier: true,
  unit: { select: { id: true, name: true } },
} as const;

export const findingInclude = {
  post: {
    select: {
      ...postSelect,
      holdings: { where: { endedOn: null }, select: { person: { select: { id: true, name: true } } } },
    },
  },
  escalatedTo: { select: postSelect },
  target: { select: { id: true, title: true } },
  inspection: {
    select: {
      id: true,
      inspectedOn: true,
      plan: { select: { title: true, kind: true } },
      inspector: { select: { id: true, name: true } },
    },
  },
} as const satisfies Prisma.FindingInclude;

export type FindingRow = Prisma.FindingGetPayload<{ include: typeof findingInclude }>;

const fileSelect = { select: { id: true, filename: true, mimeType: true, sizeBytes: true } } as const;

export const findingDetailInclude = {
  ...findingInclude,
  itemResult: { select: { item: { select: { text: true } }, evidenceFile: fileSelect } },
  events: {
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    include: { actor: { select: { id: true, name: true } }, evidenceFile: fileSelect },
  },
} as const satisfies Prisma.FindingInclude;

export type FindingDetailRow = Prisma.FindingGetPayload<{ include: typeof findingDetailInclude }>;

export const planInclude = {
  units: { select: { unit: { select: { id: true, name: true, sortOrder: true } } } },
  inspectors: { select: { member: { select: { person: { select: { id: true, name: true } } } } } },
  items: { where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
  _count: { select: { inspections: true } },
} as const satisfies Prisma.InspectionPlanInclude;

export type PlanRow = Prisma.InspectionPlanGetPayload<{ include: typeof planInclude }>;

export const inspectionInclude = {
  plan: { select: { id: true, title: true, kind: true } },
  unit: { select: { id: true, name: true } },
  inspector: { select: { id: true, name: true } },
  results: {
    include: { item: { select: { text: true, sortOrder: true } }, evidenceFile: fileSelect, finding: true },
  },
  findings: { include: findingInclude, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.InspectionInclude;

export type InspectionRow = Prisma.InspectionGetPayload<{ include: typeof inspectionInclude }>;

/** A finding's visibility and filters, as a Prisma where. */
export interface FindingFilter {
  organisationId: string;
  /** Null = every post (org-wide readers). */
  postIds: string[] | null;
  unitId?: string;
  postId?: string;
  status?: FindingStatus;
  statusIn?: FindingStatus[];
  /** Only findings past their deadline (deadline before this date) and not closed. */
  overdueBefore?: Date;
  escalated?: boolean;
}

function findingWhere(f: FindingFilter): Prisma.FindingWhereInput {
  const and: Prisma.FindingWhereInput[] = [{ organisationId: f.organisationId }];
  if (f.postIds) and.push({ postId: { in: f.postIds } });
  if (f.postId) and.push({ postId: f.postId });
  if (f.unitId) and.push({ post: { unitId: f.unitId } });
  if (f.status) and.push({ status: f.status });
  if (f.statusIn) and.push({ status: { in: f.statusIn } });
  if (f.overdueBefore) and.push({ status: { not: 'CLOSED' }, deadline: { lt: f.overdueBefore } });
  if (f.escalated !== undefined) and.push({ escalatedAt: f.escalated ? { not: null } : null });
  return { AND: and };
}

export function createSupervisionRepository(db: Db) {
  return {
    // ── plans ─────────────────────────────────────────────────────────────────────────────────────
    listPlans: (organisationId: string, includeArchived: boolean) =>
      db.inspectionPlan.findMany({
        where: { organisationId, ...(includeArchived ? {} : { archivedAt: null }) },
        include: planInclude,
        orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { nextDueOn: 'asc' }, { title: 'asc' }],
        take: 500,
      }),

    findPlan: (organisationId: string, id: string, c: Tx = db) =>
      c.inspectionPlan.findUnique({
        where: { organisationId_id: { organisationId, id } },
        include: planInclude,
      }),

    async lockPlan(tx: Tx, organisationId: string, id: string) {
      await tx.$queryRaw`SELECT id FROM "InspectionPlan"
        WHERE "organisationId" = ${organisationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
      return tx.inspectionPlan.findUnique({
        where: { organisationId_id: { organisationId, id } },
        include: planInclude,
      });
    },

    async createPlan(
      tx: Tx,
      data: {
        organisationId: string;
        title: string;
        kind: InspectionKind;
        recurrence: Recurrence;
        nextDueOn: Date;
        createdById: string;
        unitIds: string[];
        inspectorIds: string[];
        items: string[];
      },
    ) {
      const { organisationId } = data;
      const plan = await tx.inspectionPlan.create({
        data: {
          organisationId,
          title: data.title,
          kind: data.kind,
          recurrence: data.recurrence,
          nextDueOn: data.nextDueOn,
          createdById: data.createdById,
        },
      });
      const planId = plan.id;
      await tx.inspectionPlanUnit.createMany({
        data: data.unitIds.map((unitId) => ({ organisationId, planId, unitId })),
      });
      await tx.inspectionPlanInspector.createMany({
        data: data.inspectorIds.map((personId) => ({ organisationId, planId, personId })),
      });
      await tx.checklistItem.createMany({
        data: data.items.map((text, sortOrder) => ({ organisationId, planId, text, sortOrder })),
      });
      return (await tx.inspectionPlan.findUnique({ where: { id: planId }, include: planInclude }))!;
    },

    async updatePlan(
      tx: Tx,
      plan: { organisationId: string; id: string; version: number },
      data: {
        title: string;
        kind: InspectionKind;
        recurrence: Recurrence;
        nextDueOn: Date;
        unitIds: string[];
        inspectorIds: string[];
        items: { id?: string; text: string }[];
      },
      at: Date,
    ) {
      const { organisationId, id: planId } = plan;
      const updated = await tx.inspectionPlan.updateMany({
        where: { id: planId, version: plan.version },
        data: {
          title: data.title,
          kind: data.kind,
          recurrence: data.recurrence,
          nextDueOn: data.nextDueOn,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) return false;
      await tx.inspectionPlanUnit.deleteMany({ where: { planId } });
      await tx.inspectionPlanUnit.createMany({
        data: data.unitIds.map((unitId) => ({ organisationId, planId, unitId })),
      });
      await tx.inspectionPlanInspector.deleteMany({ where: { planId } });
      await tx.inspectionPlanInspector.createMany({
        data: data.inspectorIds.map((personId) => ({ organisationId, planId, personId })),
      });
      const kept = data.items.flatMap((i) => (i.id ? [i.id] : []));
      await tx.checklistItem.updateMany({
        where: { planId, archivedAt: null, id: { notIn: kept } },
        data: { archivedAt: at },
      });
      for (const [sortOrder, item] of data.items.entries()) {
        if (item.id)
          await tx.checklistItem.update({ where: { id: item.id }, data: { text: item.text, sortOrder } });
        else await tx.checklistItem.create({ data: { organisationId, planId, text: item.text, sortOrder } });
      }
      return true;
    },

    archivePlan: (tx: Tx, id: string, at: Date) =>
      tx.inspectionPlan.update({ where: { id }, data: { archivedAt: at, version: { increment: 1 } } }),

    advancePlan: (tx: Tx, id: string, nextDueOn: Date | null) =>
      tx.inspectionPlan.update({ where: { id }, data: { nextDueOn, version: { increment: 1 } } }),

    itemIdsOfPlan: (planId: string, c: Tx = db) =>
      c.checklistItem.findMany({ where: { planId }, select: { id: true, archivedAt: true } }),

    unitsByIds: (organisationId: string, ids: string[]) =>
      db.orgUnit.findMany({
        where: { organisationId, id: { in: ids }, archivedAt: null },
        select: { id: true },
      }),

    assessorIds: async (organisationId: string, personIds: string[]) =>
      (
        await db.assessmentGroupMember.findMany({
          where: { organisationId, personId: { in: personIds } },
          select: { personId: true },
        })
      ).map((m) => m.personId),

    /** Active plans with a next occurrence on or before `until`, with their units' inspections of it. */
    duePlans: (organisationId: string, until: Date) =>
      db.inspectionPlan.findMany({
        where: { organisationId, archivedAt: null, nextDueOn: { not: null, lte: until } },
        include: {
          ...planInclude,
          inspections: { select: { unitId: true, dueOn: true } },
        },
        orderBy: [{ nextDueOn: 'asc' }, { title: 'asc' }],
        take: 500,
      }),

    // ── inspections ───────────────────────────────────────────────────────────────────────────────
    inspectionExists: async (planId: string, unitId: string, dueOn: Date, c: Tx = db) =>
      (await c.inspection.count({ where: { planId, unitId, dueOn } })) > 0,

    unitsInspectedFor: async (planId: string, dueOn: Date, c: Tx = db) =>
      (await c.inspection.findMany({ where: { planId, dueOn }, select: { unitId: true } })).map(
        (i) => i.unitId,
      ),

    createInspection: (
      tx: Tx,
      data: {
        organisationId: string;
        planId: string;
        unitId: string;
        dueOn: Date;
        inspectedOn: Date;
        inspectorId: string;
        status: InspectionStatus;
        note: string | null;
      },
    ) => tx.inspection.create({ data }),

    createItemResult: (
      tx: Tx,
      data: {
        organisationId: string;
        inspectionId: string;
        itemId: string;
        outcome: ItemOutcome;
        note: string | null;
        evidenceFileId: string | null;
      },
    ) => tx.inspectionItemResult.create({ data }),

    createFinding: (
      tx: Tx,
      data: {
        organisationId: string;
        inspectionId: string;
        itemResultId: string;
        postId: string;
        targetId: string | null;
        description: string;
        severity: FindingSeverity;
        deadline: Date;
      },
    ) => tx.finding.create({ data }),

    findInspection: (organisationId: string, id: string) =>
      db.inspection.findUnique({
        where: { organisationId_id: { organisationId, id } },
        include: inspectionInclude,
      }),

    async listInspections(
      organisationId: string,
      filter: { planId?: string; unitId?: string },
      page: { skip: number; take: number },
    ) {
      const where = { organisationId, planId: filter.planId, unitId: filter.unitId };
      const [items, total] = await Promise.all([
        db.inspection.findMany({
          where,
          include: {
            plan: { select: { id: true, title: true, kind: true } },
            unit: { select: { id: true, name: true } },
            inspector: { select: { id: true, name: true } },
            _count: { select: { results: true, findings: true } },
          },
          orderBy: [{ inspectedOn: 'desc' }, { createdAt: 'desc' }],
          skip: page.skip,
          take: page.take,
        }),
        db.inspection.count({ where }),
      ]);
      return { items, total };
    },

    // ── findings ──────────────────────────────────────────────────────────────────────────────────
    async listFindings(filter: FindingFilter, page: { skip: number; take: number }) {
      const where = findingWhere(filter);
      const [items, total] = await Promise.all([
        db.finding.findMany({
          where,
          include: findingInclude,
          orderBy: [{ deadline: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          skip: page.skip,
          take: page.take,
        }),
        db.finding.count({ where }),
      ]);
      return { items, total };
    },

    findingsWhere: (filter: FindingFilter, take = 1000, c: Tx = db) =>
      c.finding.findMany({
        where: findingWhere(filter),
        include: findingInclude,
        orderBy: [{ deadline: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        take,
      }),

    findFinding: (organisationId: string, id: string, c: Tx = db) =>
      c.finding.findUnique({
        where: { organisationId_id: { organisationId, id } },
        include: findingDetailInclude,
      }),

    async lockFinding(tx: Tx, organisationId: string, id: string) {
      await tx.$queryRaw`SELECT id FROM "Finding"
        WHERE "organisationId" = ${organisationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
      return tx.finding.findUnique({
        where: { organisationId_id: { organisationId, id } },
        include: findingDetailInclude,
      });
    },

    /** Optimistic update: false when the version moved on. */
    updateFinding: async (
      tx: Tx,
      id: string,
      version: number,
      data: Prisma.FindingUncheckedUpdateManyInput,
    ) =>
      (await tx.finding.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }))
        .count === 1,

    addEvent: (
      tx: Tx,
      data: {
        organisationId: string;
        findingId: string;
        actorId: string | null;
        action: FindingAction;
        note: string | null;
        evidenceFileId?: string | null;
        at?: Date;
      },
    ) => tx.findingEvent.create({ data }),

    countClosedSince: (organisationId: string, since: Date) =>
      db.finding.count({ where: { organisationId, status: 'CLOSED', closedAt: { gte: since } } }),

    // ── posts, targets, evidence ──────────────────────────────────────────────────────────────────
    /** Every post of the organisation with its administrative superior and whether it is held. */
    async escalationPosts(organisationId: string, c: Tx = db) {
      const posts = await c.post.findMany({
        where: { organisationId },
        select: {
          ...postSelect,
          adminSuperiorId: true,
          _count: { select: { holdings: { where: { endedOn: null } } } },
        },
      });
      return posts.map((p) => ({ ...p, isHeld: p._count.holdings > 0 }));
    },

    findPost: (organisationId: string, id: string, c: Tx = db) =>
      c.post.findFirst({ where: { organisationId, id, archivedAt: null }, select: { id: true } }),

    findTarget: (organisationId: string, id: string, c: Tx = db) =>
      c.target.findFirst({ where: { organisationId, id }, select: { id: true, ownerPostId: true } }),

    findEvidenceMeta: (organisationId: string, id: string, c: Tx = db) =>
      c.evidenceFile.findFirst({ where: { organisationId, id }, select: { id: true, uploadedById: true } }),

    findEvidence: (organisationId: string, id: string) =>
      db.evidenceFile.findFirst({ where: { organisationId, id } }),

    // ── proposed deductions ───────────────────────────────────────────────────────────────────────
    findingsInspectedBetween: (organisationId: string, start: Date, end: Date, c: Tx = db) =>
      c.finding.findMany({
        where: { organisationId, inspection: { inspectedOn: { gte: start, lte: end } } },
        include: findingInclude,
        take: 5000,
      }),

    acceptedProposalKeys: async (cycleId: string, c: Tx = db) =>
      new Set(
        (await c.findingDeduction.findMany({ where: { cycleId }, select: { proposalKey: true } })).map(
          (d) => d.proposalKey,
        ),
      ),

    findingSettings: (organisationId: string, c: Tx = db) =>
      c.organisationSettings.findUnique({
        where: { organisationId },
        select: {
          findingDeductionPoints: true,
          overdueFindingDeductionPoints: true,
          repeatedFindingDeductionPoints: true,
        },
      }),

    createFindingDeduction: (
      tx: Tx,
      data: {
        organisationId: string;
        cycleId: string;
        proposalKey: string;
        findingId: string;
        evalueeId: string;
        adjustmentId: string;
      },
    ) => tx.findingDeduction.create({ data }),
  };
}

export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
