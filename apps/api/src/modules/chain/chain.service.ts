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
  UnitKind,
} from '@zeren/contracts';
import { categoryProgress, type OwnedTargetProgress } from '@zeren/domain';
import type { z } from 'zod';
import type { Actor } from '../../http/actor';
import { forbidden, notFound } from '../../http/errors';
import { currentYear } from '../../lib/dates';
import type { AccessService } from '../access/access.service';
import type { GapsService } from '../gaps/gaps.service';
import { toPostRef } from '../targets/targets.mapper';
import type { TargetsService } from '../targets/targets.service';
import type { ChainRepository } from './chain.repository';

type In<T extends z.ZodType> = z.output<T>;

export function createChainService(deps: {
  repo: ChainRepository;
  access: AccessService;
  gaps: GapsService;
  targets: TargetsService;
  now?: () => Date;
}) {
  const { repo, access, targets } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async getChain(actor: Actor, query: In<typeof ChainQuery>): Promise<Chain> {
      const scope = await access.readScope(actor);
      if (!scope.isOrgWide && scope.postIds.size === 0) {
        throw forbidden('您没有在岗的岗位，无法查看责任链');
      }
      const line: Line = query.line;
      const year = query.year ?? currentYear(now());
      const org = actor.organisationId;
      // Round trips (docs/performance.md): the posts shown (one statement), then their figures,
      // gaps and findings (one statement); the read scope once for actors below tier 1.
      const rows = await repo.chainNodes(org, {
        line,
        depth: query.depth,
        scope: scope.isOrgWide ? null : [...scope.postIds],
        rootPostId: query.rootPostId ?? null,
        actorPostIds: actor.posts.map((p) => p.id),
      });
      if (rows === null) throw notFound('岗位');
      const ids = rows.map((r) => r.id);
      const figures =
        ids.length > 0 ? await repo.chainFigures(org, year, ids) : { targets: [], gaps: [], findings: [] };
      const findingsByPost = new Map(figures.findings.map((f) => [f.postId, f]));
      const ownTargets = new Map<string, OwnedTargetProgress[]>();
      for (const t of figures.targets) {
        const list = ownTargets.get(t.postId) ?? [];
        list.push({ category: t.category, weight: t.weight, progress: t.progress });
        ownTargets.set(t.postId, list);
      }
      const openByPost = new Map(figures.gaps.map((g) => [g.postId, g.open]));
      const nodes: ChainNode[] = rows.map((post) => {
        const own = ownTargets.get(post.id) ?? [];
        return {
          post: {
            id: post.id,
            code: post.code,
            title: post.title,
            tier: post.tier as Tier,
            lines: post.lines,
            unit: { id: post.unit.id, name: post.unit.name, kind: post.unit.kind as UnitKind },
          },
          holders: post.holders,
          superiorId: post.superiorId,
          progress: categoryProgress(own),
          targetCount: own.length,
          subordinateCount: post.subordinateCount,
          openGapCount: openByPost.get(post.id) ?? 0,
          openFindingCount: findingsByPost.get(post.id)?.open ?? 0,
          overdueFindingCount: findingsByPost.get(post.id)?.overdue ?? 0,
        };
      });
      return { line, year, rootIds: rows.filter((r) => r.isRoot).map((r) => r.id), nodes };
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
