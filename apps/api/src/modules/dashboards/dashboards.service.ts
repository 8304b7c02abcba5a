// Dashboards per responsibility tier (docs/architecture.md "Dashboards"): each answers one page
// from the maintained roll-ups and a few set-based statements (at most four per request besides
// the session lookup), checked with `access` (docs/security.md). Tier 1 is in bureau-dashboard.ts.
import type {
  AssessorDashboard,
  AssessorDashboardQuery,
  CategoryProgress,
  DashboardPost,
  DashboardTarget,
  GapCounts,
  GapKind,
  Line,
  PersonalDashboard,
  PersonalDashboardQuery,
  SectionDashboard,
  SectionDashboardQuery,
  SupervisedUnit,
  SupervisorDashboard,
  SupervisorDashboardQuery,
  TargetCategory,
  Tier,
  UnitKind,
  UnitProgress,
} from '@zeren/contracts';
import {
  canAcceptScores,
  categoryProgress,
  compareIds,
  elapsedShare,
  GAP_KINDS,
  isAtRisk,
  isSameAt2Decimals,
  roundTo2,
  TARGET_CATEGORIES,
} from '@zeren/domain';
import type { z } from 'zod';
import type { Actor } from '../../http/actor';
import { DomainError, forbidden, notFound } from '../../http/errors';
import { currentYear, startOfYear, toDateOnly } from '../../lib/dates';
import type { AccessService, TargetFacts } from '../access/access.service';
import type {
  CycleJson,
  DashboardsRepository,
  GapRow,
  HeatRow,
  PostJson,
  TargetJson,
} from './dashboards.repository';

export type In<T extends z.ZodType> = z.output<T>;

const LINES: readonly Line[] = ['ADMINISTRATIVE', 'PARTY'];
/** At-risk lists and the due-soon horizon. */
export const DUE_SOON_DAYS = 30;
const MISSING_LIST_CAP = 200;
export const collator = new Intl.Collator('zh-Hans-CN');
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export const round = (value: number | null): number | null => (value === null ? null : roundTo2(value));

export function toPost(post: PostJson): DashboardPost {
  return {
    id: post.id,
    code: post.code,
    title: post.title,
    tier: post.tier as Tier,
    unit: { id: post.unit.id, name: post.unit.name, kind: post.unit.kind as UnitKind },
    holders: post.holders,
  };
}

export const toCycle = (c: CycleJson) => ({ ...c });

/** Weighted figures of a set of targets: per category, overall, and per line. */
export function summarise(
  targets: readonly { category: TargetCategory; line: Line; weight: number; progress: number }[],
) {
  return {
    progress: categoryProgress(targets),
    lines: LINES.map((line) => ({
      line,
      progress: categoryProgress(targets.filter((t) => t.line === line)),
    })),
  };
}

function emptyGapCounts(): GapCounts {
  return {
    open: 0,
    waived: 0,
    openByKind: Object.fromEntries(GAP_KINDS.map((kind) => [kind, 0])) as Record<GapKind, number>,
  };
}

export function countGaps(rows: readonly GapRow[], unitId?: string): GapCounts {
  const counts = emptyGapCounts();
  for (const row of rows) {
    if (unitId !== undefined && row.unitId !== unitId) continue;
    if (row.isWaived) counts.waived += row.count;
    else {
      counts.open += row.count;
      counts.openByKind[row.kind as GapKind] += row.count;
    }
  }
  return counts;
}

/** Heat rows (unit × category, plus the unit's total) → one entry per unit, in the rows' order. */
function toUnitProgress(rows: readonly HeatRow[]): (UnitProgress & { atRiskCount: number })[] {
  const byUnit = new Map<string, UnitProgress & { atRiskCount: number }>();
  for (const row of rows) {
    let unit = byUnit.get(row.unit.id);
    if (!unit) {
      unit = {
        unit: { id: row.unit.id, name: row.unit.name, kind: row.unit.kind as UnitKind },
        postCount: 0,
        targetCount: 0,
        atRiskCount: 0,
        progress: { IDEOLOGICAL: null, BUSINESS: null, MANAGEMENT: null, overall: null },
      };
      byUnit.set(row.unit.id, unit);
    }
    if (row.category === null) {
      unit.progress.overall = roundTo2(row.mean);
      unit.postCount = row.posts;
      unit.targetCount = row.targets;
      unit.atRiskCount = row.atRisk;
    } else unit.progress[row.category] = roundTo2(row.mean);
  }
  return [...byUnit.values()];
}

/** Today in China as `YYYY-MM-DD`, and that day plus `days`. */
function chinaDay(now: Date, days = 0): string {
  return toDateOnly(new Date(now.getTime() + CHINA_OFFSET_MS + days * DAY_MS));
}

/**
 * A target as the dashboards show it, as of `at`, for any reader: `canRecordProgress` is false, and
 * `recordable` holds what `access.canRecordProgress` needs to decide it per reader (null: it has
 * children, so nobody records progress on it).
 */
export function targetView(
  row: TargetJson,
  posts: ReadonlyMap<string, PostJson>,
  at: Date,
): { target: DashboardTarget; recordable: TargetFacts | null } {
  const owner = row.ownerPostId ? (posts.get(row.ownerPostId) ?? null) : null;
  const share = elapsedShare(startOfYear(row.year), new Date(`${row.dueDate}T00:00:00.000Z`), at);
  const ownerSuperiorId = owner
    ? row.line === 'ADMINISTRATIVE'
      ? owner.adminSuperiorId
      : owner.partySuperiorId
    : null;
  return {
    target: {
      id: row.id,
      parentId: row.parentId,
      title: row.title,
      category: row.category,
      line: row.line,
      weight: row.weight,
      measureKind: row.measureKind,
      measureUnit: row.measureUnit,
      baseline: row.baseline,
      goal: row.goal,
      latestValue: row.latestValue,
      dueDate: row.dueDate,
      progress: row.progress,
      expectedProgress: roundTo2(share * 100),
      isAtRisk: isAtRisk(row.progress, share),
      childCount: row.childCount,
      owner: owner ? toPost(owner) : null,
      canRecordProgress: false,
      version: row.version,
    },
    recordable:
      row.childCount === 0
        ? {
            ownerPostId: row.ownerPostId,
            ownerSuperiorId,
            line: row.line,
            parentOwnerPostId: null,
            isRoot: row.parentId === null,
          }
        : null,
  };
}

/**
 * The lines through which each post below `rootId` reports to it: a post reaches the root in a line
 * when its superior in that line is the root or reaches it in the same line.
 */
function reachedLines(
  rootId: string,
  posts: readonly { id: string; adminSuperiorId: string | null; partySuperiorId: string | null }[],
): Map<string, Set<Line>> {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const memo = new Map<string, Set<Line>>([[rootId, new Set(LINES)]]);
  const linesOf = (id: string, seen: Set<string>): Set<Line> => {
    const known = memo.get(id);
    if (known) return known;
    const post = byId.get(id);
    const lines = new Set<Line>();
    if (post && !seen.has(id)) {
      seen.add(id);
      for (const line of LINES) {
        const superiorId = line === 'ADMINISTRATIVE' ? post.adminSuperiorId : post.partySuperiorId;
        if (superiorId !== null && linesOf(superiorId, seen).has(line)) lines.add(line);
      }
    }
    memo.set(id, lines);
    return lines;
  };
  for (const post of posts) linesOf(post.id, new Set());
  memo.delete(rootId);
  return memo;
}

export function createDashboardsService(deps: {
  repo: DashboardsRepository;
  access: AccessService;
  now?: () => Date;
}) {
  const { repo, access } = deps;
  const now = deps.now ?? (() => new Date());

  function toTarget(
    actor: Actor,
    row: TargetJson,
    posts: ReadonlyMap<string, PostJson>,
    at: Date,
  ): DashboardTarget {
    const { target, recordable } = targetView(row, posts, at);
    return {
      ...target,
      canRecordProgress: recordable !== null && access.canRecordProgress(actor, recordable),
    };
  }

  const postMap = (posts: readonly PostJson[]) => new Map(posts.map((p) => [p.id, p]));

  /** The tier-2 or tier-3 post a dashboard is for, with who is above and below it; 404 when it is not one. */
  async function loadPost(actor: Actor, tier: 2 | 3, postId: string | undefined) {
    const id = postId ?? actor.posts.find((p) => p.tier === tier)?.id;
    const label = tier === 2 ? '二级' : '三级';
    if (!id) throw new DomainError('NOT_FOUND', `您没有${label}责任岗位，请指定要查看的岗位`);
    const context = await repo.findPostContext(actor.organisationId, id);
    if (!context || context.archived || context.post.tier !== tier) throw notFound(`${label}责任岗位`);
    return context;
  }

  return {
    async getSupervisor(
      actor: Actor,
      query: In<typeof SupervisorDashboardQuery>,
    ): Promise<SupervisorDashboard> {
      const context = await loadPost(actor, 2, query.postId);
      if (!access.canViewSupervisorDashboard(actor, context.post.id)) {
        throw forbidden('只有该岗位的在岗人员、一级责任人和管理员可以查看分管看板');
      }
      const at = now();
      const year = query.year ?? currentYear(at);
      const org = actor.organisationId;
      const postId = context.post.id;
      const scope = context.subtree.map((p) => p.id);
      const below = context.subtree.filter((p) => p.id !== postId);
      const members = below.flatMap((p) => p.holderIds.map((personId) => ({ personId, unitId: p.unit.id })));
      const [targets, gaps, evaluation] = await Promise.all([
        repo.targetsOverview(org, year, at, { scopePostIds: scope, headPostId: postId }),
        repo.gapCounts(org, year, scope),
        repo.supervisorEvaluation(org, year, members),
      ]);
      const posts = postMap([...targets.posts, context.post]);
      const own = targets.head.map((row) => toTarget(actor, row, posts, at));
      const heat = new Map(toUnitProgress(targets.heat).map((u) => [u.unit.id, u]));
      const quarter = new Map(evaluation.units.map((u) => [u.unitId, u]));

      const unitsBelow = new Map<string, (typeof below)[number]['unit']>();
      for (const post of below) unitsBelow.set(post.unit.id, post.unit);
      const units: SupervisedUnit[] = [...unitsBelow.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name))
        .map((unit) => {
          const figures = heat.get(unit.id);
          const gapsOfUnit = countGaps(gaps, unit.id);
          return {
            unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind },
            postCount: figures?.postCount ?? 0,
            targetCount: figures?.targetCount ?? 0,
            progress: figures?.progress ?? {
              IDEOLOGICAL: null,
              BUSINESS: null,
              MANAGEMENT: null,
              overall: null,
            },
            atRiskCount: figures?.atRiskCount ?? 0,
            gaps: { open: gapsOfUnit.open, waived: gapsOfUnit.waived },
            lastQuarterMeanTotal: round(quarter.get(unit.id)?.meanTotal ?? null),
            lastQuarterEvaluees: quarter.get(unit.id)?.evaluees ?? 0,
          };
        });
      const grades = evaluation.grades;
      return {
        year,
        asOf: at.toISOString(),
        post: toPost(context.post),
        ownTargets: { ...summarise(own), targets: own },
        units,
        gaps: countGaps(gaps),
        atRisk: {
          total: targets.atRiskTotal,
          items: targets.top.map((row) => toTarget(actor, row, posts, at)),
        },
        lastQuarter: evaluation.lastQuarter,
        grades: grades
          ? {
              cycle: toCycle(grades.cycle),
              evaluees: grades.evaluees,
              byGrade: {
                EXCELLENT: grades.EXCELLENT,
                COMPETENT: grades.COMPETENT,
                BASICALLY_COMPETENT: grades.BASICALLY_COMPETENT,
                INCOMPETENT: grades.INCOMPETENT,
              },
            }
          : null,
        trend: evaluation.trend.map((p) => ({
          ...p,
          meanTotal: round(p.meanTotal),
          meanCompletion: round(p.meanCompletion),
        })),
      };
    },

    async getSection(actor: Actor, query: In<typeof SectionDashboardQuery>): Promise<SectionDashboard> {
      const context = await loadPost(actor, 3, query.postId);
      if (!access.canViewSectionDashboard(actor, { id: context.post.id, ancestorIds: context.ancestorIds })) {
        throw forbidden('只有该岗位的在岗人员及其上级、一级责任人和管理员可以查看科室看板');
      }
      const at = now();
      const year = query.year ?? currentYear(at);
      const org = actor.organisationId;
      const chiefPostId = context.post.id;
      const scope = context.subtree.map((p) => p.id);
      const [owned, gapItems] = await Promise.all([
        repo.targetsOfPosts(org, year, scope),
        repo.gapItems(org, year, scope),
      ]);
      const posts = postMap(owned.posts);
      const order = new Map(owned.posts.map((p, i) => [p.id, i]));
      const reached = reachedLines(chiefPostId, context.subtree);
      const targets = owned.targets
        // Each line carries its own targets: a post below the chief's counts with the targets of
        // the line(s) it reports through (a party member's party-line target belongs to their
        // party group leader's dashboard, their business target to their section chief's).
        .filter((row) => row.ownerPostId === chiefPostId || reached.get(row.ownerPostId ?? '')?.has(row.line))
        .map((row) => ({ row, target: toTarget(actor, row, posts, at) }))
        .sort(
          (a, b) =>
            (order.get(a.row.ownerPostId ?? '') ?? 0) - (order.get(b.row.ownerPostId ?? '') ?? 0) ||
            TARGET_CATEGORIES.indexOf(a.row.category) - TARGET_CATEGORIES.indexOf(b.row.category) ||
            a.row.dueDate.localeCompare(b.row.dueDate) ||
            collator.compare(a.row.title, b.row.title) ||
            compareIds(a.row.id, b.row.id),
        );
      const chiefTargets = targets.filter((t) => t.row.ownerPostId === chiefPostId);

      // Staff: the holders of the posts below the chief's, with their targets there.
      const staffPosts = new Map<string, { name: string; postIds: string[] }>();
      for (const post of owned.posts) {
        if (post.id === chiefPostId || !reached.get(post.id)?.size) continue;
        for (const holder of post.holders) {
          const entry = staffPosts.get(holder.id) ?? { name: holder.name, postIds: [] };
          entry.postIds.push(post.id);
          staffPosts.set(holder.id, entry);
        }
      }
      const staff = [...staffPosts.entries()]
        .map(([personId, { name, postIds }]) => {
          const mine = targets.filter(
            (t) => t.row.ownerPostId !== null && postIds.includes(t.row.ownerPostId),
          );
          return {
            person: { id: personId, name },
            posts: postIds.map((id) => ({ id, title: posts.get(id)!.title })),
            targetCount: mine.length,
            atRiskCount: mine.filter((t) => t.target.isAtRisk).length,
            progress: categoryProgress(mine.map((t) => t.row)) as CategoryProgress,
          };
        })
        .sort(
          (a, b) => collator.compare(a.person.name, b.person.name) || compareIds(a.person.id, b.person.id),
        );

      const decomposition = chiefTargets.map(({ row }) => ({
        target: {
          id: row.id,
          title: row.title,
          category: row.category,
          line: row.line,
          progress: row.progress,
        },
        childCount: row.childCount,
        childWeightSum: roundTo2(row.childWeightSum),
        isComplete: row.childCount > 0 && isSameAt2Decimals(row.childWeightSum, 100),
      }));
      const today = chinaDay(at);
      const horizon = chinaDay(at, DUE_SOON_DAYS);
      const dueSoon = targets
        .filter((t) => t.row.progress < 100 && t.row.dueDate >= today && t.row.dueDate <= horizon)
        .sort((a, b) => a.row.dueDate.localeCompare(b.row.dueDate) || compareIds(a.row.id, b.row.id))
        .map((t) => t.target);

      return {
        year,
        asOf: at.toISOString(),
        post: toPost(context.post),
        progress: categoryProgress(chiefTargets.map((t) => t.row)),
        targets: targets.map((t) => t.target),
        staff,
        decomposition: {
          items: decomposition,
          completeCount: decomposition.filter((d) => d.isComplete).length,
          incompleteCount: decomposition.filter((d) => !d.isComplete).length,
          gaps: {
            open: gapItems.filter((g) => !g.isWaived).length,
            waived: gapItems.filter((g) => g.isWaived).length,
            items: gapItems.map((g) => ({
              kind: g.kind as GapKind,
              key: g.key,
              post: g.post,
              target: g.target,
              category: g.category as TargetCategory | null,
              line: g.line as Line | null,
              isWaived: g.isWaived,
            })),
          },
        },
        dueSoon: { days: DUE_SOON_DAYS, items: dueSoon },
      };
    },

    async getPersonal(actor: Actor, query: In<typeof PersonalDashboardQuery>): Promise<PersonalDashboard> {
      const at = now();
      const year = query.year ?? currentYear(at);
      const org = actor.organisationId;
      const postIds = actor.posts.map((p) => p.id);
      const [owned, history] = await Promise.all([
        repo.targetsOfPosts(org, year, postIds),
        repo.personalHistory(org, year, actor.personId, postIds),
      ]);
      const posts = postMap(owned.posts);
      const targets = owned.targets.map((row) => toTarget(actor, row, posts, at));
      return {
        year,
        asOf: at.toISOString(),
        person: { id: actor.personId, name: history.personName },
        posts: actor.posts.flatMap((p) => {
          const post = posts.get(p.id);
          return post ? [toPost(post)] : [];
        }),
        progress: categoryProgress(owned.targets),
        targets,
        recentProgress: history.recent.map((r) => ({
          id: r.id,
          target: r.target,
          value: r.value,
          normalised: r.normalised,
          note: r.note,
          recordedBy: { userId: r.recordedById, name: r.recordedByName ?? '' },
          recordedAt: r.recordedAt,
        })),
        results: history.results.map((r) => ({
          cycle: toCycle(r.cycle),
          total: r.total,
          rank: r.rank,
          rankOf: r.rankOf,
          grade: r.grade as PersonalDashboard['results'][number]['grade'],
          isVetoed: r.isVetoed,
          isQuotaCut: r.isQuotaCut,
        })),
      };
    },

    async getAssessor(actor: Actor, query: In<typeof AssessorDashboardQuery>): Promise<AssessorDashboard> {
      if (!access.canViewAssessorDashboard(actor)) throw forbidden('评分看板仅供考核督导组成员查看');
      const at = now();
      const overview = await repo.assessorOverview(
        actor.organisationId,
        { personId: actor.personId, unitIds: [...new Set(actor.posts.map((p) => p.unitId))] },
        query.cycleId ?? null,
      );
      if (query.cycleId && overview.selectedCycleId !== query.cycleId) throw notFound('季度考核周期');
      const missing = overview.missing
        .map((m) => {
          const scored = new Map(m.scored.map((s) => [s.category, s.status]));
          return {
            tier: m.tier,
            person: { id: m.personId, name: m.name },
            employeeNo: m.employeeNo,
            post: m.post,
            unit: m.unit,
            missingCategories: TARGET_CATEGORIES.filter((c) => !scored.has(c)),
            draftCategories: TARGET_CATEGORIES.filter((c) => scored.get(c) === 'DRAFT'),
          };
        })
        .sort(
          (a, b) =>
            (a.tier ?? 9) - (b.tier ?? 9) ||
            collator.compare(a.unit?.name ?? '', b.unit?.name ?? '') ||
            collator.compare(a.person.name, b.person.name) ||
            compareIds(a.person.id, b.person.id),
        )
        .slice(0, MISSING_LIST_CAP)
        .map(({ tier: _tier, ...rest }) => rest);
      return {
        asOf: at.toISOString(),
        cycles: overview.cycles.map((c) => ({
          cycle: toCycle(c.cycle),
          acceptsScores: c.cycle.kind !== 'ANNUAL',
          isOpenNow:
            c.cycle.windowStart !== null &&
            c.cycle.windowEnd !== null &&
            canAcceptScores(
              {
                status: c.cycle.status,
                windowStart: new Date(c.cycle.windowStart),
                windowEnd: new Date(c.cycle.windowEnd),
              },
              at,
            ),
          evaluees: c.evaluees,
          completeEvaluees: c.complete,
          submittedEvaluees: c.submittedEvaluees,
          missingEvaluees: c.evaluees - c.submittedEvaluees,
          expectedCells: c.evaluees * 3,
          filledCells: c.filled,
          submittedCells: c.submitted,
        })),
        selectedCycleId: overview.selectedCycleId,
        missing,
      };
    },
  };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
