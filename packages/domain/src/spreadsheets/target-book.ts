// The target book workbook (目标): every row checked against the file, the posts and the targets
// the organisation has, every problem reported at once, and the plan of what to create and update.
//
// Matching (so that importing the same file twice changes nothing): a 目标编号 that is the id of
// one of the organisation's targets names that target (an export writes ids there, so a re-import
// may also rename it); otherwise the natural key — parent, owning post, year, category, line and
// title — finds an active target. A target never changes parent, year, category or line.
import { summariseChildWeights } from '../progress';
import { formatNumber, roundTo2 } from '../numbers';
import { LINE_LABELS, TIER_LABELS } from '../vocabulary';
import type { Line, MeasureKind, TargetCategory, Tier } from '../vocabulary';
import {
  isBlank,
  readCategory,
  readDate,
  readInteger,
  readLine,
  readMeasureKind,
  readNumber,
  readText,
  type CellResult,
} from './cells';
import { issueAt, sortIssues, type ImportIssue, type ImportIssueCode } from './issues';
import { TARGETS_SHEET, locate, readSheet, type RawSheet, type TargetColumn } from './sheets';

export interface TargetRecord {
  year: number;
  category: TargetCategory;
  line: Line;
  title: string;
  description: string | null;
  ownerPostCode: string | null;
  weight: number;
  measureKind: MeasureKind;
  measureUnit: string | null;
  baseline: number;
  goal: number;
  dueDate: string;
}

export interface ExistingTarget extends TargetRecord {
  id: string;
  parentId: string | null;
  isArchived: boolean;
}

/** A post as the decomposition rule needs it. */
export interface TargetOwnerPost {
  code: string;
  title: string;
  tier: Tier;
  lines: readonly Line[];
  adminSuperiorCode: string | null;
  partySuperiorCode: string | null;
  isArchived: boolean;
}

export interface ExistingTargetBook {
  posts: readonly TargetOwnerPost[];
  /**
   * The organisation's targets of the file's years (archived ones included), and any other target
   * whose id the file names.
   */
  targets: readonly ExistingTarget[];
}

export type TargetParentRef = { existingId: string } | { newKey: string } | null;

export interface TargetPlan {
  /** Parents before children. `key` is what `{ newKey }` of a child refers to. */
  create: { key: string; row: number; parent: TargetParentRef; record: TargetRecord }[];
  update: { row: number; id: string; before: TargetRecord; after: TargetRecord }[];
  unchanged: number;
}

export interface TargetBookValidation {
  issues: ImportIssue[];
  rowCount: number;
  plan: TargetPlan;
  /** The years the file names (for the caller to load targets of). */
  years: number[];
}

const AMOUNT = { min: -1e9, max: 1e9 };
const WEIGHT = { min: 0, max: 100 };

interface FileTarget {
  key: string;
  row: number;
  code: string | null;
  parentCode: string | null;
  record: TargetRecord;
  /** Resolved while matching. */
  parent?: TargetParentRef;
  matchId?: string;
}

const sameAt = (a: number, b: number, decimals: number) => Math.abs(a - b) < 0.5 * 10 ** -decimals;

export function isSameTarget(a: TargetRecord, b: TargetRecord): boolean {
  return (
    a.year === b.year &&
    a.category === b.category &&
    a.line === b.line &&
    a.title === b.title &&
    (a.description ?? '') === (b.description ?? '') &&
    a.ownerPostCode === b.ownerPostCode &&
    sameAt(a.weight, b.weight, 2) &&
    a.measureKind === b.measureKind &&
    (a.measureUnit ?? '') === (b.measureUnit ?? '') &&
    sameAt(a.baseline, b.baseline, 4) &&
    sameAt(a.goal, b.goal, 4) &&
    a.dueDate === b.dueDate
  );
}

const stripTarget = (t: TargetRecord): TargetRecord => ({
  year: t.year,
  category: t.category,
  line: t.line,
  title: t.title,
  description: t.description,
  ownerPostCode: t.ownerPostCode,
  weight: t.weight,
  measureKind: t.measureKind,
  measureUnit: t.measureUnit,
  baseline: t.baseline,
  goal: t.goal,
  dueDate: t.dueDate,
});

/** The years named in the sheet's 年度 column (readable ones), so the caller loads those targets. */
export function yearsOfTargetBook(raw: RawSheet | undefined): number[] {
  const sheet = readSheet(TARGETS_SHEET, raw, []);
  const years = new Set<number>();
  for (const { values } of sheet.rows) {
    const year = readInteger(values.year, '年度', { min: 2000, max: 2100 });
    if (year.ok) years.add(year.value);
  }
  return [...years].sort((a, b) => a - b);
}

/** The ids named in 目标编号 / 上级目标编号 (for the caller to load the targets they may be). */
export function codesOfTargetBook(raw: RawSheet | undefined): string[] {
  const sheet = readSheet(TARGETS_SHEET, raw, []);
  const codes = new Set<string>();
  for (const { values } of sheet.rows) {
    for (const value of [values.code, values.parentCode]) {
      const text = readText(value);
      if (text) codes.add(text);
    }
  }
  return [...codes];
}

const naturalKey = (parent: string | null, r: TargetRecord) =>
  [parent ?? '-', r.ownerPostCode ?? '-', r.year, r.category, r.line, r.title].join('\u0000');

/** Checks the target book workbook against the organisation and plans the writes. Pure. */
export function validateTargetBook(
  raw: RawSheet | undefined,
  existing: ExistingTargetBook,
): TargetBookValidation {
  const issues: ImportIssue[] = [];
  const sheet = readSheet(TARGETS_SHEET, raw, issues);
  const badRows = new Set<number>();
  const add = (
    row: number,
    key: TargetColumn | null,
    code: ImportIssueCode,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => {
    issues.push(issueAt(locate(sheet, row, key), code, message, severity));
    if (severity === 'error') badRows.add(row);
  };
  const take = <T>(row: number, key: TargetColumn, result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    add(row, key, result.code, result.message);
    return undefined;
  };
  /** Readers over one row's values. */
  const readersOf = (row: number, values: Readonly<Record<TargetColumn, unknown>>) => ({
    required: <T>(key: TargetColumn, what: string, read: () => CellResult<T>): T | undefined => {
      if (isBlank(values[key] as never)) {
        add(row, key, 'REQUIRED', `${what}不能为空`);
        return undefined;
      }
      return take(row, key, read());
    },
    text: (key: TargetColumn, what: string, max: number): string | null | undefined => {
      const value = readText(values[key] as never);
      if (value === '') return null;
      if ([...value].length > max) {
        add(row, key, 'INVALID_VALUE', `${what}不能超过 ${max} 个字`);
        return undefined;
      }
      return value;
    },
  });

  const postsByCode = new Map(existing.posts.map((p) => [p.code, p]));
  const targetsById = new Map(existing.targets.map((t) => [t.id, t]));

  // ─── rows ───────────────────────────────────────────────────────────────────────────────────
  const fileTargets: FileTarget[] = [];
  const byCode = new Map<string, FileTarget>();
  const codeRows = new Map<string, number>();
  for (const { row, values } of sheet.rows) {
    const { required, text } = readersOf(row, values);
    const code = text('code', '目标编号', 100);
    const parentCode = text('parentCode', '上级目标编号', 100);
    const year = required('year', '年度', () => readInteger(values.year, '年度', { min: 2000, max: 2100 }));
    const category = required('category', '目标类别', () => readCategory(values.category));
    const line = required('line', '主线', () => readLine(values.line));
    const title = required('title', '目标名称', () => ({ ok: true, value: readText(values.title) }));
    if (title !== undefined && [...title].length > 200)
      add(row, 'title', 'INVALID_VALUE', '目标名称不能超过 200 个字');
    const description = text('description', '目标说明', 2000);
    const ownerPostCode = text('ownerPostCode', '责任岗位编码', 32);
    const weight = required('weight', '权重', () => readNumber(values.weight, '权重', WEIGHT));
    const measureKind = required('measureKind', '计量方式', () => readMeasureKind(values.measureKind));
    const measureUnit = text('measureUnit', '计量单位', 20);
    const baseline = isBlank(values.baseline)
      ? 0
      : take(row, 'baseline', readNumber(values.baseline, '基准值', AMOUNT));
    const goal = required('goal', '目标值', () => readNumber(values.goal, '目标值', AMOUNT));
    const dueDate = required('dueDate', '完成时限', () => readDate(values.dueDate, '完成时限'));

    if (code) {
      const earlier = codeRows.get(code);
      if (earlier !== undefined) {
        add(row, 'code', 'DUPLICATE', `目标编号“${code}”与第 ${earlier} 行重复`);
        continue;
      }
      codeRows.set(code, row);
    }
    if (ownerPostCode) {
      const post = postsByCode.get(ownerPostCode);
      if (!post)
        add(
          row,
          'ownerPostCode',
          'UNKNOWN_REFERENCE',
          `岗位编码“${ownerPostCode}”不存在：请先导入花名册或在系统中添加该岗位`,
        );
      else if (post.isArchived)
        add(
          row,
          'ownerPostCode',
          'ARCHIVED',
          `岗位“${post.title}（${post.code}）”已撤销（归档），不能承担目标`,
        );
    }
    if (
      code === undefined ||
      parentCode === undefined ||
      year === undefined ||
      category === undefined ||
      line === undefined ||
      title === undefined ||
      description === undefined ||
      ownerPostCode === undefined ||
      weight === undefined ||
      measureKind === undefined ||
      measureUnit === undefined ||
      baseline === undefined ||
      goal === undefined ||
      dueDate === undefined
    ) {
      badRows.add(row);
      continue;
    }
    const target: FileTarget = {
      key: code ?? `#${row}`,
      row,
      code,
      parentCode,
      record: {
        year,
        category,
        line,
        title,
        description,
        ownerPostCode,
        weight: roundTo2(weight),
        measureKind,
        measureUnit,
        baseline,
        goal,
        dueDate,
      },
    };
    fileTargets.push(target);
    if (code) byCode.set(code, target);
  }

  // ─── parents, in the file or the organisation; no loop; parents first ─────────────────────
  const order: FileTarget[] = [];
  const state = new Map<FileTarget, 'visiting' | 'done'>();
  /** Rows in a loop of parents: reported once, then treated as having no parent. */
  const inLoop = new Set<FileTarget>();
  for (const start of fileTargets) {
    // Walk up through the file's parents (iteratively: a hostile file may chain 20,000 rows).
    const path: FileTarget[] = [];
    let current: FileTarget | undefined = start;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      const parentCode: string | null = current.parentCode;
      current = parentCode === null ? undefined : byCode.get(parentCode);
    }
    if (current !== undefined && state.get(current) === 'visiting') {
      const loop = path.slice(path.indexOf(current));
      for (const member of loop) {
        inLoop.add(member);
        add(
          member.row,
          'parentCode',
          'CYCLE',
          loop.length === 1
            ? '目标不能以自己为上级目标'
            : `上级目标关系形成了循环：${loop.map((m) => `第 ${m.row} 行`).join(' → ')}`,
        );
      }
    }
    for (let i = path.length - 1; i >= 0; i--) {
      state.set(path[i]!, 'done');
      order.push(path[i]!);
    }
  }

  // ─── match and check each row, parents first ───────────────────────────────────────────────
  const activeByNaturalKey = new Map<string, ExistingTarget[]>();
  const activeChildren = new Map<string, ExistingTarget[]>();
  for (const t of existing.targets) {
    if (t.isArchived) continue;
    const key = naturalKey(t.parentId, t);
    activeByNaturalKey.set(key, [...(activeByNaturalKey.get(key) ?? []), t]);
    if (t.parentId !== null) activeChildren.set(t.parentId, [...(activeChildren.get(t.parentId) ?? []), t]);
  }
  const matchedRows = new Map<string, number>();
  const newKeys = new Map<string, number>();
  const result: TargetPlan = { create: [], update: [], unchanged: 0 };

  for (const t of order) {
    const r = t.record;
    // Resolve the parent.
    let parentRecord: TargetRecord | null = null;
    let parentLabel = '';
    let parentId: string | null = null;
    let isParentNew = false;
    /** The parent column names something that could not be resolved (reported). */
    let isParentUnresolved = inLoop.has(t);
    if (isParentUnresolved) {
      // in a loop, reported above
    } else if (t.parentCode !== null) {
      const inFile = byCode.get(t.parentCode);
      if (inFile) {
        parentRecord = inFile.record;
        parentLabel = `第 ${inFile.row} 行的目标“${inFile.record.title}”`;
        if (inFile.matchId !== undefined) parentId = inFile.matchId;
        else isParentNew = true;
        if (badRows.has(inFile.row)) badRows.add(t.row); // judged once the parent is fixed
      } else {
        const inOrg = targetsById.get(t.parentCode);
        isParentUnresolved = !inOrg || inOrg.isArchived;
        if (!inOrg) {
          add(
            t.row,
            'parentCode',
            'UNKNOWN_REFERENCE',
            `上级目标编号“${t.parentCode}”既不在本表中，也不是系统中已有目标的编号`,
          );
        } else if (inOrg.isArchived) {
          add(t.row, 'parentCode', 'ARCHIVED', `上级目标“${inOrg.title}”已归档，不能再分解`);
        } else {
          parentRecord = inOrg;
          parentId = inOrg.id;
          parentLabel = `上级目标“${inOrg.title}”`;
        }
      }
    }
    t.parent = isParentNew
      ? { newKey: byCode.get(t.parentCode!)!.key }
      : parentId !== null
        ? { existingId: parentId }
        : null;

    // Match an existing target.
    let match: ExistingTarget | undefined;
    const byId = t.code === null ? undefined : targetsById.get(t.code);
    if (byId) {
      if (byId.isArchived) {
        add(t.row, 'code', 'ARCHIVED', `目标“${byId.title}”已归档，不能通过导入修改`);
      } else {
        match = byId;
        if ((byId.parentId ?? null) !== parentId || (isParentNew && byId.parentId !== null)) {
          add(t.row, 'parentCode', 'IMMUTABLE', `不能更改已有目标“${byId.title}”的上级目标`);
        }
        const moved: string[] = [];
        if (byId.year !== r.year) moved.push('年度');
        if (byId.category !== r.category) moved.push('目标类别');
        if (byId.line !== r.line) moved.push('主线');
        if (moved.length > 0) {
          add(
            t.row,
            byId.year !== r.year ? 'year' : byId.category !== r.category ? 'category' : 'line',
            'IMMUTABLE',
            `不能更改已有目标“${byId.title}”的${moved.join('、')}；如需调整，请在系统中归档后新建`,
          );
        }
      }
    } else if (!isParentNew && !isParentUnresolved) {
      const candidates = activeByNaturalKey.get(naturalKey(parentId, r)) ?? [];
      if (candidates.length > 1) {
        add(
          t.row,
          'title',
          'AMBIGUOUS',
          `系统中有 ${candidates.length} 个同名目标“${r.title}”（同一上级、责任岗位和类别），无法确定对应哪一个：请使用导出文件中的目标编号`,
        );
      } else match = candidates[0];
    }
    if (match) {
      const earlier = matchedRows.get(match.id);
      if (earlier !== undefined) {
        add(
          t.row,
          t.code === match.id ? 'code' : 'title',
          'DUPLICATE',
          `与第 ${earlier} 行是同一个目标“${match.title}”`,
        );
        match = undefined;
      } else {
        matchedRows.set(match.id, t.row);
        t.matchId = match.id;
      }
    } else if (!badRows.has(t.row)) {
      const key = naturalKey(
        isParentNew ? `new:${t.parent && 'newKey' in t.parent ? t.parent.newKey : ''}` : parentId,
        r,
      );
      const earlier = newKeys.get(key);
      if (earlier !== undefined)
        add(t.row, 'title', 'DUPLICATE', `与第 ${earlier} 行重复（同一上级目标、责任岗位、类别和名称）`);
      else newKeys.set(key, t.row);
    }

    // Decomposition: same year, category and line as the parent; owned one tier down in the line.
    if (!isParentUnresolved)
      checkOwner(t, parentRecord, parentLabel, match, add, postsByCode, activeChildren);

    if (badRows.has(t.row)) continue;
    if (!match) result.create.push({ key: t.key, row: t.row, parent: t.parent, record: r });
    else if (isSameTarget(stripTarget(match), r)) result.unchanged += 1;
    else result.update.push({ row: t.row, id: match.id, before: stripTarget(match), after: r });
  }

  checkWeights(order, activeChildren, add);

  return {
    issues: sortIssues(issues, [TARGETS_SHEET.name]),
    rowCount: sheet.rows.length,
    plan: result,
    years: [...new Set(fileTargets.map((t) => t.record.year))].sort((a, b) => a - b),
  };
}

type Add = (
  row: number,
  key: TargetColumn | null,
  code: ImportIssueCode,
  message: string,
  severity?: 'error' | 'warning',
) => void;

const superiorIn = (post: TargetOwnerPost, line: Line) =>
  line === 'ADMINISTRATIVE' ? post.adminSuperiorCode : post.partySuperiorCode;
const quote = (post: TargetOwnerPost) => `“${post.title}（${post.code}）”`;

/** The rules the targets service applies to a new or re-owned target (assertRootOwner / assertChildOwner). */
function checkOwner(
  t: FileTarget,
  parent: TargetRecord | null,
  parentLabel: string,
  match: ExistingTarget | undefined,
  add: Add,
  postsByCode: ReadonlyMap<string, TargetOwnerPost>,
  activeChildren: ReadonlyMap<string, ExistingTarget[]>,
) {
  const r = t.record;
  const owner = r.ownerPostCode === null ? undefined : postsByCode.get(r.ownerPostCode);
  if (match && match.ownerPostCode !== r.ownerPostCode && (activeChildren.get(match.id)?.length ?? 0) > 0) {
    add(
      t.row,
      'ownerPostCode',
      'IMMUTABLE',
      `目标“${match.title}”已分解，须先处理其子目标，才能更换责任岗位`,
    );
  }
  const isRoot = t.parentCode === null;
  if (isRoot) {
    if (r.ownerPostCode === null) {
      add(t.row, 'ownerPostCode', 'REQUIRED', '顶层目标必须指定责任岗位（一级岗位）');
      return;
    }
    if (!owner || owner.isArchived) return; // reported with the row
    if (owner.tier !== 1) {
      add(
        t.row,
        'ownerPostCode',
        'DECOMPOSITION',
        `顶层目标应由一级岗位承担，岗位${quote(owner)}是${TIER_LABELS[owner.tier]}岗位`,
      );
    } else if (!owner.lines.includes(r.line)) {
      add(
        t.row,
        'ownerPostCode',
        'DECOMPOSITION',
        `岗位${quote(owner)}不在${LINE_LABELS[r.line]}中，不能承担该线的目标`,
      );
    }
    return;
  }
  if (parent === null) return; // an unknown, archived or looping parent: reported above
  // The line may differ: a deputy's party-line target is carried by section chiefs on the
  // administrative line (the gap check judges each target in its own line, as here).
  const moved: string[] = [];
  if (parent.year !== r.year) moved.push('年度');
  if (parent.category !== r.category) moved.push('目标类别');
  if (moved.length > 0) {
    add(
      t.row,
      parent.year !== r.year ? 'year' : 'category',
      'DECOMPOSITION',
      `子目标的${moved.join('、')}须与${parentLabel}一致`,
    );
    return;
  }
  if (r.ownerPostCode === null) {
    add(
      t.row,
      'ownerPostCode',
      'REQUIRED',
      '子目标未指定责任岗位：导入后为“目标无责任岗位”的责任链缺口',
      'warning',
    );
    return;
  }
  if (parent.ownerPostCode === null) {
    add(t.row, 'parentCode', 'DECOMPOSITION', `${parentLabel}没有责任岗位，不能分解给岗位`);
    return;
  }
  const parentOwner = postsByCode.get(parent.ownerPostCode);
  if (!owner || owner.isArchived || !parentOwner) return;
  if (!owner.lines.includes(r.line)) {
    add(
      t.row,
      'ownerPostCode',
      'DECOMPOSITION',
      `岗位${quote(owner)}不在${LINE_LABELS[r.line]}中，不能承担该线的目标`,
    );
  } else if (superiorIn(owner, r.line) !== parentOwner.code) {
    add(
      t.row,
      'ownerPostCode',
      'DECOMPOSITION',
      `岗位${quote(owner)}在${LINE_LABELS[r.line]}中不向岗位${quote(parentOwner)}汇报，不能承担其分解的目标`,
    );
  }
}

/**
 * Children of one target: over 100 together is an error (as in the editor); under 100 a warning —
 * an incomplete decomposition is a chain gap, listed by the gap report, not a reason to refuse.
 * Existing children the file does not list count with their stored weight.
 */
function checkWeights(
  order: readonly FileTarget[],
  activeChildren: ReadonlyMap<string, ExistingTarget[]>,
  add: Add,
) {
  const groups = new Map<string, { rows: FileTarget[]; matched: Set<string>; existingId: string | null }>();
  for (const t of order) {
    if (!t.parent) continue;
    const key = 'existingId' in t.parent ? `e:${t.parent.existingId}` : `n:${t.parent.newKey}`;
    const group = groups.get(key) ?? {
      rows: [],
      matched: new Set<string>(),
      existingId: 'existingId' in t.parent ? t.parent.existingId : null,
    };
    group.rows.push(t);
    if (t.matchId) group.matched.add(t.matchId);
    groups.set(key, group);
  }
  for (const { rows, matched, existingId } of groups.values()) {
    const others =
      existingId === null ? [] : (activeChildren.get(existingId) ?? []).filter((c) => !matched.has(c.id));
    const weights = [...rows.map((t) => t.record.weight), ...others.map((c) => c.weight)];
    const { sum, isComplete, isOverLimit } = summariseChildWeights(weights);
    const first = rows[0]!;
    const extra = others.length > 0 ? `（含系统中未列出的 ${others.length} 个子目标）` : '';
    if (isOverLimit) {
      add(
        first.row,
        'weight',
        'WEIGHTS_NOT_100',
        `同一上级目标的子目标权重之和为 ${formatNumber(sum)}${extra}，不能超过 100`,
      );
    } else if (!isComplete) {
      add(
        first.row,
        'weight',
        'WEIGHTS_NOT_100',
        `同一上级目标的子目标权重之和为 ${formatNumber(sum)}${extra}，应为 100（导入后为责任链缺口）`,
        'warning',
      );
    }
  }
}
