// Turns demo-data.ts into the rows of every table, in memory and without a database, so the same
// input always gives the same rows: ids are name-based UUIDs and all variation comes from a seeded
// PRNG (mulberry32) keyed by what it varies, so editing one part leaves the rest unchanged.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../apps/api/src/generated/prisma/client';
import type { CycleKind, Grade, Line, TargetCategory } from '../../apps/api/src/generated/prisma/enums';
import {
  ADJUSTMENTS,
  ASSESSORS,
  CHIEF_IDEOLOGICAL,
  CHIEF_MANAGEMENT,
  CYCLES,
  DEMO_ACCOUNT_SPECS,
  DEMO_ORG_CODE,
  DEMO_ORG_NAME,
  DEMO_YEAR,
  DEPUTIES,
  EXCLUSION,
  GAP_NO_BUSINESS_POST,
  GAP_UNOWNED,
  GAP_VACANT_POST,
  GAP_WEIGHTS_90,
  GRADE_CONSEQUENCES,
  LEADERSHIP_POSTS,
  PARTY_AFFAIRS_DEPUTY,
  PARTY_GROUP_TARGETS,
  PARTY_POSTS,
  PARTY_POST_TARGETS,
  PEOPLE,
  Q3_PARTIAL,
  ROOT_TARGETS,
  SECTIONS,
  STAFF_IDEOLOGICAL_NONPARTY,
  STAFF_IDEOLOGICAL_PARTY,
  STAFF_MANAGEMENT,
  STAFF_MANAGEMENT_SETS,
  TIER1_CODE,
  UNITS,
} from './demo-data';
import type { PersonSpec, PostSpec, TargetSpec } from './demo-data';

const CATEGORIES: readonly TargetCategory[] = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];
/** When the demo bureau was set up in the system: a fixed instant, so every run is identical. */
const SET_UP_AT = new Date(`${DEMO_YEAR}-01-05T09:00:00+08:00`);
/** When the year's targets were entered. */
const TARGETS_SET_AT = new Date(`${DEMO_YEAR}-01-10T10:00:00+08:00`);
/** The demo's "today": progress is recorded up to here. */
const LAST_UPDATE_DAY = '11-25';

// ---------------------------------------------------------------------------------------------
// Determinism helpers
// ---------------------------------------------------------------------------------------------

/** A name-based (version 5 layout) UUID: the same key always gives the same id. */
export function demoId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`zeren-demo:${kind}:${key}`).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG stream for one label (FNV-1a of the label seeds mulberry32). */
function rng(label: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash);
}

const between = (r: () => number, min: number, max: number): number => min + (max - min) * r();
const intBetween = (r: () => number, min: number, max: number): number =>
  Math.floor(between(r, min, max + 1));
function pick<T>(r: () => number, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** ROUND(x, 2) half away from zero, as packages/domain rounds. */
export function roundTo2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-7)) / 100 + 0;
}
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** A timestamp in China time on a day of DEMO_YEAR ("MM-DD"). */
function at(mmdd: string, time = '00:00:00'): Date {
  return new Date(`${DEMO_YEAR}-${mmdd}T${time}+08:00`);
}
/** A calendar date (for @db.Date columns): midnight UTC, so the stored date is exactly this one. */
function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
const pad2 = (n: number): string => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// Plan types
// ---------------------------------------------------------------------------------------------

export interface DemoPlan {
  organisation: Prisma.OrganisationCreateManyInput;
  settings: Prisma.OrganisationSettingsCreateManyInput;
  gradeConsequences: Prisma.GradeConsequenceCreateManyInput[];
  units: Prisma.OrgUnitCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  /** Without passwordHash: the writer adds the one shared hash. */
  users: Omit<Prisma.UserAccountCreateManyInput, 'passwordHash'>[];
  /** By tier, 1 to 4, so each insert only references posts already written. */
  postsByTier: Prisma.PostCreateManyInput[][];
  holdings: Prisma.HoldingCreateManyInput[];
  assessors: Prisma.AssessmentGroupMemberCreateManyInput[];
  targetYear: Prisma.TargetYearCreateManyInput;
  /** Parents before children. */
  targets: Prisma.TargetCreateManyInput[];
  progressUpdates: Prisma.ProgressUpdateCreateManyInput[];
  cycles: Prisma.EvaluationCycleCreateManyInput[];
  exclusions: Prisma.EvaluationExclusionCreateManyInput[];
  scores: Prisma.ScoreCreateManyInput[];
  adjustments: Prisma.AdjustmentCreateManyInput[];
  results: Prisma.EvaluationResultCreateManyInput[];
  /** Facts for the report and for tests. */
  facts: DemoFacts;
}

export interface DemoFacts {
  organisationId: string;
  postIdByCode: Record<string, string>;
  personIdByNo: Record<string, string>;
  userIdByUsername: Record<string, string>;
  /** Per published cycle: evaluee count, 优秀 quota, how many were cut by it, grades. */
  cycleSummaries: Record<
    string,
    { evaluees: number; quota: number; quotaCut: number; grades: Record<string, number> }
  >;
  /** Ids of the targets involved in the deliberate gaps. */
  gapTargetIds: { weights90ParentId: string; unownedTargetId: string };
}

// ---------------------------------------------------------------------------------------------
// Roster: units, people, posts, holdings, accounts
// ---------------------------------------------------------------------------------------------

interface PostRow extends PostSpec {
  id: string;
  sortOrder: number;
  primaryOf: Set<string>;
}

function buildPosts(): PostRow[] {
  const posts: PostRow[] = [];
  const add = (spec: PostSpec, isPrimary: boolean) =>
    posts.push({
      ...spec,
      id: demoId('post', spec.code),
      sortOrder: posts.length + 1,
      primaryOf: new Set(isPrimary ? spec.holders : []),
    });

  for (const spec of LEADERSHIP_POSTS) add(spec, true);
  for (const section of SECTIONS) {
    add(
      {
        code: `${section.prefix}-${section.chief.suffix}`,
        title: section.chief.title,
        tier: 3,
        unit: section.unit,
        lines: ['ADMINISTRATIVE'],
        admin: section.deputy,
        holders: [section.chief.holder],
      },
      true,
    );
  }
  for (const spec of PARTY_POSTS) add(spec, false);
  const partyOf = new Map(PEOPLE.map((p) => [p.no, p.party]));
  for (const section of SECTIONS) {
    const chiefCode = `${section.prefix}-${section.chief.suffix}`;
    for (const staff of section.staff) {
      const isParty = staff.holder !== undefined && partyOf.get(staff.holder) === true;
      add(
        {
          code: `${section.prefix}-${staff.suffix}`,
          title: staff.title,
          tier: 4,
          unit: section.unit,
          lines: isParty ? ['ADMINISTRATIVE', 'PARTY'] : ['ADMINISTRATIVE'],
          admin: chiefCode,
          ...(isParty ? { party: section.partyGroup } : {}),
          holders: staff.holder === undefined ? [] : [staff.holder],
        },
        true,
      );
    }
  }
  return posts;
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

interface TargetNode {
  /** Unique within the plan: owner|category|spec key. */
  key: string;
  id: string;
  parentKey: string | null;
  ownerCode: string | null;
  category: TargetCategory;
  line: Line;
  spec: TargetSpec;
  depth: number;
  weight: number;
  progress: number;
  latestValue: number | null;
  /** When the target's progress last changed (its own or a descendant's update). */
  changedAt: Date;
  children: TargetNode[];
}

const nodeKey = (owner: string | null, category: TargetCategory, specKey: string) =>
  `${owner ?? '(none)'}|${category}|${specKey}`;

/** The id a demo post gets (by its code). */
export const demoPostId = (code: string): string => demoId('post', code);
/** The id a demo target gets (by owner post code, or null for none, category and template key). */
export const demoTargetId = (owner: string | null, category: TargetCategory, specKey: string): string =>
  demoId('target', nodeKey(owner, category, specKey));

function buildTargetTree(posts: readonly PostRow[]): { nodes: TargetNode[]; byKey: Map<string, TargetNode> } {
  const nodes: TargetNode[] = [];
  const byKey = new Map<string, TargetNode>();
  const postByCode = new Map(posts.map((p) => [p.code, p]));

  const add = (
    owner: string | null,
    category: TargetCategory,
    line: Line,
    spec: TargetSpec,
    parentOwner: string | null,
  ): TargetNode => {
    const key = nodeKey(owner, category, spec.key);
    if (byKey.has(key)) throw new Error(`demo seed: duplicate target ${key}`);
    let parent: TargetNode | undefined;
    if (parentOwner !== null) {
      parent = byKey.get(nodeKey(parentOwner, category, spec.parent));
      if (parent === undefined)
        throw new Error(`demo seed: target ${key} has no parent ${parentOwner}|${spec.parent}`);
    }
    const node: TargetNode = {
      key,
      id: demoId('target', key),
      parentKey: parent?.key ?? null,
      ownerCode: owner,
      category,
      line,
      spec,
      depth: parent === undefined ? 0 : parent.depth + 1,
      weight: 100,
      progress: 0,
      latestValue: null,
      changedAt: TARGETS_SET_AT,
      children: [],
    };
    parent?.children.push(node);
    nodes.push(node);
    byKey.set(key, node);
    return node;
  };

  // Tier 1: the three roots.
  for (const category of CATEGORIES) {
    add(
      TIER1_CODE,
      category,
      category === 'IDEOLOGICAL' ? 'PARTY' : 'ADMINISTRATIVE',
      ROOT_TARGETS[category],
      null,
    );
  }
  // Tier 2: the deputies.
  for (const deputy of DEPUTIES) {
    const lists: Record<TargetCategory, TargetSpec[]> = {
      IDEOLOGICAL: deputy.ideological,
      BUSINESS: deputy.business,
      MANAGEMENT: deputy.management,
    };
    for (const category of CATEGORIES) {
      for (const spec of lists[category]) {
        const line: Line =
          category === 'IDEOLOGICAL' || spec.key.endsWith('-PARTY') ? 'PARTY' : 'ADMINISTRATIVE';
        add(deputy.code, category, line, spec, TIER1_CODE);
      }
    }
  }
  // Tier 3: section chiefs (administrative line) …
  for (const section of SECTIONS) {
    const chief = `${section.prefix}-${section.chief.suffix}`;
    const lists: Record<TargetCategory, readonly TargetSpec[]> = {
      IDEOLOGICAL: CHIEF_IDEOLOGICAL,
      BUSINESS: section.chiefBusiness,
      MANAGEMENT: [...CHIEF_MANAGEMENT, ...(section.chiefManagementExtra ?? [])],
    };
    for (const category of CATEGORIES) {
      for (const spec of lists[category]) add(chief, category, 'ADMINISTRATIVE', spec, section.deputy);
    }
  }
  // … and party / mass-organisation posts (party line, under the party-affairs deputy).
  for (const post of PARTY_POSTS) {
    const lists = post.code.startsWith('DXZ-') ? PARTY_GROUP_TARGETS : PARTY_POST_TARGETS[post.code];
    if (lists === undefined) throw new Error(`demo seed: no targets for ${post.code}`);
    for (const category of CATEGORIES) {
      for (const spec of lists[category]) add(post.code, category, 'PARTY', spec, PARTY_AFFAIRS_DEPUTY);
    }
  }
  // Tier 4: staff.
  for (const section of SECTIONS) {
    const chief = `${section.prefix}-${section.chief.suffix}`;
    const templates = new Map(section.staffBusiness.map((spec) => [spec.key, spec]));
    section.staff.forEach((staff, index) => {
      const code = `${section.prefix}-${staff.suffix}`;
      const post = postByCode.get(code);
      if (post === undefined) throw new Error(`demo seed: no post ${code}`);
      const isParty = post.lines.includes('PARTY');
      for (const spec of isParty ? STAFF_IDEOLOGICAL_PARTY : STAFF_IDEOLOGICAL_NONPARTY) {
        add(
          code,
          'IDEOLOGICAL',
          isParty ? 'PARTY' : 'ADMINISTRATIVE',
          spec,
          isParty ? section.partyGroup : chief,
        );
      }
      const count = section.staffBusiness.length;
      const businessKeys =
        staff.business ??
        [0, 1].map((k) => section.staffBusiness[(2 * index + k) % count]?.key).filter((k) => k !== undefined);
      for (const key of businessKeys) {
        const spec = templates.get(key);
        if (spec === undefined) throw new Error(`demo seed: ${code} uses unknown business template ${key}`);
        add(code, 'BUSINESS', 'ADMINISTRATIVE', spec, chief);
      }
      const managementSet = STAFF_MANAGEMENT_SETS[index % STAFF_MANAGEMENT_SETS.length] ?? [];
      for (const slot of managementSet) {
        const spec = STAFF_MANAGEMENT[slot];
        if (spec === undefined) throw new Error(`demo seed: unknown management slot ${slot}`);
        add(code, 'MANAGEMENT', 'ADMINISTRATIVE', spec, chief);
      }
    });
  }
  // Gap (d): a target nobody owns, decomposed from 办公室主任's logistics target.
  const unowned = add(null, 'BUSINESS', 'ADMINISTRATIVE', GAP_UNOWNED.spec, GAP_UNOWNED.parentPostCode);
  if (unowned.parentKey !== nodeKey(GAP_UNOWNED.parentPostCode, 'BUSINESS', GAP_UNOWNED.parentKey)) {
    throw new Error('demo seed: the unowned target hangs under the wrong parent');
  }

  // Weights: integers from each child's importance, summing to 100 (90 for gap (b)).
  const gapParentKey = nodeKey(GAP_WEIGHTS_90.postCode, 'BUSINESS', GAP_WEIGHTS_90.targetKey);
  for (const node of nodes) {
    if (node.children.length === 0) continue;
    const total = node.key === gapParentKey ? GAP_WEIGHTS_90.sum : 100;
    const weights = apportion(
      node.children.map((child) => child.spec.importance ?? 1),
      total,
    );
    node.children.forEach((child, i) => (child.weight = weights[i] ?? 0));
  }
  return { nodes, byKey };
}

/** Splits `total` into integers proportional to `shares` (largest remainder, earlier wins ties). */
function apportion(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (share / sum) * total);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

const UPDATE_DAYS = ['03-27', '04-28', '06-26', '07-30', '09-25', '10-30', LAST_UPDATE_DAY];
const CUMULATIVE_RATE = /覆盖率|完成率|建档率|达标率|管理率|接种率|预算执行率|整改率/;

function normalise(spec: TargetSpec, value: number): number {
  const baseline = spec.baseline ?? 0;
  let raw: number;
  switch (spec.kind) {
    case 'PERCENTAGE':
      raw = spec.goal > 0 ? (value / spec.goal) * 100 : value;
      break;
    case 'NUMBER':
      raw =
        spec.goal === baseline
          ? value === spec.goal
            ? 100
            : 0
          : ((value - baseline) / (spec.goal - baseline)) * 100;
      break;
    case 'MILESTONE':
      raw = value >= 1 ? 100 : 0;
      break;
    case 'QUALITATIVE':
      raw = value;
      break;
  }
  return roundTo2(clamp(raw, 0, 100));
}

/** 第一季度 … 第三季度, then the month itself (the fourth quarter is not over yet). */
function periodOf(mmdd: string): string {
  const month = Number(mmdd.slice(0, 2));
  if (month <= 3) return '第一季度';
  if (month <= 6) return '第二季度';
  if (month <= 9) return '第三季度';
  return `${month}月`;
}

const plainTitle = (title: string) => title.replace(/（[^）]*）/g, '');

function noteFor(
  spec: TargetSpec,
  value: number,
  day: string,
  isLast: boolean,
  isBehind: boolean,
  r: () => number,
): string {
  const period = periodOf(day);
  const month = Number(day.slice(0, 2));
  const title = plainTitle(spec.title);
  let note: string;
  switch (spec.kind) {
    case 'PERCENTAGE':
      note =
        spec.key === 'I-FRIDAY'
          ? `已完成${period}政治学习，出勤率 ${value}%`
          : `${month >= 10 ? `截至${month}月底` : period}，${title}${CUMULATIVE_RATE.test(spec.title) ? '达到' : '为'} ${value}%`;
      break;
    case 'NUMBER':
      note =
        `${title}：截至${month}月底累计完成 ${value} ${spec.unit ?? ''}，全年目标 ${spec.goal} ${spec.unit ?? ''}`.replace(
          / ，/g,
          '，',
        );
      break;
    case 'MILESTONE':
      note =
        value >= 1
          ? `${title}已完成，相关材料已报送并归档`
          : `${title}：${pick(r, ['已制定工作方案，正在推进', '已完成前期调研和资料收集', '初稿已形成，正在征求意见'])}`;
      break;
    case 'QUALITATIVE':
      note = `${month >= 10 ? `截至${month}月底` : period}工作自评 ${value} 分：${
        value >= 85
          ? pick(r, ['按计划推进，成效明显', '各项任务落实到位', '已完成阶段性任务'])
          : '存在薄弱环节，正在整改'
      }`;
      break;
  }
  if (isLast && isBehind)
    note += pick(r, [
      '；进度滞后，已制定整改措施',
      '；受人员调整影响进度滞后，正在追赶',
      '；进度偏慢，已向分管领导报告',
    ]);
  return note.trim();
}

interface ProgressContext {
  postByCode: Map<string, PostRow>;
  personByNo: Map<string, PersonSpec>;
  userIdByNo: Map<string, string>;
  chiefOf: Map<string, string>;
  organisationId: string;
}

function buildProgress(
  nodes: readonly TargetNode[],
  ctx: ProgressContext,
): Prisma.ProgressUpdateCreateManyInput[] {
  const updates: Prisma.ProgressUpdateCreateManyInput[] = [];
  for (const node of nodes) {
    if (node.children.length > 0 || node.ownerCode === null) continue;
    const post = ctx.postByCode.get(node.ownerCode);
    const holderNo = post?.holders[0];
    if (post === undefined || holderNo === undefined) continue; // vacant: nothing recorded
    const holder = ctx.personByNo.get(holderNo);
    const holderUser = ctx.userIdByNo.get(holderNo);
    if (holder === undefined || holderUser === undefined)
      throw new Error(`demo seed: no account for ${holderNo}`);
    const chiefNo = ctx.chiefOf.get(node.ownerCode);
    const chiefUser = chiefNo === undefined ? undefined : ctx.userIdByNo.get(chiefNo);

    const r = rng(`progress:${node.key}`);
    const spec = node.spec;
    const diligence = clamp((holder.tendency - 70) / 25, 0, 1);
    const isBehind = r() < 0.07 + 0.14 * (1 - diligence);
    const due = spec.due ?? '12-31';
    const isDueBeforeNow = due < LAST_UPDATE_DAY;
    let fraction = isBehind
      ? between(r, 0.25, 0.55)
      : Math.min(1, 0.8 + 0.12 * diligence + between(r, 0, 0.12));
    if (isDueBeforeNow && !isBehind) fraction = 1;
    const isCumulative =
      spec.kind === 'NUMBER' || (spec.kind === 'PERCENTAGE' && CUMULATIVE_RATE.test(spec.title));
    if (spec.kind === 'PERCENTAGE' && !isCumulative && isBehind) fraction = between(r, 0.62, 0.8); // a rate, not a count

    const days = UPDATE_DAYS.filter((day) => day <= due || day <= '05-31');
    const count = Math.min(days.length, intBetween(r, 1, 4));
    // The last update is one of the three latest days available; the rest are earlier, distinct.
    const lastIndex = days.length - 1 - (isDueBeforeNow ? 0 : intBetween(r, 0, 2));
    const chosen = new Set<number>([lastIndex]);
    let guard = 0;
    while (chosen.size < count && guard++ < 50) chosen.add(intBetween(r, 0, lastIndex - 1));
    const indexes = [...chosen].filter((i) => i >= 0).sort((a, b) => a - b);

    let previous = -Infinity;
    let latest = { value: 0, normalised: 0 };
    indexes.forEach((dayIndex, i) => {
      const day = days[dayIndex] ?? LAST_UPDATE_DAY;
      const step = (i + 1) / indexes.length;
      const isLast = i === indexes.length - 1;
      let value: number;
      switch (spec.kind) {
        case 'PERCENTAGE': {
          const final = Math.min(100, spec.goal * fraction);
          value = isCumulative
            ? final * (0.35 + 0.65 * step)
            : final - (indexes.length - 1 - i) * between(r, 0.5, 3);
          value = Math.round(clamp(value, 0, 100) * 10) / 10;
          break;
        }
        case 'NUMBER': {
          const final = Math.round(spec.goal * fraction);
          value = Math.max(isLast ? final : 0, Math.round(final * step));
          break;
        }
        case 'MILESTONE':
          value = isLast && (fraction >= 0.95 || (isDueBeforeNow && !isBehind)) ? 1 : 0;
          break;
        case 'QUALITATIVE':
          value = Math.round(100 * fraction * (0.75 + 0.25 * step));
          break;
      }
      value = Math.max(value, previous === -Infinity ? value : previous); // never falls back
      previous = value;
      const normalised = normalise(spec, value);
      latest = { value, normalised };
      const hour = intBetween(r, 9, 17);
      const minute = intBetween(r, 0, 59);
      const byChief = chiefUser !== undefined && post.tier === 4 && r() < 0.2;
      const recordedAt = at(day, `${pad2(hour)}:${pad2(minute)}:00`);
      if (recordedAt > node.changedAt) node.changedAt = recordedAt;
      updates.push({
        id: demoId('progress', `${node.key}#${i + 1}`),
        organisationId: ctx.organisationId,
        targetId: node.id,
        value,
        normalised,
        note: noteFor(spec, value, day, isLast, isBehind, r),
        recordedById: byChief ? chiefUser : holderUser,
        recordedAt,
      });
    });
    if (indexes.length > 0) {
      node.latestValue = latest.value;
      node.progress = latest.normalised;
    }
  }
  // Roll-up: parents are the weighted mean of their children (divided by the actual weight sum),
  // bottom-up, each figure rounded to 2 decimals as stored, children summed in id order.
  const byDepth = [...nodes].sort((a, b) => b.depth - a.depth);
  for (const node of byDepth) {
    if (node.children.length === 0) continue;
    const children = [...node.children].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const weightSum = children.reduce((sum, child) => sum + child.weight, 0);
    const weighted = children.reduce((sum, child) => sum + child.weight * child.progress, 0);
    node.progress = weightSum > 0 ? roundTo2(weighted / weightSum) : 0;
    for (const child of children) if (child.changedAt > node.changedAt) node.changedAt = child.changedAt;
  }
  return updates;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

const SCORE_WEIGHTS: Readonly<Record<TargetCategory, number>> = {
  IDEOLOGICAL: 0.3,
  BUSINESS: 0.5,
  MANAGEMENT: 0.2,
};
const BONUS_CAP = 5;
const DEDUCTION_CAP = 20;
const EXCELLENT_QUOTA = 0.2;

function scoreValue(
  cycle: CycleKind,
  evaluator: PersonSpec,
  evaluee: PersonSpec,
  category: TargetCategory,
): number {
  const categoryOffset = between(rng(`category:${evaluee.no}:${category}`), -2, 2);
  const evaluatorBias = between(rng(`bias:${evaluator.no}`), -1.5, 1.5);
  const drift = between(rng(`drift:${evaluee.no}:${cycle}`), -1.2, 1.2);
  const noise = between(rng(`score:${cycle}:${evaluator.no}:${evaluee.no}:${category}`), -2, 2);
  return clamp(Math.round(evaluee.tendency + categoryOffset + evaluatorBias + drift + noise), 70, 98);
}

function consequenceText(grade: Grade): { coefficient: number; text: string } {
  const row = GRADE_CONSEQUENCES.find((c) => c.grade === grade);
  if (row === undefined) throw new Error(`demo seed: no consequence for ${grade}`);
  const parts = [`绩效奖金系数 ${row.bonusCoefficient.toFixed(2)}`, row.commendation, row.talk].filter(
    (part): part is string => part !== null,
  );
  return { coefficient: row.bonusCoefficient, text: parts.join('；') };
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export function buildDemoPlan(): DemoPlan {
  const organisationId = demoId('organisation', DEMO_ORG_CODE);
  const org = { organisationId };
  const posts = buildPosts();
  const postByCode = new Map(posts.map((p) => [p.code, p]));
  const personByNo = new Map(PEOPLE.map((p) => [p.no, p]));
  const personId = (no: string): string => {
    if (!personByNo.has(no)) throw new Error(`demo seed: unknown person ${no}`);
    return demoId('person', no);
  };
  const postId = (code: string): string => {
    const post = postByCode.get(code);
    if (post === undefined) throw new Error(`demo seed: unknown post ${code}`);
    return post.id;
  };
  const unitIdByKey = new Map(UNITS.map((u) => [u.key, demoId('unit', u.key)]));
  const unitId = (key: string): string => {
    const id = unitIdByKey.get(key);
    if (id === undefined) throw new Error(`demo seed: unknown unit ${key}`);
    return id;
  };

  // Accounts: the named demo accounts, and employee number (lower case) for everyone else.
  const usernameByNo = new Map(PEOPLE.map((p) => [p.no, p.no.toLowerCase()]));
  for (const account of DEMO_ACCOUNT_SPECS) usernameByNo.set(account.no, account.username);
  const adminNos = new Set(DEMO_ACCOUNT_SPECS.filter((a) => a.username === 'admin').map((a) => a.no));
  const userIdByNo = new Map(PEOPLE.map((p) => [p.no, demoId('user', p.no)]));

  const units: Prisma.OrgUnitCreateManyInput[] = UNITS.map((u, i) => ({
    id: unitId(u.key),
    ...org,
    name: u.name,
    kind: u.kind,
    parentId: u.parent === undefined ? null : unitId(u.parent),
    sortOrder: i + 1,
    createdAt: SET_UP_AT,
  }));

  const people: Prisma.PersonCreateManyInput[] = [...PEOPLE]
    .sort((a, b) => (a.no < b.no ? -1 : 1))
    .map((p) => ({
      id: personId(p.no),
      ...org,
      employeeNo: p.no,
      name: p.name,
      gender: p.gender,
      isPartyMember: p.party,
      createdAt: SET_UP_AT,
    }));

  const users = [...PEOPLE]
    .sort((a, b) => (a.no < b.no ? -1 : 1))
    .map((p) => ({
      id: userIdByNo.get(p.no) ?? '',
      ...org,
      personId: personId(p.no),
      username: usernameByNo.get(p.no) ?? p.no.toLowerCase(),
      roles: adminNos.has(p.no) ? (['ADMIN'] as const).slice() : [],
      createdAt: SET_UP_AT,
    }));

  const postsByTier: Prisma.PostCreateManyInput[][] = [1, 2, 3, 4].map((tier) =>
    posts
      .filter((p) => p.tier === tier)
      .map((p) => ({
        id: p.id,
        ...org,
        unitId: unitId(p.unit),
        code: p.code,
        title: p.title,
        tier: p.tier,
        lines: p.lines,
        adminSuperiorId: p.admin === undefined ? null : postId(p.admin),
        partySuperiorId: p.party === undefined ? null : postId(p.party),
        sortOrder: p.sortOrder,
        createdAt: SET_UP_AT,
      })),
  );

  const holdings: Prisma.HoldingCreateManyInput[] = posts.flatMap((p) =>
    p.holders.map((no) => {
      const r = rng(`since:${no}:${p.code}`);
      const isPrimary = p.primaryOf.has(no);
      const startedOn = isPrimary
        ? `${intBetween(r, 2012, 2025)}-${pad2(intBetween(r, 1, 12))}-01`
        : `${intBetween(r, 2023, 2025)}-${pad2(intBetween(r, 1, 12))}-01`;
      return {
        id: demoId('holding', `${no}:${p.code}`),
        ...org,
        personId: personId(no),
        postId: p.id,
        isPrimary,
        startedOn: calendarDate(startedOn),
      };
    }),
  );
  // Every holder has exactly one primary post.
  for (const person of PEOPLE) {
    const primaries = holdings.filter(
      (h) => h.personId === personId(person.no) && h.isPrimary === true,
    ).length;
    if (primaries !== 1) throw new Error(`demo seed: ${person.no} has ${primaries} primary posts`);
  }

  const assessors = ASSESSORS.map((no) => ({ ...org, personId: personId(no), addedAt: SET_UP_AT }));

  // Targets and progress.
  const { nodes, byKey } = buildTargetTree(posts);
  const chiefOf = new Map<string, string>();
  for (const section of SECTIONS) {
    for (const staff of section.staff) chiefOf.set(`${section.prefix}-${staff.suffix}`, section.chief.holder);
  }
  const progressUpdates = buildProgress(nodes, {
    postByCode,
    personByNo,
    userIdByNo,
    chiefOf,
    organisationId,
  });
  const targets: Prisma.TargetCreateManyInput[] = [...nodes]
    .sort((a, b) => a.depth - b.depth)
    .map((node) => ({
      id: node.id,
      ...org,
      parentId: node.parentKey === null ? null : (byKey.get(node.parentKey)?.id ?? null),
      ownerPostId: node.ownerCode === null ? null : postId(node.ownerCode),
      year: DEMO_YEAR,
      category: node.category,
      line: node.line,
      title: node.spec.title,
      description: node.spec.description ?? null,
      weight: node.weight,
      measureKind: node.spec.kind,
      measureUnit: node.spec.unit ?? null,
      baseline: node.spec.baseline ?? 0,
      goal: node.spec.goal,
      dueDate: calendarDate(`${DEMO_YEAR}-${node.spec.due ?? '12-31'}`),
      progress: node.progress,
      latestValue: node.latestValue,
      createdAt: TARGETS_SET_AT,
      updatedAt: node.changedAt,
    }));

  // Evaluation cycles.
  const cycleId = (kind: CycleKind) => demoId('cycle', `${DEMO_YEAR}:${kind}`);
  const cycles: Prisma.EvaluationCycleCreateManyInput[] = CYCLES.map((c) => ({
    id: cycleId(c.kind),
    ...org,
    year: DEMO_YEAR,
    kind: c.kind,
    status: c.status,
    windowStart: c.window === undefined ? null : at(c.window[0]),
    windowEnd: c.window === undefined ? null : at(c.window[1], '23:59:59'),
    openedAt: c.window === undefined ? null : at(c.window[0], '08:30:00'),
    closedAt: c.status === 'PUBLISHED' && c.window !== undefined ? at(c.window[1], '23:59:59') : null,
    publishedAt: c.publishedOn === undefined ? null : at(c.publishedOn, '10:00:00'),
    createdAt: c.window === undefined ? SET_UP_AT : at(c.window[0], '08:00:00'),
  }));

  const evalueeNos = [...new Set(posts.filter((p) => p.tier >= 2).flatMap((p) => p.holders))].sort();
  const exclusions: Prisma.EvaluationExclusionCreateManyInput[] = [
    {
      ...org,
      cycleId: cycleId(EXCLUSION.cycle),
      personId: personId(EXCLUSION.no),
      reason: EXCLUSION.reason,
      createdAt: at('06-20', '09:30:00'),
    },
  ];
  const evalueesOf = (kind: CycleKind) =>
    evalueeNos.filter((no) => !(kind === EXCLUSION.cycle && no === EXCLUSION.no));
  const windowOf = (kind: CycleKind): [string, string] => {
    const window = CYCLES.find((c) => c.kind === kind)?.window;
    if (window === undefined) throw new Error(`demo seed: cycle ${kind} has no window`);
    return window;
  };
  /** A moment inside a cycle's window, a few days after it opens. */
  const inWindow = (kind: CycleKind, r: () => number): Date => {
    const [start] = windowOf(kind);
    const opened = at(start, '09:00:00').getTime();
    return new Date(opened + Math.floor(between(r, 0, 10 * 24 * 3600)) * 1000);
  };

  const scores: Prisma.ScoreCreateManyInput[] = [];
  const addScore = (
    kind: CycleKind,
    evaluatorNo: string,
    evalueeNo: string,
    category: TargetCategory,
    status: 'DRAFT' | 'SUBMITTED',
  ) => {
    const evaluator = personByNo.get(evaluatorNo);
    const evaluee = personByNo.get(evalueeNo);
    if (evaluator === undefined || evaluee === undefined || evaluatorNo === evalueeNo) {
      throw new Error(`demo seed: bad score ${evaluatorNo} → ${evalueeNo}`);
    }
    const when = inWindow(kind, rng(`when:${kind}:${evaluatorNo}:${evalueeNo}`));
    scores.push({
      id: demoId('score', `${DEMO_YEAR}:${kind}:${evaluatorNo}:${evalueeNo}:${category}`),
      ...org,
      cycleId: cycleId(kind),
      evaluatorId: personId(evaluatorNo),
      evalueeId: personId(evalueeNo),
      category,
      value: scoreValue(kind, evaluator, evaluee, category),
      status,
      updatedAt: when,
      submittedAt: status === 'SUBMITTED' ? when : null,
    });
  };
  for (const kind of ['Q1', 'Q2'] as const) {
    for (const evaluatorNo of ASSESSORS) {
      for (const evalueeNo of evalueesOf(kind)) {
        if (evaluatorNo === evalueeNo) continue;
        for (const category of CATEGORIES) addScore(kind, evaluatorNo, evalueeNo, category, 'SUBMITTED');
      }
    }
  }
  // Q3 is open: only a few evaluators have started, so the workbench has work left.
  Q3_PARTIAL.forEach((entry, index) => {
    const candidates = evalueesOf('Q3').filter((no) => no !== entry.evaluator);
    const start = index * 20;
    const chosen = candidates.slice(start, start + entry.evaluees);
    chosen.forEach((evalueeNo, i) => {
      const isPartial = entry.partialLast === true && i === chosen.length - 1;
      for (const category of isPartial ? (['IDEOLOGICAL'] as const) : CATEGORIES) {
        addScore('Q3', entry.evaluator, evalueeNo, category, entry.status);
      }
    });
  });

  const adjustments: Prisma.AdjustmentCreateManyInput[] = ADJUSTMENTS.map((a, i) => {
    if (a.evaluator === a.evaluee) throw new Error(`demo seed: self adjustment ${a.evaluee}`);
    if (!ASSESSORS.includes(a.evaluator)) throw new Error(`demo seed: ${a.evaluator} is not an assessor`);
    return {
      id: demoId('adjustment', `${DEMO_YEAR}:${a.cycle}:${i}`),
      ...org,
      cycleId: cycleId(a.cycle),
      evaluatorId: personId(a.evaluator),
      evalueeId: personId(a.evaluee),
      kind: a.kind,
      amount: a.kind === 'VETO' ? null : (a.amount ?? null),
      reason: a.reason,
      status: a.draft === true ? 'DRAFT' : 'SUBMITTED',
      createdAt: inWindow(a.cycle, rng(`adjustment:${a.cycle}:${i}`)),
    };
  });

  // Results of the published quarters, by the simple rule (packages/domain may recompute them).
  const results: Prisma.EvaluationResultCreateManyInput[] = [];
  const cycleSummaries: DemoFacts['cycleSummaries'] = {};
  for (const kind of ['Q1', 'Q2'] as const) {
    const id = cycleId(kind);
    const rows = evalueesOf(kind).map((no) => {
      const evaluee = personId(no);
      const mine = scores.filter((s) => s.cycleId === id && s.evalueeId === evaluee);
      const categoryScore = (category: TargetCategory) => {
        const values = mine.filter((s) => s.category === category).map((s) => Number(s.value));
        return roundTo2(values.reduce((a, b) => a + b, 0) / values.length);
      };
      const adj = ADJUSTMENTS.filter((a) => a.cycle === kind && a.evaluee === no && a.draft !== true);
      const bonus = roundTo2(
        Math.min(
          BONUS_CAP,
          adj.filter((a) => a.kind === 'BONUS').reduce((s, a) => s + (a.amount ?? 0), 0),
        ),
      );
      const deduction = roundTo2(
        Math.min(
          DEDUCTION_CAP,
          adj.filter((a) => a.kind === 'DEDUCTION').reduce((s, a) => s + (a.amount ?? 0), 0),
        ),
      );
      const veto = adj.find((a) => a.kind === 'VETO');
      const ideological = categoryScore('IDEOLOGICAL');
      const business = categoryScore('BUSINESS');
      const management = categoryScore('MANAGEMENT');
      const total = roundTo2(
        Math.max(
          0,
          SCORE_WEIGHTS.IDEOLOGICAL * ideological +
            SCORE_WEIGHTS.BUSINESS * business +
            SCORE_WEIGHTS.MANAGEMENT * management +
            bonus -
            deduction,
        ),
      );
      return { no, evaluee, ideological, business, management, bonus, deduction, total, veto };
    });
    // Rank: vetoed last, then total (desc), then evaluee id, as packages/domain orders them.
    rows.sort((a, b) => {
      const vetoA = a.veto === undefined ? 0 : 1;
      const vetoB = b.veto === undefined ? 0 : 1;
      if (vetoA !== vetoB) return vetoA - vetoB;
      if (a.total !== b.total) return b.total - a.total;
      return a.evaluee < b.evaluee ? -1 : a.evaluee > b.evaluee ? 1 : 0;
    });
    const quota = Math.floor(EXCELLENT_QUOTA * rows.length + 1e-9);
    let excellent = 0;
    let quotaCut = 0;
    const grades: Record<string, number> = {};
    const closedAt = at(windowOf(kind)[1], '23:59:59');
    rows.forEach((row, index) => {
      const rank = index + 1;
      let grade: Grade;
      let isQuotaCut = false;
      let quotaCutReason: string | null = null;
      if (row.veto !== undefined) grade = 'INCOMPETENT';
      else if (row.total >= 90 && excellent < quota) {
        grade = 'EXCELLENT';
        excellent++;
      } else if (row.total >= 90) {
        grade = 'COMPETENT';
        isQuotaCut = true;
        quotaCut++;
        quotaCutReason = `超出优秀比例限额（${EXCELLENT_QUOTA * 100}%，共 ${quota} 个名额），排名第 ${rank}`;
      } else if (row.total >= 70) grade = 'COMPETENT';
      else if (row.total >= 60) grade = 'BASICALLY_COMPETENT';
      else grade = 'INCOMPETENT';
      grades[grade] = (grades[grade] ?? 0) + 1;
      const consequence = consequenceText(grade);
      results.push({
        id: demoId('result', `${DEMO_YEAR}:${kind}:${row.no}`),
        ...org,
        cycleId: id,
        evalueeId: row.evaluee,
        scoreIdeological: row.ideological,
        scoreBusiness: row.business,
        scoreManagement: row.management,
        bonusTotal: row.bonus,
        deductionTotal: row.deduction,
        total: row.total,
        rank,
        grade,
        isQuotaCut,
        quotaCutReason,
        isVetoed: row.veto !== undefined,
        vetoReason: row.veto?.reason ?? null,
        bonusCoefficient: consequence.coefficient,
        consequence: consequence.text,
        computedAt: closedAt,
      });
    });
    cycleSummaries[kind] = { evaluees: rows.length, quota, quotaCut, grades };
  }

  // Sanity checks on the deliberate gaps.
  const gapParent = byKey.get(nodeKey(GAP_WEIGHTS_90.postCode, 'BUSINESS', GAP_WEIGHTS_90.targetKey));
  const unowned = byKey.get(nodeKey(null, 'BUSINESS', GAP_UNOWNED.spec.key));
  if (gapParent === undefined || unowned === undefined) throw new Error('demo seed: gap targets missing');
  if (nodes.some((n) => n.ownerCode === GAP_NO_BUSINESS_POST && n.category === 'BUSINESS')) {
    throw new Error('demo seed: gap (a) post has a business target');
  }
  if ((postByCode.get(GAP_VACANT_POST)?.holders.length ?? 1) !== 0)
    throw new Error('demo seed: gap (c) post is held');

  return {
    organisation: { id: organisationId, code: DEMO_ORG_CODE, name: DEMO_ORG_NAME, createdAt: SET_UP_AT },
    settings: { ...org, updatedAt: SET_UP_AT },
    gradeConsequences: GRADE_CONSEQUENCES.map((c) => ({
      ...org,
      grade: c.grade,
      bonusCoefficient: c.bonusCoefficient,
      commendation: c.commendation,
      talk: c.talk,
    })),
    units,
    people,
    users,
    postsByTier,
    holdings,
    assessors,
    targetYear: { ...org, year: DEMO_YEAR, status: 'DRAFT' },
    targets,
    progressUpdates,
    cycles,
    exclusions,
    scores,
    adjustments,
    results,
    facts: {
      organisationId,
      postIdByCode: Object.fromEntries(posts.map((p) => [p.code, p.id])),
      personIdByNo: Object.fromEntries(PEOPLE.map((p) => [p.no, personId(p.no)])),
      userIdByUsername: Object.fromEntries(
        PEOPLE.map((p) => [usernameByNo.get(p.no) ?? '', userIdByNo.get(p.no) ?? '']),
      ),
      cycleSummaries,
      gapTargetIds: { weights90ParentId: gapParent.id, unownedTargetId: unowned.id },
    },
  };
}
