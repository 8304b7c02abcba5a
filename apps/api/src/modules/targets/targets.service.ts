// Targets and their decomposition (逐级分解): reading within the actor's scope, creating, editing
// with optimistic concurrency, archiving, decomposing one tier down and bulk assignment
// (千斤重担众人挑). Every write locks the affected roots, refreshes the roll-up and appends an audit
// entry inside one transaction. Who may do what: access.service.ts and docs/security.md.
import { randomUUID } from 'node:crypto';
import type {
  BulkAssignTargets,
  CreateTarget,
  DecomposeTarget,
  Line,
  TargetDetail,
  TargetsQuery,
  TargetTreeQuery,
  UpdateTarget,
} from '@zeren/contracts';
import { formatNumber, LINE_LABELS, summariseChildWeights, TIER_LABELS, type Tier } from '@zeren/domain';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import { fromDateOnly } from '../../lib/dates';
import type { AccessService, TargetFacts } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import { refreshRollUp } from './roll-up';
import { targetSnapshot, toNumber, toTargetSummary, toTargetSummaryOfJson } from './targets.mapper';
import type { PostFactsRow, TargetData, TargetFactsRow, TargetsRepository } from './targets.repository';

type In<T extends z.ZodType> = z.output<T>;

/** Interactive transactions wait on the roll-up locks of busy roots: allow for it. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

export const superiorIn = (
  post: { adminSuperiorId: string | null; partySuperiorId: string | null },
  line: Line,
) => (line === 'ADMINISTRATIVE' ? post.adminSuperiorId : post.partySuperiorId);

/** The facts the write rules of access.service need. */
export function factsOf(row: TargetFactsRow): TargetFacts {
  return {
    ownerPostId: row.ownerPostId,
    line: row.line,
    ownerSuperiorId: row.ownerPost ? superiorIn(row.ownerPost, row.line) : null,
    parentOwnerPostId: row.parent?.ownerPostId ?? null,
    isRoot: row.parentId === null,
  };
}

const invalid = (message: string, details?: unknown) =>
  new DomainError('VALIDATION_FAILED', message, details);
const conflict = (message: string) => new DomainError('CONFLICT', message);
const quote = (post: { title: string; code: string }) => `「${post.title}（${post.code}）」`;

/** Thrown inside a transaction when `updateMany … where version` found nothing; answered as STALE_VERSION. */
class StaleVersion extends Error {
  constructor(readonly targetId: string) {
    super('stale version');
  }
}

/** Children of one target must not exceed 100 together (an incomplete sum is a gap, not an error). */
function assertWeightSum(weights: number[]) {
  const { sum, isOverLimit } = summariseChildWeights(weights);
  if (isOverLimit) throw invalid(`子目标权重之和为 ${formatNumber(sum)}，不能超过 100`);
}

/** A child's owner: an active post one tier below the parent's owner, reporting to it in the line. */
function assertChildOwner(post: PostFactsRow, parentOwner: PostFactsRow, line: Line) {
  if (post.archivedAt !== null) throw invalid(`岗位${quote(post)}已撤销，不能承担目标`);
  if (!post.lines.includes(line)) {
    throw invalid(`岗位${quote(post)}不在${LINE_LABELS[line]}中，不能承担该线的目标`);
  }
  const expectedTier = parentOwner.tier + 1;
  if (post.tier !== expectedTier) {
    throw invalid(
      `岗位${quote(post)}是${TIER_LABELS[post.tier as Tier]}岗位，子目标应由${TIER_LABELS[expectedTier as Tier] ?? '下一级'}岗位承担`,
    );
  }
  if (superiorIn(post, line) !== parentOwner.id) {
    throw invalid(
      `岗位${quote(post)}在${LINE_LABELS[line]}中不向岗位${quote(parentOwner)}汇报，不能承担其分解的目标`,
    );
  }
}

/** A root target's owner: an active tier-1 post in the line. */
function assertRootOwner(post: PostFactsRow, line: Line) {
  if (post.archivedAt !== null) throw invalid(`岗位${quote(post)}已撤销，不能承担目标`);
  if (post.tier !== 1)
    throw invalid(`顶层目标应由一级岗位承担，岗位${quote(post)}是${TIER_LABELS[post.tier as Tier]}岗位`);
  if (!post.lines.includes(line)) throw invalid(`岗位${quote(post)}不在${LINE_LABELS[line]}中`);
}

type Fields = In<typeof UpdateTarget>;

/** The defined fields of a request as column values. */
function toData(fields: Partial<Omit<Fields, 'version'>>): Partial<TargetData> {
  const data: Partial<TargetData> = {};
  if (fields.title !== undefined) data.title = fields.title;
  if (fields.description !== undefined) data.description = fields.description ?? null;
  if (fields.weight !== undefined) data.weight = fields.weight;
  if (fields.measureKind !== undefined) data.measureKind = fields.measureKind;
  if (fields.measureUnit !== undefined) data.measureUnit = fields.measureUnit ?? null;
  if (fields.baseline !== undefined) data.baseline = fields.baseline;
  if (fields.goal !== undefined) data.goal = fields.goal;
  if (fields.dueDate !== undefined) data.dueDate = fromDateOnly(fields.dueDate);
  if (fields.ownerPostId !== undefined) data.ownerPostId = fields.ownerPostId;
  return data;
}

/** Whether a change moves the target's own figure or its share of the parent. */
const touchesRollUp = (data: Partial<TargetData>) =>
  data.weight !== undefined ||
  data.measureKind !== undefined ||
  data.baseline !== undefined ||
  data.goal !== undefined;

export function createTargetsService(deps: {
  db: Db;
  repo: TargetsRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function loadVisible(actor: Actor, id: string): Promise<TargetFactsRow> {
    const row = await repo.findFacts(actor.organisationId, id);
    if (!row || !(await access.canReadTarget(actor, factsOf(row)))) throw notFound('目标');
    return row;
  }

  async function findPost(actor: Actor, postId: string, client?: Tx): Promise<PostFactsRow> {
    const [post] = await repo.findPosts(actor.organisationId, [postId], client);
    if (!post) throw notFound('岗位');
    return post;
  }

  /**
   * One statement besides the session lookup (docs/performance.md "Hot reads"): the read brings
   * the post graph of the owners involved, and access.service decides on it as it would on the
   * actor's read scope.
   */
  async function getTarget(actor: Actor, id: string): Promise<TargetDetail> {
    const read = await repo.readDetail(actor.organisationId, id);
    if (!read || !access.canReadTargetIn(actor, read.target, read.graph)) throw notFound('目标');
    const { target, graph } = read;
    const facts: TargetFacts = {
      ownerPostId: target.ownerPostId,
      line: target.line,
      ownerSuperiorId: superiorIn(
        { adminSuperiorId: target.ownerAdminSuperiorId, partySuperiorId: target.ownerPartySuperiorId },
        target.line,
      ),
      parentOwnerPostId: target.parentOwnerPostId,
      isRoot: target.parentId === null,
    };
    const visibleChildren = read.children.filter((child) =>
      access.canReadTargetIn(
        actor,
        { ownerPostId: child.ownerPostId, parentOwnerPostId: target.ownerPostId },
        graph,
      ),
    );
    const at = now();
    const weights = summariseChildWeights(read.children.map((c) => c.weight));
    const isActive = target.status === 'ACTIVE';
    return {
      ...toTargetSummaryOfJson(target, at),
      description: target.description,
      ancestors: read.ancestors,
      children: visibleChildren.map((c) => toTargetSummaryOfJson(c, at)),
      childWeightSum: weights.sum,
      isDecompositionComplete: weights.isComplete,
      recentProgress: read.recentProgress.map((p) => ({
        ...p,
        recordedBy: { userId: p.recordedBy.userId, name: p.recordedBy.name ?? '' },
        recordedAt: new Date(p.recordedAt).toISOString(),
      })),
      permissions: {
        canEdit: isActive && access.canEditTarget(actor, facts),
        canDecompose: isActive && target.ownerPostId !== null && access.canDecompose(actor, facts),
        canRecordProgress: isActive && read.children.length === 0 && access.canRecordProgress(actor, facts),
      },
    };
  }

  async function staleError(actor: Actor, id: string) {
    return new DomainError('STALE_VERSION', '该目标已被他人修改，请查看最新内容后再编辑', {
      current: await getTarget(actor, id),
    });
  }

  /** Runs a write; a StaleVersion inside becomes the 409 with the current target. */
  async function write<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await db.$transaction(fn, TX_OPTIONS);
    } catch (error) {
      if (error instanceof StaleVersion) throw await staleError(actor, error.targetId);
      throw error;
    }
  }

  const auditTarget = (
    tx: Tx,
    actor: Actor,
    action: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) =>
    audit.append(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action,
      entityType: 'Target',
      entityId,
      before,
      after,
    });

  return {
    getTarget,

    /** Active targets of a year owned by the given posts; the caller has checked the actor may read them. */
    async summariesOfPosts(organisationId: string, year: number, postIds: string[]) {
      const at = now();
      const rows = await repo.findSummariesOfPosts(organisationId, year, postIds);
      return rows.map((r) => toTargetSummary(r, at));
    },

    async listTargets(actor: Actor, query: In<typeof TargetsQuery>) {
      const scope = await access.readScope(actor);
      const { total, rows } = await repo.listTargets(
        actor.organisationId,
        {
          year: query.year,
          ownerPostId: query.ownerPostId,
          personId: query.personId,
          unitId: query.unitId,
          parentId: query.parentId,
          tier: query.tier,
          category: query.category,
          line: query.line,
          q: query.q || undefined,
          includeArchived: query.includeArchived === 'true',
          scopePostIds: scope.isOrgWide ? null : [...scope.postIds],
        },
        (query.page - 1) * query.pageSize,
        query.pageSize,
      );
      const at = now();
      return {
        items: rows.map((r) => toTargetSummary(r, at)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * The subtree as a flat list; nodes the actor may not read are left out with everything below
     * them. One statement besides the session lookup, read access decided on the post graph it brings.
     */
    async getTargetTree(actor: Actor, id: string, query: In<typeof TargetTreeQuery>) {
      const tree = await repo.readSubtree(actor.organisationId, id, query.depth);
      const root = tree?.nodes[0];
      if (
        !tree ||
        !root ||
        !access.canReadTargetIn(
          actor,
          { ownerPostId: root.ownerPostId, parentOwnerPostId: tree.rootParentOwnerPostId },
          tree.graph,
        )
      )
        throw notFound('目标');
      const ownerOf = new Map(tree.nodes.map((node) => [node.id, node.ownerPostId]));
      const kept = new Set<string>();
      const at = now();
      const result = [];
      for (const node of tree.nodes) {
        const isKept =
          node.level === 0 ||
          (node.parentId !== null &&
            kept.has(node.parentId) &&
            access.canReadTargetIn(
              actor,
              { ownerPostId: node.ownerPostId, parentOwnerPostId: ownerOf.get(node.parentId) ?? null },
              tree.graph,
            ));
        if (!isKept) continue;
        kept.add(node.id);
        result.push(toTargetSummaryOfJson(node, at));
      }
      return { rootId: id, nodes: result };
    },

    async createTarget(actor: Actor, input: In<typeof CreateTarget>): Promise<TargetDetail> {
      const org = actor.organisationId;
      const parent = input.parentId ? await loadVisible(actor, input.parentId) : null;
      if (parent) {
        if (!access.canDecompose(actor, factsOf(parent))) {
          throw forbidden('只有上级目标的责任人（或一级责任人、管理员）可以向下分解目标');
        }
        if (parent.status !== 'ACTIVE') throw conflict('上级目标已归档，不能再分解');
        if (!parent.ownerPostId) throw conflict('上级目标没有责任岗位，不能分解');
        if (parent.year !== input.year || parent.category !== input.category || parent.line !== input.line) {
          throw invalid('子目标的年度、目标类别和主线须与上级目标一致');
        }
      } else if (!access.canCreateRootTarget(actor)) {
        throw forbidden('只有一级责任人或管理员可以创建顶层目标');
      }
      const owner = await findPost(actor, input.ownerPostId);
      if (parent?.ownerPostId) assertChildOwner(owner, await findPost(actor, parent.ownerPostId), input.line);
      else assertRootOwner(owner, input.line);

      const id = await write(actor, async (tx) => {
        if (parent) {
          await repo.lockRoots(tx, org, [parent.id]);
          const siblings = await repo.findActiveChildren(org, parent.id, tx);
          assertWeightSum([...siblings.map((s) => toNumber(s.weight)), input.weight]);
        }
        const data = {
          organisationId: org,
          parentId: parent?.id ?? null,
          year: input.year,
          category: input.category,
          line: input.line,
          title: input.title,
          description: input.description ?? null,
          weight: input.weight,
          measureKind: input.measureKind,
          measureUnit: input.measureUnit ?? null,
          baseline: input.baseline ?? 0,
          goal: input.goal,
          dueDate: fromDateOnly(input.dueDate),
          ownerPostId: owner.id,
        };
        const created = await repo.createTarget(tx, data);
        if (parent) await refreshRollUp(repo, tx, org, [parent.id]);
        await auditTarget(
          tx,
          actor,
          'target.create',
          created.id,
          null,
          targetSnapshot({ ...data, status: 'ACTIVE', version: 1 }),
        );
        return created.id;
      });
      return getTarget(actor, id);
    },

    async updateTarget(actor: Actor, id: string, input: In<typeof UpdateTarget>): Promise<TargetDetail> {
      const org = actor.organisationId;
      const row = await loadVisible(actor, id);
      if (!access.canEditTarget(actor, factsOf(row))) {
        throw forbidden('只有分解该目标的上级责任人（或一级责任人、管理员）可以修改该目标');
      }
      if (row.version !== input.version) throw await staleError(actor, id);
      if (row.status !== 'ACTIVE') throw conflict('该目标已归档，不能修改');
      const { version, ...fields } = input;
      const data = toData(fields);
      if (data.ownerPostId && data.ownerPostId !== row.ownerPostId) {
        const owner = await findPost(actor, data.ownerPostId);
        if (row._count.children > 0) {
          throw conflict('该目标已分解到下级岗位，不能直接更换责任岗位；请先调整或归档其子目标');
        }
        if (row.parentId) {
          if (!row.parent?.ownerPostId) throw conflict('上级目标没有责任岗位，无法核对新的责任岗位');
          assertChildOwner(owner, await findPost(actor, row.parent.ownerPostId), row.line);
        } else assertRootOwner(owner, row.line);
      }

      await write(actor, async (tx) => {
        await repo.lockRoots(tx, org, [id]);
        if (data.weight !== undefined && row.parentId) {
          const siblings = await repo.findActiveChildren(org, row.parentId, tx);
          assertWeightSum([
            ...siblings.filter((s) => s.id !== id).map((s) => toNumber(s.weight)),
            data.weight,
          ]);
        }
        if ((await repo.updateIfVersion(tx, org, id, version, data)) === 0) throw new StaleVersion(id);
        if (touchesRollUp(data)) await refreshRollUp(repo, tx, org, [id]);
        await auditTarget(
          tx,
          actor,
          'target.update',
          id,
          targetSnapshot(row),
          targetSnapshot({ ...row, ...data, version: row.version + 1 }),
        );
      });
      return getTarget(actor, id);
    },

    async archiveTarget(actor: Actor, id: string, version: number): Promise<TargetDetail> {
      const org = actor.organisationId;
      const row = await loadVisible(actor, id);
      if (!access.canEditTarget(actor, factsOf(row))) {
        throw forbidden('只有分解该目标的上级责任人（或一级责任人、管理员）可以归档该目标');
      }
      if (row.version !== version) throw await staleError(actor, id);
      if (row.status !== 'ACTIVE') throw conflict('该目标已归档');
      await write(actor, async (tx) => {
        await repo.lockRoots(tx, org, [id]);
        if ((await repo.updateIfVersion(tx, org, id, version, { status: 'ARCHIVED' })) === 0) {
          throw new StaleVersion(id);
        }
        const descendants = await repo.archiveSubtrees(tx, org, [id]);
        if (row.parentId) await refreshRollUp(repo, tx, org, [row.parentId]);
        await auditTarget(tx, actor, 'target.archive', id, targetSnapshot(row), {
          ...targetSnapshot({ ...row, status: 'ARCHIVED', version: row.version + 1 }),
          archivedDescendantIds: descendants,
        });
      });
      return getTarget(actor, id);
    },

    /**
     * Replaces a target's decomposition: listed children with an id are updated, without one
     * created, active children not listed are archived with their subtrees. The parent's version
     * guards the whole decomposition.
     */
    async decomposeTarget(
      actor: Actor,
      id: string,
      input: In<typeof DecomposeTarget>,
    ): Promise<TargetDetail> {
      const org = actor.organisationId;
      const parent = await loadVisible(actor, id);
      if (!access.canDecompose(actor, factsOf(parent))) {
        throw forbidden('只有该目标的责任人（或一级责任人、管理员）可以分解该目标');
      }
      if (parent.version !== input.version) throw await staleError(actor, id);
      if (parent.status !== 'ACTIVE') throw conflict('该目标已归档，不能分解');
      if (!parent.ownerPostId) throw conflict('该目标没有责任岗位，不能分解');

      const ids = input.children.flatMap((c) => (c.id ? [c.id] : []));
      if (new Set(ids).size !== ids.length) throw invalid('子目标重复出现');
      assertWeightSum(input.children.map((c) => c.weight));
      const ownerIds = [...new Set([parent.ownerPostId, ...input.children.map((c) => c.ownerPostId)])];
      const posts = new Map((await repo.findPosts(org, ownerIds)).map((p) => [p.id, p]));
      const parentOwner = posts.get(parent.ownerPostId);
      if (!parentOwner) throw notFound('岗位');
      for (const child of input.children) {
        const post = posts.get(child.ownerPostId);
        if (!post) throw notFound('岗位');
        assertChildOwner(post, parentOwner, parent.line);
      }

      await write(actor, async (tx) => {
        await repo.lockRoots(tx, org, [id]);
        const current = await repo.findActiveChildren(org, id, tx);
        const currentById = new Map(current.map((c) => [c.id, c]));
        for (const childId of ids) {
          if (!currentById.has(childId)) throw invalid('所列子目标不是该目标当前的子目标，请刷新后重试');
        }
        if ((await repo.updateIfVersion(tx, org, id, input.version, {})) === 0) throw new StaleVersion(id);

        const changedChildren: string[] = [];
        const after = [];
        for (const child of input.children) {
          const { id: childId, ...fields } = child;
          const data = toData(fields);
          const existing = childId ? currentById.get(childId) : undefined;
          if (existing) {
            if (data.ownerPostId !== existing.ownerPostId && existing._count.children > 0) {
              throw conflict(`子目标「${existing.title}」已继续分解，不能直接更换责任岗位`);
            }
            const snapshotBefore = targetSnapshot(existing);
            const changed = Object.entries(targetSnapshot({ ...existing, ...data })).some(
              ([key, value]) => snapshotBefore[key as keyof typeof snapshotBefore] !== value,
            );
            if (changed) {
              await repo.updateChild(tx, org, existing.id, data);
              if (touchesRollUp(data)) changedChildren.push(existing.id);
            }
            after.push({ id: existing.id, ...targetSnapshot({ ...existing, ...data }) });
          } else {
            const rowData = {
              organisationId: org,
              parentId: id,
              year: parent.year,
              category: parent.category,
              line: parent.line,
              title: child.title,
              description: child.description ?? null,
              weight: child.weight,
              measureKind: child.measureKind,
              measureUnit: child.measureUnit ?? null,
              baseline: child.baseline ?? 0,
              goal: child.goal,
              dueDate: fromDateOnly(child.dueDate),
              ownerPostId: child.ownerPostId,
            };
            const created = await repo.createTarget(tx, rowData);
            after.push({ id: created.id, ...targetSnapshot({ ...rowData, status: 'ACTIVE', version: 1 }) });
          }
        }
        const removed = current.filter((c) => !ids.includes(c.id)).map((c) => c.id);
        const archived = await repo.archiveSubtrees(tx, org, removed);
        await refreshRollUp(repo, tx, org, [id, ...changedChildren]);
        await auditTarget(
          tx,
          actor,
          'target.decompose',
          id,
          { version: parent.version, children: current.map((c) => ({ id: c.id, ...targetSnapshot(c) })) },
          { version: parent.version + 1, children: after, archivedIds: archived },
        );
      });
      return getTarget(actor, id);
    },

    /**
     * 千斤重担众人挑: one template to every active post of a tier and/or unit in the line, each under
     * its superior's (in that line) active target of the same year, category and line — preferring
     * one with the template's title. Posts whose superior has none, or that already carry a target
     * with that title, year and category, are skipped with the reason (so a re-run is idempotent).
     */
    async bulkAssignTargets(actor: Actor, input: In<typeof BulkAssignTargets>) {
      if (!access.canBulkAssign(actor)) throw forbidden('只有一级责任人或管理员可以批量下达目标');
      const org = actor.organisationId;
      const { year, category, line, template, scope } = input;
      if (scope.unitId && !(await repo.unitExists(org, scope.unitId))) throw invalid('所选部门不存在');
      const posts = await repo.findPostsInScope(org, scope, line);
      const superiorIds = [...new Set(posts.flatMap((p) => superiorIn(p, line) ?? []))];
      const [ownTargets, superiorTargets] = await Promise.all([
        repo.findTargetsOfPosts(org, { year, category, ownerPostIds: posts.map((p) => p.id) }),
        repo.findTargetsOfPosts(org, { year, category, ownerPostIds: superiorIds }),
      ]);

      const skipped: { postId: string; reason: string }[] = [];
      const planned: { post: PostFactsRow; parentId: string }[] = [];
      const addedWeight = new Map<string, number>();
      for (const post of posts) {
        const superiorId = superiorIn(post, line);
        if (post.tier === 1 || superiorId === null) {
          skipped.push({
            postId: post.id,
            reason: `该岗位在${LINE_LABELS[line]}中没有上级岗位，顶层目标请直接创建`,
          });
          continue;
        }
        if (ownTargets.some((t) => t.ownerPostId === post.id && t.title === template.title)) {
          skipped.push({ postId: post.id, reason: `该岗位已有本年度同类目标「${template.title}」` });
          continue;
        }
        const candidates = superiorTargets.filter((t) => t.ownerPostId === superiorId && t.line === line);
        const parent = candidates.find((t) => t.title === template.title) ?? candidates[0];
        if (!parent) {
          skipped.push({ postId: post.id, reason: '上级岗位在本年度没有同类目标，无法挂接' });
          continue;
        }
        const added = addedWeight.get(parent.id) ?? 0;
        const weights = [...parent.children.map((c) => toNumber(c.weight)), added, template.weight];
        if (summariseChildWeights(weights).isOverLimit) {
          skipped.push({ postId: post.id, reason: `上级目标「${parent.title}」的子目标权重之和将超过 100` });
          continue;
        }
        addedWeight.set(parent.id, added + template.weight);
        planned.push({ post, parentId: parent.id });
      }

      const created = await db.$transaction(async (tx) => {
        if (planned.length === 0) return [];
        const parentIds = [...new Set(planned.map((p) => p.parentId))];
        await repo.lockRoots(tx, org, parentIds);
        const rows = planned.map(({ post, parentId }) => ({
          id: randomUUID(),
          organisationId: org,
          parentId,
          year,
          category,
          line,
          title: template.title,
          description: template.description ?? null,
          weight: template.weight,
          measureKind: template.measureKind,
          measureUnit: template.measureUnit ?? null,
          baseline: template.baseline ?? 0,
          goal: template.goal,
          dueDate: fromDateOnly(template.dueDate),
          ownerPostId: post.id,
        }));
        await repo.createTargets(tx, rows);
        await refreshRollUp(repo, tx, org, parentIds);
        for (const row of rows) {
          await auditTarget(
            tx,
            actor,
            'target.bulk-assign',
            row.id,
            null,
            targetSnapshot({ ...row, status: 'ACTIVE', version: 1 }),
          );
        }
        return rows.map((r) => ({ targetId: r.id, ownerPostId: r.ownerPostId, parentId: r.parentId }));
      }, TX_OPTIONS);
      return { created, skipped };
    },
  };
}

export type TargetsService = ReturnType<typeof createTargetsService>;
