// Shared by the evaluation services: who is evaluated in a cycle, the organisation's settings in
// the domain's terms, and the mapping of rows to contract shapes.
import type { CycleSummary, EvalueeRef, Tier } from '@zeren/contracts';
import {
  compareIds,
  CYCLE_KIND_LABELS,
  resolveGradingSettings,
  resolveScoringSettings,
  type Grade,
  type GradeConsequence,
  type GradingSettings,
  type QuarterKind,
  type ScoringSettings,
} from '@zeren/domain';
import type { Tx } from '../../db/transaction';
import type { Actor } from '../../http/actor';
import type { CycleRow, EvaluationsRepository, PersonWithPosts } from './evaluations.repository';

/** Prisma Decimal (or null) → number (or null). */
export const num = (value: { toString(): string } | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value.toString());
export const numOrNull = (value: { toString(): string } | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value.toString());

export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export const cycleLabel = (cycle: Pick<CycleRow, 'year' | 'kind'>) =>
  `${cycle.year}年${CYCLE_KIND_LABELS[cycle.kind]}`;

export function toCycleSummary(cycle: CycleRow): CycleSummary {
  return {
    id: cycle.id,
    year: cycle.year,
    kind: cycle.kind,
    status: cycle.status,
    windowStart: iso(cycle.windowStart),
    windowEnd: iso(cycle.windowEnd),
    openedAt: iso(cycle.openedAt),
    closedAt: iso(cycle.closedAt),
    publishedAt: iso(cycle.publishedAt),
    version: cycle.version,
  };
}

/** The post a person is evaluated on: the primary tier 2–4 post, else the highest-tier one. */
function mainHolding(person: PersonWithPosts) {
  return [...person.holdings].sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) ||
      a.post.tier - b.post.tier ||
      compareIds(a.post.code, b.post.code),
  )[0];
}

export function toEvalueeRef(person: PersonWithPosts): EvalueeRef {
  const main = mainHolding(person);
  return {
    personId: person.id,
    name: person.name,
    employeeNo: person.employeeNo,
    post: main ? { id: main.post.id, code: main.post.code, title: main.post.title } : null,
    unit: main ? { id: main.post.unit.id, name: main.post.unit.name } : null,
    tier: main ? (main.post.tier as Tier) : null,
  };
}

const collator = new Intl.Collator('zh-Hans-CN');
/** Workbench and export order: tier, unit, name, then id. */
export function compareEvaluees(a: EvalueeRef, b: EvalueeRef): number {
  return (
    (a.tier ?? 9) - (b.tier ?? 9) ||
    collator.compare(a.unit?.name ?? '', b.unit?.name ?? '') ||
    collator.compare(a.name, b.name) ||
    compareIds(a.personId, b.personId)
  );
}

export interface EvaluationSettings {
  scoring: ScoringSettings;
  grading: GradingSettings;
  barOwnUnitScoring: boolean;
  quarterWeights: Partial<Record<QuarterKind, number>> | undefined;
}

function parseQuarterWeights(value: unknown): Partial<Record<QuarterKind, number>> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const weights: Partial<Record<QuarterKind, number>> = {};
  for (const kind of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
    const weight = (value as Record<string, unknown>)[kind];
    if (typeof weight === 'number') weights[kind] = weight;
  }
  return weights;
}

/** The organisation's settings completed with the domain defaults (a missing row means defaults). */
export async function loadSettings(
  repo: EvaluationsRepository,
  organisationId: string,
  c?: Tx,
): Promise<EvaluationSettings> {
  const [row, consequenceRows] = await Promise.all([
    repo.settings(organisationId, c),
    repo.gradeConsequences(organisationId, c),
  ]);
  const consequences: Partial<Record<Grade, GradeConsequence>> = {};
  for (const r of consequenceRows) {
    consequences[r.grade] = {
      bonusCoefficient: num(r.bonusCoefficient),
      ...(r.commendation ? { commendation: r.commendation } : {}),
      ...(r.talk ? { talk: r.talk } : {}),
    };
  }
  const scoring = resolveScoringSettings(
    row
      ? {
          categoryWeights: {
            IDEOLOGICAL: num(row.weightIdeological),
            BUSINESS: num(row.weightBusiness),
            MANAGEMENT: num(row.weightManagement),
          },
          useTrimmedMean: row.useTrimmedMean,
          targetShare: num(row.targetShare),
          bonusCap: num(row.bonusCap),
          deductionCap: num(row.deductionCap),
        }
      : {},
  );
  const grading = resolveGradingSettings({
    ...(row
      ? {
          thresholds: {
            excellent: num(row.thresholdExcellent),
            competent: num(row.thresholdCompetent),
            basicallyCompetent: num(row.thresholdBasic),
          },
          excellentQuota: num(row.excellentQuota),
        }
      : {}),
    consequences,
  });
  return {
    scoring,
    grading,
    barOwnUnitScoring: row?.barOwnUnitScoring ?? false,
    quarterWeights: parseQuarterWeights(row?.annualQuarterWeights),
  };
}

/** "嘉奖；诫勉谈话" from a consequence, or null when it names neither. */
export function consequenceText(consequence: GradeConsequence): string | null {
  const parts = [consequence.commendation, consequence.talk].filter((p): p is string => !!p?.trim());
  return parts.length ? parts.join('；') : null;
}

/**
 * Who is evaluated in a cycle. A quarter: every holder of an active tier 2–4 post, minus the
 * cycle's exclusions. The annual cycle: everyone graded in a published quarter of the year, minus
 * its exclusions.
 */
export async function cyclePopulation(
  repo: EvaluationsRepository,
  cycle: CycleRow,
  c?: Tx,
): Promise<PersonWithPosts[]> {
  const excluded = new Set((await repo.listExclusions(cycle.id, c)).map((e) => e.personId));
  let people: PersonWithPosts[];
  if (cycle.kind === 'ANNUAL') {
    const quarters = await repo.publishedQuarters(cycle.organisationId, cycle.year, c);
    const results = await repo.resultsOfCycles(
      quarters.map((q) => q.id),
      c,
    );
    people = await repo.peopleByIds(cycle.organisationId, [...new Set(results.map((r) => r.evalueeId))], c);
  } else {
    people = await repo.evalueeCandidates(cycle.organisationId, c);
  }
  return people.filter((p) => !excluded.has(p.id));
}

/** Whom one evaluator scores: the cycle's evaluees minus themselves, minus their own unit if barred. */
export function evaluatorPopulation(
  actor: Actor,
  population: PersonWithPosts[],
  settings: Pick<EvaluationSettings, 'barOwnUnitScoring'>,
): PersonWithPosts[] {
  const ownUnits = new Set(actor.posts.map((p) => p.unitId));
  return population.filter(
    (person) =>
      person.id !== actor.personId &&
      !(settings.barOwnUnitScoring && person.holdings.some((h) => ownUnits.has(h.post.unit.id))),
  );
}

/** Why an evaluator may not score this person, or null when they may. */
export function whyNotMyEvaluee(
  actor: Actor,
  personId: string,
  population: PersonWithPosts[],
  settings: Pick<EvaluationSettings, 'barOwnUnitScoring'>,
): string | null {
  if (personId === actor.personId) return '不能给自己评分';
  const person = population.find((p) => p.id === personId);
  if (!person) return '该人员不是本考核周期的被考评人';
  const ownUnits = new Set(actor.posts.map((p) => p.unitId));
  if (settings.barOwnUnitScoring && person.holdings.some((h) => ownUnits.has(h.post.unit.id)))
    return `按本单位规定，不能给本部门人员（${person.name}）评分`;
  return null;
}
