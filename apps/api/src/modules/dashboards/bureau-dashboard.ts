// The tier-1 dashboard (docs/architecture.md "Dashboards", docs/performance.md "Tier-1 dashboard").
// Its figures are the same for every reader, so they are computed once per organisation, year and
// "DashboardVersion" and kept in memory: a request reads the versions (one primary-key statement)
// and, while nothing it shows has changed and the figures are younger than a minute (at-risk moves
// with the clock), answers from memory. Any committed write the figures depend on bumps the version
// (deferred triggers, migration 20261206000000_dashboard_version), so an answer is never behind the
// last committed write, on this instance or any other. Only `canRecordProgress` depends on the
// reader; it is decided per request.
import {
  AtRiskTargets,
  BureauDashboard,
  type BureauDashboardQuery,
  type DashboardTarget,
  type DashboardUnit,
  type GapCounts,
  type HeatmapUnit,
  TargetGroupProgress,
  type UnitKind,
  type UnitProgress,
  type UnitRank,
} from '@zeren/contracts';
import { computeExcellentQuota, DEFAULT_EXCELLENT_QUOTA, roundTo2 } from '@zeren/domain';
import type { Actor } from '../../http/actor';
import { forbidden, notFound } from '../../http/errors';
import { currentYear } from '../../lib/dates';
import type { AccessService, TargetFacts } from '../access/access.service';
import type { BureauEvaluationRow, DashboardsRepository, GapRow, UnitRow } from './dashboards.repository';
import { collator, countGaps, type In, round, summarise, targetView, toCycle } from './dashboards.service';

/** How long computed figures serve while nothing changed: at-risk counts depend on the date. */
export const BUREAU_FIGURES_TTL_MS = 60_000;
/** Organisation-years whose figures are kept (least recently used first out). */
const MAX_FIGURES = 16;
/** Rendered heatmap levels kept per organisation-year. */
const MAX_LEVELS = 24;
/** Assessors listed: all of a group this size, else those furthest behind (`ScoringProgress`). */
const MAX_ASSESSORS = 12;

/** Σ progress and targets per category, then over all categories (index 3), and posts owning them. */
interface Sums {
  progress: [number, number, number, number];
  targets: [number, number, number, number];
  posts: number;
}

interface UnitNode {
  unit: DashboardUnit;
  sortOrder: number;
  parent: UnitNode | null;
  children: UnitNode[];
  own: Sums;
  /** The unit and every unit below it. */
  subtree: Sums;
}

/** A map that forgets its least recently used key beyond `limit`. */
class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }
}

/** Concurrent calls with the same key share one run. */
class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.running.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}

const emptySums = (): Sums => ({ progress: [0, 0, 0, 0], targets: [0, 0, 0, 0], posts: 0 });
const hasTargets = (node: UnitNode) => node.subtree.targets[3] > 0;

function toProgress(sums: Sums): UnitProgress['progress'] {
  const mean = (i: number) => (sums.targets[i]! > 0 ? roundTo2(sums.progress[i]! / sums.targets[i]!) : null);
  return { IDEOLOGICAL: mean(0), BUSINESS: mean(1), MANAGEMENT: mean(2), overall: mean(3) };
}

/** The active units as a tree, each with its own and its subtree's sums, children in unit order. */
function buildTree(rows: readonly UnitRow[]) {
  const byId = new Map<string, UnitNode>();
  for (const [id, , name, kind, sortOrder, i, ni, b, nb, m, nm, a, na, posts] of rows) {
    const own: Sums = {
      progress: [i ?? 0, b ?? 0, m ?? 0, a ?? 0],
      targets: [ni ?? 0, nb ?? 0, nm ?? 0, na ?? 0],
      posts: posts ?? 0,
    };
    byId.set(id, {
      unit: { id, name, kind: kind as UnitKind },
      sortOrder,
      parent: null,
      children: [],
      own,
      subtree: emptySums(),
    });
  }
  const roots: UnitNode[] = [];
  for (const [id, parentId] of rows) {
    const node = byId.get(id)!;
    const parent = parentId === null ? undefined : byId.get(parentId);
    // A unit under an archived (or unknown) unit counts from the top: its figures never vanish.
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
  }
  const inOrder = (a: UnitNode, b: UnitNode) =>
    a.sortOrder - b.sortOrder ||
    collator.compare(a.unit.name, b.unit.name) ||
    (a.unit.id < b.unit.id ? -1 : 1);
  // Subtree sums, children before parents; a unit in a parent cycle (none reaches a root) becomes a root.
  const visited = new Set<UnitNode>();
  const sumUp = (top: UnitNode) => {
    const stack: { node: UnitNode; isExpanded: boolean }[] = [{ node: top, isExpanded: false }];
    visited.add(top);
    while (stack.length > 0) {
      const item = stack.pop()!;
      const { node } = item;
      if (!item.isExpanded) {
        item.isExpanded = true;
        stack.push(item);
        node.children = node.children.filter((child) => !visited.has(child)).sort(inOrder);
        for (const child of node.children) {
          visited.add(child);
          stack.push({ node: child, isExpanded: false });
        }
        continue;
      }
      const sums = node.subtree;
      for (const source of [node.own, ...node.children.map((c) => c.subtree)]) {
        for (let k = 0; k < 4; k++) {
          sums.progress[k]! += source.progress[k]!;
          sums.targets[k]! += source.targets[k]!;
        }
        sums.posts += source.posts;
      }
    }
  };
  for (const root of roots) sumUp(root);
  for (const node of byId.values()) {
    if (visited.has(node)) continue;
    node.parent?.children.splice(node.parent.children.indexOf(node), 1);
    node.parent = null;
    roots.push(node);
    sumUp(node);
  }
  roots.sort(inOrder);
  return { byId, roots };
}

/** Strongest and weakest units by their own overall figure (leadership units left out), distinct. */
function rankUnits(nodes: Iterable<UnitNode>): { strongest: UnitRank[]; weakest: UnitRank[] } {
  const ranked: UnitRank[] = [];
  for (const node of nodes) {
    const overall = toProgress(node.own).overall;
    if (node.unit.kind === 'LEADERSHIP' || overall === null) continue;
    ranked.push({ unit: node.unit, progress: overall, targetCount: node.own.targets[3] });
  }
  ranked.sort((a, b) => b.progress - a.progress || collator.compare(a.unit.name, b.unit.name));
  const top = Math.min(3, Math.ceil(ranked.length / 2));
  const bottom = Math.min(3, ranked.length - top);
  return { strongest: ranked.slice(0, top), weakest: ranked.slice(ranked.length - bottom).reverse() };
}

function toHeatmapUnit(node: UnitNode): HeatmapUnit {
  return {
    unit: node.unit,
    postCount: node.subtree.posts,
    targetCount: node.subtree.targets[3],
    progress: toProgress(node.subtree),
    childCount: node.children.filter(hasTargets).length,
  };
}

/** What `BureauDashboard` holds besides the reader-dependent major targets and at-risk list. */
const SharedPart = BureauDashboard.omit({ majorTargets: true, atRisk: true });

interface TargetPrototype {
  target: DashboardTarget;
  recordable: TargetFacts | null;
}

/** One organisation-year's figures as of one "DashboardVersion", for any reader and any level. */
interface Figures {
  version: bigint;
  computedAt: number;
  year: number;
  asOf: string;
  majorTargets: Omit<TargetGroupProgress, 'targets'>;
  majorTargetList: TargetPrototype[];
  atRiskTotal: number;
  atRiskList: TargetPrototype[];
  gaps: GapCounts;
  evaluation: Pick<BureauDashboard, 'scoring' | 'grades' | 'trend'>;
  units: BureauDashboard['units'];
  roots: UnitNode[];
  byId: Map<string, UnitNode>;
  defaultLevel: UnitNode | null;
  /** Each level's actor-independent answer as JSON text, rendered on first use. */
  levels: LruMap<string, string>;
}

/** The assessors the dashboard lists: all of a small group by name, of a large one the furthest behind. */
function listedAssessors(assessors: BureauEvaluationRow['assessors']) {
  if (assessors.length <= MAX_ASSESSORS) return assessors;
  const filled = (a: (typeof assessors)[number]) => (a.evaluees > 0 ? a.filled / (a.evaluees * 3) : 1);
  return [...assessors]
    .sort((a, b) => filled(a) - filled(b) || a.submitted - b.submitted || collator.compare(a.name, b.name))
    .slice(0, MAX_ASSESSORS);
}

function evaluationPart(evaluation: BureauEvaluationRow): Figures['evaluation'] {
  const share = evaluation.excellentShare ?? DEFAULT_EXCELLENT_QUOTA;
  const open = evaluation.open;
  const grades = evaluation.grades;
  return {
    scoring: open
      ? {
          cycle: toCycle(open),
          evaluees: evaluation.evaluees,
          expectedCells: evaluation.assessors.reduce((n, a) => n + a.evaluees * 3, 0),
          filledCells: evaluation.assessors.reduce((n, a) => n + a.filled, 0),
          submittedCells: evaluation.assessors.reduce((n, a) => n + a.submitted, 0),
          assessorCount: evaluation.assessors.length,
          assessors: listedAssessors(evaluation.assessors).map((a) => ({
            person: { id: a.id, name: a.name },
            evaluees: a.evaluees,
            expectedCells: a.evaluees * 3,
            filledCells: a.filled,
            submittedCells: a.submitted,
            completeEvaluees: a.complete,
            submittedEvaluees: a.submittedEvaluees,
          })),
        }
      : null,
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
          excellentQuota: computeExcellentQuota(grades.evaluees, share),
          excellentShare: share,
          quotaCut: grades.quotaCut,
          vetoed: grades.vetoed,
        }
      : null,
    trend: evaluation.trend.map((p) => ({
      ...p,
      meanTotal: round(p.meanTotal),
      meanCompletion: round(p.meanCompletion),
    })),
  };
}

/** The level shown: the requested unit (404 when it is not an active unit of the organisation) or the default. */
function levelOf(figures: Figures, unitId: string | undefined) {
  if (unitId === undefined) return { unit: figures.defaultLevel, path: [] as (UnitNode | null)[] };
  const unit = figures.byId.get(unitId);
  if (!unit) throw notFound('单位');
  // The breadcrumb: the levels above, from the default level down (none when this unit is the
  // default level, or above it).
  const above: (UnitNode | null)[] = [null];
  for (let up = unit.parent; up; up = up.parent) above.splice(1, 0, up);
  const start = above.indexOf(figures.defaultLevel);
  return { unit, path: unit === figures.defaultLevel || start < 0 ? [] : above.slice(start) };
}

function renderLevel(figures: Figures, level: ReturnType<typeof levelOf>): string {
  const rows = (level.unit ? level.unit.children : figures.roots).filter(hasTargets);
  // Validated once per level (unknown fields stripped, as `mount` does for other answers).
  const shared = SharedPart.parse({
    year: figures.year,
    asOf: figures.asOf,
    heatmap: rows.map(toHeatmapUnit),
    heatmapLevel: { unit: level.unit?.unit ?? null, path: level.path.map((node) => node?.unit ?? null) },
    gaps: figures.gaps,
    ...figures.evaluation,
    units: figures.units,
  });
  return JSON.stringify(shared);
}

export function createBureauDashboard(deps: {
  repo: DashboardsRepository;
  access: AccessService;
  now?: () => Date;
}) {
  const { repo, access } = deps;
  const now = deps.now ?? (() => new Date());
  const figuresByYear = new LruMap<string, Figures>(MAX_FIGURES);
  const gapCounts = new LruMap<string, { version: bigint; rows: GapRow[] }>(MAX_FIGURES);
  const evaluations = new LruMap<string, { version: bigint; row: BureauEvaluationRow }>(MAX_FIGURES);
  const flights = new SingleFlight();

  /** A stored part (gap counts, evaluation) when it is as of `version` or later, else read and kept. */
  async function part<T extends { version: bigint }>(
    store: LruMap<string, T>,
    name: string,
    key: string,
    version: bigint,
    read: () => Promise<T>,
  ): Promise<T> {
    const kept = store.get(key);
    if (kept && kept.version >= version) return kept;
    const fresh = await flights.run(`${name}|${key}|${version}`, read);
    const latest = store.get(key);
    if (!latest || latest.version <= fresh.version) store.set(key, fresh);
    return fresh;
  }

  async function compute(
    organisationId: string,
    year: number,
    versions: { gaps: bigint; evaluation: bigint },
  ): Promise<Figures> {
    const key = `${organisationId}|${year}`;
    const at = now();
    const [targets, gaps, evaluation] = await Promise.all([
      repo.bureauFigures(organisationId, year, at),
      part(gapCounts, 'gaps', key, versions.gaps, () => repo.bureauGapCounts(organisationId, year)),
      part(evaluations, 'evaluation', key, versions.evaluation, () =>
        repo.bureauEvaluation(organisationId, year),
      ),
    ]);
    const posts = new Map(targets.posts.map((p) => [p.id, p]));
    const majorTargetList = targets.head.map((row) => targetView(row, posts, at));
    const atRiskList = targets.top.map((row) => targetView(row, posts, at));
    const { targets: majorTargetsParsed, ...majorTargets } = TargetGroupProgress.parse({
      ...summarise(majorTargetList.map((t) => t.target)),
      targets: majorTargetList.map((t) => t.target),
    });
    const { items: atRiskParsed, total: atRiskTotal } = AtRiskTargets.parse({
      total: targets.atRiskTotal,
      items: atRiskList.map((t) => t.target),
    });
    const { byId, roots } = buildTree(targets.units);
    // The default level: the first one from the top with more than one unit with targets.
    let defaultLevel: UnitNode | null = null;
    for (;;) {
      const rows: UnitNode[] = (defaultLevel ? defaultLevel.children : roots).filter(hasTargets);
      if (rows.length !== 1 || !rows[0]!.children.some(hasTargets)) break;
      defaultLevel = rows[0]!;
    }
    return {
      version: targets.version,
      computedAt: at.getTime(),
      year,
      asOf: at.toISOString(),
      majorTargets,
      majorTargetList: majorTargetList.map((t, i) => ({ ...t, target: majorTargetsParsed[i]! })),
      atRiskTotal,
      atRiskList: atRiskList.map((t, i) => ({ ...t, target: atRiskParsed[i]! })),
      gaps: countGaps(gaps.rows),
      evaluation: evaluationPart(evaluation.row),
      units: rankUnits(byId.values()),
      roots,
      byId,
      defaultLevel,
      levels: new LruMap(MAX_LEVELS),
    };
  }

  /** The figures of an organisation-year, current as of the last committed write. */
  async function figuresOf(organisationId: string, year: number): Promise<Figures> {
    const versions = await repo.dashboardVersions(organisationId);
    const key = `${organisationId}|${year}`;
    const kept = figuresByYear.get(key);
    if (
      kept &&
      kept.version >= versions.dashboard &&
      now().getTime() - kept.computedAt < BUREAU_FIGURES_TTL_MS
    ) {
      return kept;
    }
    const figures = await flights.run(`figures|${key}|${versions.dashboard}`, () =>
      compute(organisationId, year, versions),
    );
    const latest = figuresByYear.get(key);
    if (
      !latest ||
      figures.version > latest.version ||
      (figures.version === latest.version && figures.computedAt >= latest.computedAt)
    ) {
      figuresByYear.set(key, figures);
    }
    return figures;
  }

  const forReader = (actor: Actor, list: readonly TargetPrototype[]) =>
    list.map(({ target, recordable }) =>
      recordable !== null && access.canRecordProgress(actor, recordable)
        ? { ...target, canRecordProgress: true }
        : target,
    );

  return {
    /** The answer of `GET /api/dashboards/bureau` as JSON text (`BureauDashboard`). */
    async getBureau(actor: Actor, query: In<typeof BureauDashboardQuery>): Promise<string> {
      if (!access.canViewBureauDashboard(actor)) throw forbidden('局级看板仅供一级责任人和管理员查看');
      const year = query.year ?? currentYear(now());
      const figures = await figuresOf(actor.organisationId, year);
      const levelKey = query.unitId ?? '';
      let shared = figures.levels.get(levelKey);
      if (shared === undefined) {
        shared = renderLevel(figures, levelOf(figures, query.unitId));
        figures.levels.set(levelKey, shared);
      }
      const personal = JSON.stringify({
        majorTargets: { ...figures.majorTargets, targets: forReader(actor, figures.majorTargetList) },
        atRisk: { total: figures.atRiskTotal, items: forReader(actor, figures.atRiskList) },
      });
      // Two JSON objects joined into one: `{…personal…,…shared…}`.
      return `${personal.slice(0, -1)},${shared.slice(1)}`;
    },
  };
}

export type BureauDashboardService = ReturnType<typeof createBureauDashboard>;
