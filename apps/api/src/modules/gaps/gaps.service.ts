// The closed-chain check (DOMAIN rule 4): the domain's findGaps over the organisation's posts and a
// year's targets, joined with tier 1's waivers; publishing a year's target book once every gap is
// closed or waived.
import type { Gap, GapKind, GapReport, GapsQuery, TargetYearState, WaiveGap } from '@zeren/contracts';
import {
  canPublishYear,
  findGaps,
  GAP_KINDS,
  partitionGaps,
  type ChainTarget,
  type Gap as DomainGap,
  type Holding,
  type Post as DomainPost,
  type Tier,
} from '@zeren/domain';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import { currentYear } from '../../lib/dates';
import type { AccessService } from '../access/access.service';
import type { AuditService } from '../audit/audit.service';
import { toNumber, toPostRef } from '../targets/targets.mapper';
import type { ChainPostRow, ChainTargetRow, GapsRepository } from './gaps.repository';

type In<T extends z.ZodType> = z.output<T>;

export interface ChainFacts {
  year: number;
  posts: ChainPostRow[];
  postsById: Map<string, ChainPostRow>;
  targets: ChainTargetRow[];
  gaps: DomainGap[];
  waivers: Awaited<ReturnType<GapsRepository['findWaivers']>>;
}

export const toDomainPost = (post: ChainPostRow): DomainPost => ({
  id: post.id,
  organisationId: post.organisationId,
  tier: post.tier as Tier,
  name: post.title,
  lines: post.lines,
  reportsTo: { ADMINISTRATIVE: post.adminSuperiorId, PARTY: post.partySuperiorId },
  archived: post.archivedAt !== null,
});

export function createGapsService(deps: {
  db: Db;
  repo: GapsRepository;
  access: AccessService;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, repo, access, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /** Posts, the year's targets, the gaps and the waivers, in four queries. */
  async function loadChainFacts(organisationId: string, year: number): Promise<ChainFacts> {
    const [posts, targets, waivers] = await Promise.all([
      repo.findPosts(organisationId),
      repo.findTargetsOfYear(organisationId, year),
      repo.findWaivers(organisationId, year),
    ]);
    const holdings: Holding[] = posts.flatMap((p) =>
      p.holdings.map((h) => ({ postId: p.id, personId: h.personId })),
    );
    const chainTargets: ChainTarget[] = targets.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      ownerPostId: t.ownerPostId,
      category: t.category,
      line: t.line,
      weight: toNumber(t.weight),
      year,
      archived: t.status === 'ARCHIVED',
      title: t.title,
    }));
    const gaps = findGaps({ year, posts: posts.map(toDomainPost), holdings, targets: chainTargets });
    return { year, posts, postsById: new Map(posts.map((p) => [p.id, p])), targets, gaps, waivers };
  }

  /**
   * The post a gap belongs to, for scoping: its post, or for a target without owner the owner of
   * the target's parent (who decomposed it).
   */
  function gapPostId(gap: DomainGap, facts: ChainFacts): string | null {
    if (gap.postId) return gap.postId;
    if (!gap.targetId) return null;
    const target = facts.targets.find((t) => t.id === gap.targetId);
    const parent = target?.parentId ? facts.targets.find((t) => t.id === target.parentId) : undefined;
    return parent?.ownerPostId ?? null;
  }

  async function scopedGaps(actor: Actor, facts: ChainFacts): Promise<DomainGap[]> {
    const visible: DomainGap[] = [];
    for (const gap of facts.gaps)
      if (await access.canReadGap(actor, gapPostId(gap, facts))) visible.push(gap);
    return visible;
  }

  const openGapsOf = (facts: ChainFacts, gaps: readonly DomainGap[]) =>
    partitionGaps(
      gaps,
      facts.waivers.map((w) => ({ gapKey: w.gapKey, reason: w.reason })),
    ).open;

  return {
    loadChainFacts,
    openGapsOf,

    async getGaps(actor: Actor, query: In<typeof GapsQuery>): Promise<GapReport> {
      if (!access.canReadGaps(actor)) throw forbidden('只有一、二级责任人和管理员可以查看责任链缺口');
      const org = actor.organisationId;
      const year = query.year ?? currentYear(now());
      const [facts, targetYear] = await Promise.all([
        loadChainFacts(org, year),
        repo.findTargetYear(org, year),
      ]);
      const gaps = await scopedGaps(actor, facts);
      const waiverByKey = new Map(facts.waivers.map((w) => [w.gapKey, w]));
      const names = await repo.userNames(
        org,
        facts.waivers.map((w) => w.waivedById),
      );
      const { open, waived } = partitionGaps(
        gaps,
        facts.waivers.map((w) => ({ gapKey: w.gapKey, reason: w.reason })),
      );
      const openCounts = Object.fromEntries(GAP_KINDS.map((kind) => [kind, 0])) as Record<GapKind, number>;
      for (const gap of open) openCounts[gap.kind] += 1;

      const titleOf = new Map(facts.targets.map((t) => [t.id, t.title]));
      const items: Gap[] = [];
      for (const gap of gaps) {
        const post = gap.postId ? facts.postsById.get(gap.postId) : undefined;
        if (query.kind && gap.kind !== query.kind) continue;
        if (query.unitId && post?.unitId !== query.unitId) continue;
        if (query.tier !== undefined && post?.tier !== query.tier) continue;
        if (query.category && gap.category !== query.category) continue;
        if (query.line && gap.line !== query.line) continue;
        const waiver = waiverByKey.get(gap.key);
        items.push({
          kind: gap.kind,
          key: gap.key,
          detail: gap.detail,
          post: post ? toPostRef(post) : null,
          unit: post ? { id: post.unit.id, name: post.unit.name } : null,
          target: gap.targetId ? { id: gap.targetId, title: titleOf.get(gap.targetId) ?? '' } : null,
          category: gap.category ?? null,
          line: gap.line ?? null,
          waiver: waiver
            ? {
                id: waiver.id,
                gapKey: waiver.gapKey,
                reason: waiver.reason,
                waivedBy: names.get(waiver.waivedById) ?? '',
                waivedAt: waiver.waivedAt.toISOString(),
              }
            : null,
        });
      }
      const isYearPublished = targetYear?.status === 'PUBLISHED';
      return {
        year,
        openCounts,
        openTotal: open.length,
        waivedTotal: waived.length,
        gaps: items,
        isYearPublished,
        canPublish: access.canPublishTargetYear(actor) && !isYearPublished && open.length === 0,
      };
    },

    async waiveGap(actor: Actor, input: In<typeof WaiveGap>) {
      if (!access.canWaiveGaps(actor)) throw forbidden('只有一级责任人可以豁免责任链缺口');
      const org = actor.organisationId;
      const facts = await loadChainFacts(org, input.year);
      if (!facts.gaps.some((g) => g.key === input.gapKey)) throw notFound('该缺口');
      if (facts.waivers.some((w) => w.gapKey === input.gapKey)) {
        throw new DomainError('CONFLICT', '该缺口已被豁免');
      }
      const waiver = await db.$transaction(async (tx) => {
        const created = await repo.createWaiver(tx, {
          organisationId: org,
          year: input.year,
          gapKey: input.gapKey,
          reason: input.reason,
          waivedById: actor.userId,
        });
        await audit.append(tx, {
          organisationId: org,
          actorUserId: actor.userId,
          action: 'gap.waive',
          entityType: 'GapWaiver',
          entityId: created.id,
          before: null,
          after: { year: input.year, gapKey: input.gapKey, reason: input.reason },
        });
        return created;
      });
      const names = await repo.userNames(org, [actor.userId]);
      return {
        id: waiver.id,
        gapKey: waiver.gapKey,
        reason: waiver.reason,
        waivedBy: names.get(actor.userId) ?? '',
        waivedAt: waiver.waivedAt.toISOString(),
      };
    },

    async revokeGapWaiver(actor: Actor, id: string): Promise<void> {
      if (!access.canWaiveGaps(actor)) throw forbidden('只有一级责任人可以撤销缺口豁免');
      const org = actor.organisationId;
      const waiver = await repo.findWaiver(org, id);
      if (!waiver) throw notFound('该豁免');
      await db.$transaction(async (tx) => {
        if ((await repo.deleteWaiver(tx, org, id)) === 0) throw notFound('该豁免');
        await audit.append(tx, {
          organisationId: org,
          actorUserId: actor.userId,
          action: 'gap.waiver.revoke',
          entityType: 'GapWaiver',
          entityId: id,
          before: { year: waiver.year, gapKey: waiver.gapKey, reason: waiver.reason },
          after: null,
        });
      });
    },

    async publishTargetYear(actor: Actor, year: number): Promise<In<typeof TargetYearState>> {
      if (!access.canPublishTargetYear(actor)) throw forbidden('只有一级责任人可以发布年度目标');
      const org = actor.organisationId;
      const [facts, targetYear] = await Promise.all([
        loadChainFacts(org, year),
        repo.findTargetYear(org, year),
      ]);
      if (targetYear?.status === 'PUBLISHED') throw new DomainError('CONFLICT', `${year} 年度目标已发布`);
      const waivers = facts.waivers.map((w) => ({ gapKey: w.gapKey, reason: w.reason }));
      if (!canPublishYear(facts.gaps, waivers)) {
        const openTotal = partitionGaps(facts.gaps, waivers).open.length;
        throw new DomainError(
          'CONFLICT',
          `责任链仍有 ${openTotal} 个未豁免的缺口，不能发布 ${year} 年度目标；请先补齐或由一级责任人逐一豁免`,
          { openTotal },
        );
      }
      const at = now();
      const published = await db.$transaction(async (tx) => {
        const row = await repo.publishYear(tx, org, year, actor.userId, at);
        await audit.append(tx, {
          organisationId: org,
          actorUserId: actor.userId,
          action: 'target-year.publish',
          entityType: 'TargetYear',
          entityId: String(year),
          before: { status: targetYear?.status ?? 'DRAFT' },
          after: {
            status: 'PUBLISHED',
            publishedAt: at.toISOString(),
            waivedGapKeys: facts.waivers.map((w) => w.gapKey),
          },
        });
        return row;
      });
      return { year, status: published.status, publishedAt: published.publishedAt?.toISOString() ?? null };
    },
  };
}

export type GapsService = ReturnType<typeof createGapsService>;
