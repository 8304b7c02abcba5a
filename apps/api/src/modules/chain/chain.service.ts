// The responsibility chain (责任链) as leaders drill down it: posts in one line with their holders,
// per-category progress of their own targets and their open gaps; and one person's profile.
import type {
  Chain,
  ChainNode,
  ChainQuery,
  Line,
  PersonProfile,
  PersonProfileQuery,
  Tier,
} from '@zeren/contracts';
import { categoryProgress, type OwnedTargetProgress } from '@zeren/domain';
import type { z } from 'zod';
import type { Actor } from '../../http/actor';
import { forbidden, notFound } from '../../http/errors';
import { currentYear } from '../../lib/dates';
import type { AccessService } from '../access/access.service';
import type { ChainPostRow } from '../gaps/gaps.repository';
import type { GapsService } from '../gaps/gaps.service';
import { toNumber, toPostRef } from '../targets/targets.mapper';
import type { TargetsService } from '../targets/targets.service';
import { superiorIn } from '../targets/targets.service';
import type { ChainRepository } from './chain.repository';

type In<T extends z.ZodType> = z.output<T>;

export function createChainService(deps: {
  repo: ChainRepository;
  access: AccessService;
  gaps: GapsService;
  targets: TargetsService;
  now?: () => Date;
}) {
  const { repo, access, gaps, targets } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async getChain(actor: Actor, query: In<typeof ChainQuery>): Promise<Chain> {
      const scope = await access.readScope(actor);
      if (!scope.isOrgWide && scope.postIds.size === 0) {
        throw forbidden('您没有在岗的岗位，无法查看责任链');
      }
      const line: Line = query.line;
      const year = query.year ?? currentYear(now());
      const facts = await gaps.loadChainFacts(actor.organisationId, year);
      const isVisible = (post: ChainPostRow) => scope.isOrgWide || scope.postIds.has(post.id);
      const inLine = facts.posts.filter(
        (p) => p.archivedAt === null && p.lines.includes(line) && isVisible(p),
      );
      const byId = new Map(inLine.map((p) => [p.id, p]));
      const reportsOf = new Map<string, ChainPostRow[]>();
      for (const post of inLine) {
        const superiorId = superiorIn(post, line);
        if (superiorId === null) continue;
        reportsOf.set(superiorId, [...(reportsOf.get(superiorId) ?? []), post]);
      }

      let rootIds: string[];
      if (query.rootPostId) {
        if (!byId.has(query.rootPostId)) throw notFound('岗位');
        rootIds = [query.rootPostId];
      } else if (scope.isOrgWide) {
        rootIds = inLine.filter((p) => p.tier === 1).map((p) => p.id);
      } else {
        rootIds = actor.posts.filter((p) => byId.has(p.id)).map((p) => p.id);
        // No post of one's own in this line (an assessor): start at the top of what one may read.
        if (rootIds.length === 0) {
          rootIds = inLine.filter((p) => !byId.has(superiorIn(p, line) ?? '')).map((p) => p.id);
        }
      }

      // A root that reports (transitively) to another root is shown below it, not as a root.
      const rootSet = new Set(rootIds);
      const isBelowAnotherRoot = (id: string) => {
        const seen = new Set<string>([id]);
        for (let up = superiorIn(facts.postsById.get(id)!, line); up !== null && !seen.has(up);) {
          if (rootSet.has(up)) return true;
          seen.add(up);
          const superior = facts.postsById.get(up);
          up = superior ? superiorIn(superior, line) : null;
        }
        return false;
      };
      const roots = [...rootSet].filter((id) => !isBelowAnotherRoot(id));
      // Breadth-first, `depth` levels below the roots.
      const nodeIds: string[] = [];
      const visited = new Set<string>();
      let frontier = roots;
      for (let level = 0; frontier.length > 0; level++) {
        const next: string[] = [];
        for (const id of frontier) {
          if (visited.has(id)) continue;
          visited.add(id);
          nodeIds.push(id);
          if (level < query.depth) for (const report of reportsOf.get(id) ?? []) next.push(report.id);
        }
        frontier = next;
      }

      const openByPost = new Map<string, number>();
      for (const gap of gaps.openGapsOf(facts, facts.gaps)) {
        if (gap.postId) openByPost.set(gap.postId, (openByPost.get(gap.postId) ?? 0) + 1);
      }
      const findingsByPost = await repo.openFindingsByPost(actor.organisationId);
      const ownTargets = new Map<string, OwnedTargetProgress[]>();
      for (const t of facts.targets) {
        if (t.status !== 'ACTIVE' || t.ownerPostId === null) continue;
        const list = ownTargets.get(t.ownerPostId) ?? [];
        list.push({ category: t.category, weight: toNumber(t.weight), progress: t.progress });
        ownTargets.set(t.ownerPostId, list);
      }

      const nodes: ChainNode[] = nodeIds.map((id) => {
        const post = byId.get(id)!;
        const own = ownTargets.get(id) ?? [];
        return {
          post: {
            id: post.id,
            code: post.code,
            title: post.title,
            tier: post.tier as Tier,
            lines: post.lines,
            unit: { id: post.unit.id, name: post.unit.name, kind: post.unit.kind },
          },
          holders: post.holdings.map((h) => ({ personId: h.personId, name: h.person.name })),
          superiorId: superiorIn(post, line),
          progress: categoryProgress(own),
          targetCount: own.length,
          subordinateCount: reportsOf.get(id)?.length ?? 0,
          openGapCount: openByPost.get(id) ?? 0,
          openFindingCount: findingsByPost.get(id)?.open ?? 0,
          overdueFindingCount: findingsByPost.get(id)?.overdue ?? 0,
        };
      });
      return { line, year, rootIds: roots, nodes };
    },

    async getPersonProfile(
      actor: Actor,
      personId: string,
      query: In<typeof PersonProfileQuery>,
    ): Promise<PersonProfile> {
      const org = actor.organisationId;
      const person = await repo.findPerson(org, personId);
      const allPostIds = person?.holdings.map((h) => h.post.id) ?? [];
      if (!person || !(await access.canReadPerson(actor, { id: person.id, postIds: allPostIds }))) {
        throw notFound('人员');
      }
      const holdings = [];
      for (const h of person.holdings) {
        if (person.id === actor.personId || (await access.canReadPost(actor, h.post.id))) holdings.push(h);
      }
      const year = query.year ?? currentYear(now());
      const summaries = await targets.summariesOfPosts(
        org,
        year,
        holdings.map((h) => h.post.id),
      );
      return {
        person: {
          id: person.id,
          name: person.name,
          employeeNo: person.employeeNo,
          isPartyMember: person.isPartyMember,
        },
        posts: holdings.map(({ post, isPrimary }) => ({
          post: toPostRef(post),
          lines: post.lines,
          isPrimary,
          adminSuperior: post.adminSuperior ? toPostRef(post.adminSuperior) : null,
          partySuperior: post.partySuperior ? toPostRef(post.partySuperior) : null,
          progress: categoryProgress(
            summaries
              .filter((t) => t.owner?.id === post.id)
              .map((t) => ({ category: t.category, weight: t.weight, progress: t.progress })),
          ),
        })),
        targets: summaries,
      };
    },
  };
}

export type ChainService = ReturnType<typeof createChainService>;
