// Rows → contract DTOs. Decimals become numbers, DATE columns `YYYY-MM-DD`; nothing else leaves.
import type { PostRef, ProgressUpdate, TargetSummary, Tier } from '@zeren/contracts';
import { elapsedShare, isAtRisk } from '@zeren/domain';
import { fromDateOnly, startOfYear, toDateOnly } from '../../lib/dates';
import type { PostRefRow, ProgressRow, TargetSummaryJson, TargetSummaryRow } from './targets.repository';

type Numeric = { toNumber(): number } | number;
export const toNumber = (value: Numeric): number => (typeof value === 'number' ? value : value.toNumber());
export const toNumberOrNull = (value: Numeric | null): number | null =>
  value === null ? null : toNumber(value);

export const toPostRef = (post: PostRefRow): PostRef => ({
  id: post.id,
  code: post.code,
  title: post.title,
  tier: post.tier as Tier,
  unitName: post.unit.name,
  holderNames: post.holdings.map((h) => h.person.name),
});

/** Behind the elapsed share of its year (docs/architecture.md); only an active target is. */
const isTargetAtRisk = (row: { status: string; progress: number; year: number }, dueDate: Date, now: Date) =>
  row.status === 'ACTIVE' && isAtRisk(row.progress, elapsedShare(startOfYear(row.year), dueDate, now));

/** A summary the hot reads fetched as JSON (targets.repository.ts): the same DTO as `toTargetSummary`. */
export function toTargetSummaryOfJson(row: TargetSummaryJson, now: Date = new Date()): TargetSummary {
  return {
    id: row.id,
    parentId: row.parentId,
    year: row.year,
    category: row.category,
    line: row.line,
    title: row.title,
    owner: row.owner,
    weight: row.weight,
    measureKind: row.measureKind,
    measureUnit: row.measureUnit,
    baseline: row.baseline,
    goal: row.goal,
    dueDate: row.dueDate,
    status: row.status,
    progress: row.progress,
    latestValue: row.latestValue,
    childCount: row.childCount,
    isAtRisk: isTargetAtRisk(row, fromDateOnly(row.dueDate), now),
    version: row.version,
  };
}

export function toTargetSummary(row: TargetSummaryRow, now: Date = new Date()): TargetSummary {
  const progress = row.progress;
  return {
    id: row.id,
    parentId: row.parentId,
    year: row.year,
    category: row.category,
    line: row.line,
    title: row.title,
    owner: row.ownerPost ? toPostRef(row.ownerPost) : null,
    weight: toNumber(row.weight),
    measureKind: row.measureKind,
    measureUnit: row.measureUnit,
    baseline: toNumber(row.baseline),
    goal: toNumber(row.goal),
    dueDate: toDateOnly(row.dueDate),
    status: row.status,
    progress,
    latestValue: toNumberOrNull(row.latestValue),
    childCount: row._count.children,
    isAtRisk: isTargetAtRisk(row, row.dueDate, now),
    version: row.version,
  };
}

export function toProgressUpdate(row: ProgressRow, names: ReadonlyMap<string, string>): ProgressUpdate {
  return {
    id: row.id,
    targetId: row.targetId,
    value: toNumber(row.value),
    normalised: row.normalised,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    evidenceFile: row.evidenceFile,
    recordedBy: { userId: row.recordedById, name: names.get(row.recordedById) ?? '' },
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** What the audit log keeps of a target: its definition, not its roll-up. */
export function targetSnapshot(row: {
  title: string;
  description: string | null;
  weight: Numeric;
  measureKind: string;
  measureUnit: string | null;
  baseline: Numeric;
  goal: Numeric;
  dueDate: Date;
  ownerPostId: string | null;
  parentId: string | null;
  year: number;
  category: string;
  line: string;
  status: string;
  version: number;
}) {
  return {
    title: row.title,
    description: row.description,
    weight: toNumber(row.weight),
    measureKind: row.measureKind,
    measureUnit: row.measureUnit,
    baseline: toNumber(row.baseline),
    goal: toNumber(row.goal),
    dueDate: toDateOnly(row.dueDate),
    ownerPostId: row.ownerPostId,
    parentId: row.parentId,
    year: row.year,
    category: row.category,
    line: row.line,
    status: row.status,
    version: row.version,
  };
}
