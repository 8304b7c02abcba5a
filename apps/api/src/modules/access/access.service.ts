// Object-level authorization: the one place that decides who may see and change what.
// The rules are the table in docs/security.md; keep the two in step.
import type { Line } from '@zeren/contracts';
import type { Actor } from '../../http/actor';
import type { AccessRepository } from './access.repository';

export interface ReadScope {
  /** Tier 1 and administrators read their whole organisation. */
  isOrgWide: boolean;
  /** Otherwise: the posts whose targets, progress and chain the actor may read. */
  postIds: ReadonlySet<string>;
}

export const isAdmin = (actor: Actor) => actor.roles.includes('ADMIN');
export const isAssessor = (actor: Actor) => actor.roles.includes('ASSESSOR');
export const isTierOne = (actor: Actor) => actor.posts.some((p) => p.tier === 1);
export const holdsPost = (actor: Actor, postId: string | null | undefined) =>
  !!postId && actor.posts.some((p) => p.id === postId);
/** Tier 1 and administrators read their whole organisation. */
const readsWholeOrganisation = (actor: Actor) => isTierOne(actor) || isAdmin(actor);
/** The actor's posts that lead others (tiers 1–3): everything below them is in the read scope. */
const leadingPostIds = (actor: Actor) => actor.posts.filter((p) => p.tier <= 3).map((p) => p.id);

/**
 * One post as the read rule sees it without a read scope: its superiors, whether it is live, and
 * whether it is an evaluee's post (tiers 2–4, live, held: what assessors read).
 */
export interface PostLinks {
  adminSuperiorId: string | null;
  partySuperiorId: string | null;
  isLive: boolean;
  isEvaluee: boolean;
}
/**
 * The posts a read involves and every post above them (access.repository.ts `postGraphCtes`,
 * fetched in the read's own statement). A post missing from it is read only organisation-wide.
 */
export type PostGraph = ReadonlyMap<string, PostLinks>;

/** The minimal facts about a target that the write rules need. */
export interface TargetFacts {
  ownerPostId: string | null;
  line: Line;
  /** The owner post's superior in the target's line. */
  ownerSuperiorId: string | null;
  /** The owner of the parent target (who decomposed this one). */
  parentOwnerPostId: string | null;
  isRoot: boolean;
}

export function createAccessService(repo: AccessRepository) {
  // One scope per request: the actor object lives for one request.
  const scopes = new WeakMap<Actor, Promise<ReadScope>>();

  return {
    /**
     * Read scope: tier 1 and admin — everything in the organisation; tiers 2–3 — their own posts
     * and everything below them in either line (分管 and sections); tier 4 — their own posts;
     * assessors additionally every evaluee's posts (tiers 2–4).
     */
    readScope(actor: Actor): Promise<ReadScope> {
      let scope = scopes.get(actor);
      if (!scope) {
        scope = (async () => {
          if (readsWholeOrganisation(actor)) return { isOrgWide: true, postIds: new Set<string>() };
          const own = actor.posts.map((p) => p.id);
          const leading = leadingPostIds(actor);
          const ids = new Set([...own, ...(await repo.subtreePostIds(actor.organisationId, leading))]);
          if (isAssessor(actor))
            for (const id of await repo.evalueePostIds(actor.organisationId)) ids.add(id);
          return { isOrgWide: false, postIds: ids };
        })();
        scopes.set(actor, scope);
      }
      return scope;
    },

    async canReadPost(actor: Actor, postId: string | null): Promise<boolean> {
      const scope = await this.readScope(actor);
      return scope.isOrgWide || (!!postId && scope.postIds.has(postId));
    },

    /**
     * `canReadPost` decided on the post graph a read fetched instead of on the read scope: the same
     * rule asked the other way round. The post is in the scope when it is one's own, when it
     * reports (in either line, transitively, through live posts) to one of one's tier 1–3 posts, or
     * when one is an assessor and it is an evaluee's post. No database access.
     */
    canReadPostIn(actor: Actor, postId: string | null, graph: PostGraph): boolean {
      if (readsWholeOrganisation(actor)) return true;
      if (!postId) return false;
      if (holdsPost(actor, postId)) return true;
      if (isAssessor(actor) && graph.get(postId)?.isEvaluee) return true;
      const leading = new Set(leadingPostIds(actor));
      if (leading.size === 0) return false;
      const seen = new Set<string>();
      const pending = [postId];
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const post = graph.get(id);
        if (!post?.isLive) continue; // the walk down to a post passes only live posts
        for (const above of [post.adminSuperiorId, post.partySuperiorId]) {
          if (!above || seen.has(above)) continue;
          if (leading.has(above)) return true;
          seen.add(above);
          pending.push(above);
        }
      }
      return false;
    },

    /** Rule 5: the owner, or the owner's direct superior in the target's line (the section chief). */
    canRecordProgress(actor: Actor, target: TargetFacts): boolean {
      return holdsPost(actor, target.ownerPostId) || holdsPost(actor, target.ownerSuperiorId);
    },

    /**
     * A target is read by whoever may read its owner post, and by whoever may read the owner of its
     * parent (what you decomposed stays visible to you, even while it has no owner).
     */
    async canReadTarget(
      actor: Actor,
      target: Pick<TargetFacts, 'ownerPostId' | 'parentOwnerPostId'>,
    ): Promise<boolean> {
      const scope = await this.readScope(actor);
      if (scope.isOrgWide) return true;
      return (
        (!!target.ownerPostId && scope.postIds.has(target.ownerPostId)) ||
        (!!target.parentOwnerPostId && scope.postIds.has(target.parentOwnerPostId))
      );
    },

    /** `canReadTarget` decided on a fetched post graph (`canReadPostIn`). */
    canReadTargetIn(
      actor: Actor,
      target: Pick<TargetFacts, 'ownerPostId' | 'parentOwnerPostId'>,
      graph: PostGraph,
    ): boolean {
      return (
        this.canReadPostIn(actor, target.ownerPostId, graph) ||
        this.canReadPostIn(actor, target.parentOwnerPostId, graph)
      );
    },

    /**
     * Whoever decomposed the target (the parent's owner) edits it; root targets: tier 1; tier 1 and
     * admin always (tier 1 may decompose any target, which rewrites its children anyway).
     */
    canEditTarget(actor: Actor, target: TargetFacts): boolean {
      if (isAdmin(actor) || isTierOne(actor)) return true;
      if (target.isRoot) return false;
      return holdsPost(actor, target.parentOwnerPostId);
    },

    /** A target is decomposed by its owner (one tier down); admin and tier 1 may too. */
    canDecompose(actor: Actor, target: TargetFacts): boolean {
      return isAdmin(actor) || isTierOne(actor) || holdsPost(actor, target.ownerPostId);
    },

    canCreateRootTarget: (actor: Actor) => isAdmin(actor) || isTierOne(actor),
    canBulkAssign: (actor: Actor) => isAdmin(actor) || isTierOne(actor),
    canAdministerOrganisation: (actor: Actor) => isAdmin(actor),
    /** Leaders (tiers 1–2) and admin see the gaps; tier 2 only within their scope. */
    canReadGaps: (actor: Actor) => isAdmin(actor) || actor.posts.some((p) => p.tier <= 2),
    canWaiveGaps: (actor: Actor) => isTierOne(actor),
    canPublishTargetYear: (actor: Actor) => isTierOne(actor),
    canReadAudit: (actor: Actor) => isAdmin(actor) || isTierOne(actor),

    // Evaluation (综合考评, DOMAIN rules 6–9); the table in docs/security.md.
    /** Draft cycles, set windows, open/close/reopen/publish, exclusions: admin or tier 1. */
    canManageCycles: (actor: Actor) => isAdmin(actor) || isTierOne(actor),
    /** Only assessment-group members score (never themselves: checked per evaluee). */
    canScore: (actor: Actor) => isAssessor(actor),
    canSetAssessors: (actor: Actor) => isAdmin(actor),
    canReadAssessors: (actor: Actor) => isAdmin(actor) || isTierOne(actor) || isAssessor(actor),
    /** Every evaluee's results, exclusions, amendments, the export and the evaluee context panel. */
    canReadAllResults: (actor: Actor) => isAdmin(actor) || isTierOne(actor) || isAssessor(actor),
    /** Individual evaluators' scores: tier 1 and assessors, never on one's own sheet. */
    canSeeEvaluatorScores: (actor: Actor, evalueeId: string) =>
      (isTierOne(actor) || isAssessor(actor)) && actor.personId !== evalueeId,
    /** Corrections of published results: tier 1 only. */
    canAmendResults: (actor: Actor) => isTierOne(actor),

    // Dashboards per tier; the table in docs/security.md. The personal dashboard is always one's own.
    canViewBureauDashboard: (actor: Actor) => isAdmin(actor) || isTierOne(actor),
    /** A tier-2 post's dashboard: its holder, tier 1 and admin. */
    canViewSupervisorDashboard: (actor: Actor, postId: string) =>
      isAdmin(actor) || isTierOne(actor) || holdsPost(actor, postId),
    /** A tier-3 post's dashboard: its holder, whoever holds a post above it (either line), tier 1, admin. */
    canViewSectionDashboard: (actor: Actor, post: { id: string; ancestorIds: readonly string[] }) =>
      isAdmin(actor) ||
      isTierOne(actor) ||
      holdsPost(actor, post.id) ||
      post.ancestorIds.some((id) => holdsPost(actor, id)),
    canViewAssessorDashboard: (actor: Actor) => isAssessor(actor),

    /**
     * Within the gap report (canReadGaps), a gap is shown to whoever may read the post it concerns;
     * for a target without owner, the owner of its parent (who decomposed it).
     */
    async canReadGap(actor: Actor, gapPostId: string | null): Promise<boolean> {
      return this.canReadPost(actor, gapPostId);
    },

    /** Evidence: its uploader, and whoever may read a target whose progress cites it. */
    async canReadEvidence(
      actor: Actor,
      evidence: { uploadedById: string; citedBy: Pick<TargetFacts, 'ownerPostId' | 'parentOwnerPostId'>[] },
    ): Promise<boolean> {
      if (evidence.uploadedById === actor.userId) return true;
      for (const target of evidence.citedBy) if (await this.canReadTarget(actor, target)) return true;
      return false;
    },

    // Supervision (督导, DOMAIN rule 11); the table in docs/security.md.
    /** Plans, the board, every inspection and finding: the assessment group, tier 1, admin. */
    canReadAllSupervision: (actor: Actor) => isAdmin(actor) || isTierOne(actor) || isAssessor(actor),
    /** Create, change and archive plans: the assessment group and admin. */
    canManageInspectionPlans: (actor: Actor) => isAdmin(actor) || isAssessor(actor),
    /** Only assessment-group members inspect and re-inspect (复查). */
    canInspect: (actor: Actor) => isAssessor(actor),
    /** Record escalations of overdue tasks: the assessment group, tier 1, admin. */
    canRunEscalations: (actor: Actor) => isAdmin(actor) || isTierOne(actor) || isAssessor(actor),
    /** The owner (a holder of the responsible post) reports the rectification. */
    canRectify: (actor: Actor, finding: { postId: string }) => holdsPost(actor, finding.postId),

    /** A finding: all for the supervision readers; else the owner and their chain (read scope). */
    async canReadFinding(actor: Actor, finding: { postId: string }): Promise<boolean> {
      if (isAdmin(actor) || isTierOne(actor) || isAssessor(actor)) return true;
      return this.canReadPost(actor, finding.postId);
    },

    /** A person's profile: themselves, or whoever may read one of their posts. */
    async canReadPerson(actor: Actor, person: { id: string; postIds: string[] }): Promise<boolean> {
      if (person.id === actor.personId) return true;
      const scope = await this.readScope(actor);
      return scope.isOrgWide || person.postIds.some((id) => scope.postIds.has(id));
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
