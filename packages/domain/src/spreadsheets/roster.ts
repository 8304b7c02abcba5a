// The roster workbook (部门、人员、岗位、任职): every row checked against the file and the
// organisation as it is, every problem reported at once, and the plan of what to create and update.
// Records are matched on natural keys — unit name, 工号, 岗位编码, (工号, 岗位编码) — so importing
// the same file twice changes nothing the second time. Nothing is ever deleted or ended.
import type { ChainViolation, Post as ChainPost } from '../chain';
import type { Line, Tier } from '../vocabulary';
import {
  isBlank,
  readDate,
  readInteger,
  readLines,
  readText,
  readTier,
  readUnitKind,
  readYesNo,
  type CellResult,
  type CellValue,
  type UnitKind,
} from './cells';
import { issueAt, sortIssues, type ImportIssue, type ImportIssueCode } from './issues';
import { checkPostReporting } from './reporting';
import {
  HOLDINGS_SHEET,
  PEOPLE_SHEET,
  POSTS_SHEET,
  ROSTER_SHEETS,
  UNITS_SHEET,
  locate,
  readSheet,
  type RawSheet,
  type ReadSheet,
} from './sheets';

export interface UnitRecord {
  name: string;
  kind: UnitKind;
  parentName: string | null;
  sortOrder: number;
}
export interface PersonRecord {
  employeeNo: string;
  name: string;
  gender: string | null;
  isPartyMember: boolean;
}
export interface PostRecord {
  code: string;
  title: string;
  unitName: string;
  tier: Tier;
  lines: Line[];
  adminSuperiorCode: string | null;
  partySuperiorCode: string | null;
  sortOrder: number;
}
export interface HoldingRecord {
  employeeNo: string;
  postCode: string;
  isPrimary: boolean;
  startedOn: string;
  endedOn: string | null;
}

export type ExistingUnit = UnitRecord & { id: string; isArchived: boolean };
export type ExistingPerson = PersonRecord & { id: string; isArchived: boolean };
export type ExistingPost = PostRecord & { id: string; isArchived: boolean };
export type ExistingHolding = HoldingRecord & { id: string };

export interface ExistingRoster {
  units: readonly ExistingUnit[];
  people: readonly ExistingPerson[];
  posts: readonly ExistingPost[];
  holdings: readonly ExistingHolding[];
}

/** What to write for one kind of record: new ones, changed ones (with before and after), the rest. */
export interface ChangeSet<R> {
  create: { row: number; record: R }[];
  /** `row` null: a change the file implies for a record it does not list (another primary cleared). */
  update: { row: number | null; id: string; before: R; after: R }[];
  unchanged: number;
}

export interface RosterPlan {
  units: ChangeSet<UnitRecord>;
  people: ChangeSet<PersonRecord>;
  posts: ChangeSet<PostRecord>;
  holdings: ChangeSet<HoldingRecord>;
}

export interface RosterValidation {
  /** Errors first, then warnings; every one found. */
  issues: ImportIssue[];
  /** Data rows read, all sheets. */
  rowCount: number;
  /** Meaningful when there is no error; with errors, counts the rows that were fine. */
  plan: RosterPlan;
}

export interface RosterWorkbook {
  units?: RawSheet;
  people?: RawSheet;
  posts?: RawSheet;
  holdings?: RawSheet;
}

const SORT_RANGE = { min: -1_000_000, max: 1_000_000 };
const POST_CODE = /^[A-Za-z0-9_-]+$/;
const emptyChangeSet = <R>(): ChangeSet<R> => ({ create: [], update: [], unchanged: 0 });

/** Collects a sheet's issues and remembers which rows have errors. */
class RowChecker<K extends string> {
  readonly badRows = new Set<number>();
  constructor(
    readonly sheet: ReadSheet<K>,
    private readonly issues: ImportIssue[],
  ) {}

  add(
    row: number,
    key: K | null,
    code: ImportIssueCode,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) {
    this.issues.push(issueAt(locate(this.sheet, row, key), code, message, severity));
    if (severity === 'error') this.badRows.add(row);
  }

  /** The value, or undefined after recording the reason. */
  take<T>(row: number, key: K, result: CellResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.add(row, key, result.code, result.message);
    return undefined;
  }

  /** Required text of at most `max` characters. */
  text(
    row: number,
    key: K,
    value: CellValue,
    what: string,
    max: number,
    isRequired: boolean,
  ): string | undefined {
    const text = readText(value);
    if (text === '') {
      if (isRequired) this.add(row, key, 'REQUIRED', `${what}不能为空`);
      return isRequired ? undefined : '';
    }
    if ([...text].length > max) {
      this.add(row, key, 'INVALID_VALUE', `${what}不能超过 ${max} 个字`);
      return undefined;
    }
    return text;
  }
}

const sameUnit = (a: UnitRecord, b: UnitRecord) =>
  a.name === b.name && a.kind === b.kind && a.parentName === b.parentName && a.sortOrder === b.sortOrder;
const samePerson = (a: PersonRecord, b: PersonRecord) =>
  a.employeeNo === b.employeeNo &&
  a.name === b.name &&
  a.gender === b.gender &&
  a.isPartyMember === b.isPartyMember;
const samePost = (a: PostRecord, b: PostRecord) =>
  a.code === b.code &&
  a.title === b.title &&
  a.unitName === b.unitName &&
  a.tier === b.tier &&
  a.lines.join() === b.lines.join() &&
  a.adminSuperiorCode === b.adminSuperiorCode &&
  a.partySuperiorCode === b.partySuperiorCode &&
  a.sortOrder === b.sortOrder;
const sameHolding = (a: HoldingRecord, b: HoldingRecord) =>
  a.isPrimary === b.isPrimary && a.startedOn === b.startedOn && a.endedOn === b.endedOn;

function plan<R>(
  changes: ChangeSet<R>,
  row: number,
  existing: (R & { id: string }) | undefined,
  record: R,
  isSame: (a: R, b: R) => boolean,
  strip: (e: R & { id: string }) => R,
) {
  if (existing === undefined) changes.create.push({ row, record });
  else if (isSame(strip(existing), record)) changes.unchanged += 1;
  else changes.update.push({ row, id: existing.id, before: strip(existing), after: record });
}

const stripUnit = ({ name, kind, parentName, sortOrder }: UnitRecord): UnitRecord => ({
  name,
  kind,
  parentName,
  sortOrder,
});
const stripPerson = ({ employeeNo, name, gender, isPartyMember }: PersonRecord): PersonRecord => ({
  employeeNo,
  name,
  gender,
  isPartyMember,
});
const stripPost = (p: PostRecord): PostRecord => ({
  code: p.code,
  title: p.title,
  unitName: p.unitName,
  tier: p.tier,
  lines: p.lines,
  adminSuperiorCode: p.adminSuperiorCode,
  partySuperiorCode: p.partySuperiorCode,
  sortOrder: p.sortOrder,
});
const stripHolding = ({
  employeeNo,
  postCode,
  isPrimary,
  startedOn,
  endedOn,
}: HoldingRecord): HoldingRecord => ({
  employeeNo,
  postCode,
  isPrimary,
  startedOn,
  endedOn,
});

function checkUnits(
  sheet: ReadSheet<(typeof UNITS_SHEET.columns)[number]['key']>,
  existing: ExistingRoster,
  issues: ImportIssue[],
) {
  const check = new RowChecker(sheet, issues);
  const existingByName = new Map(existing.units.map((u) => [u.name, u]));
  const fileUnits = new Map<string, { row: number; record: UnitRecord }>();
  /** Every key's first row, readable or not, so a later duplicate is named either way. */
  const seen = new Map<string, number>();
  for (const { row, values } of sheet.rows) {
    const name = check.text(row, 'name', values.name, '部门名称', 100, true);
    const kind = check.take<UnitKind>(
      row,
      'kind',
      isBlank(values.kind)
        ? { ok: false, code: 'REQUIRED', message: '部门类型不能为空' }
        : readUnitKind(values.kind),
    );
    const parentName = check.text(row, 'parentName', values.parentName, '上级部门', 100, false);
    const sortOrder = isBlank(values.sortOrder)
      ? 0
      : check.take(row, 'sortOrder', readInteger(values.sortOrder, '排序', SORT_RANGE));
    if (name === undefined) continue;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      check.add(row, 'name', 'DUPLICATE', `部门“${name}”与第 ${earlier} 行重复`);
      continue;
    }
    seen.set(name, row);
    if (existingByName.get(name)?.isArchived) {
      check.add(row, 'name', 'ARCHIVED', `部门“${name}”已撤销（归档），不能通过导入修改；请换一个名称`);
      continue;
    }
    if (kind === undefined || parentName === undefined || sortOrder === undefined) {
      check.badRows.add(row);
      continue;
    }
    fileUnits.set(name, { row, record: { name, kind, parentName: parentName || null, sortOrder } });
  }

  // Parents: in the file or the organisation, active, and no loop.
  const parentOf = new Map<string, string | null>(existing.units.map((u) => [u.name, u.parentName]));
  for (const [name, { record }] of fileUnits) parentOf.set(name, record.parentName);
  for (const [name, { row, record }] of fileUnits) {
    if (record.parentName === null) continue;
    const inOrg = existingByName.get(record.parentName);
    if (!fileUnits.has(record.parentName) && !inOrg) {
      check.add(
        row,
        'parentName',
        'UNKNOWN_REFERENCE',
        `上级部门“${record.parentName}”不存在：请先在“部门”表或系统中添加`,
      );
    } else if (!fileUnits.has(record.parentName) && inOrg?.isArchived) {
      check.add(row, 'parentName', 'ARCHIVED', `上级部门“${record.parentName}”已撤销（归档）`);
    } else if (leadsBack(name, parentOf)) {
      check.add(
        row,
        'parentName',
        'CYCLE',
        `部门“${name}”的上级部门关系形成了循环（${record.parentName} 是它自己或它的下级）`,
      );
    }
  }
  return { check, fileUnits, existingByName };
}

/** Whether following parents from `start` comes back to it. */
function leadsBack(start: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let current = parentOf.get(start) ?? null; current !== null; current = parentOf.get(current) ?? null) {
    if (current === start) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/** Checks the roster workbook against the organisation and plans the writes. Pure. */
export function validateRoster(
  workbook: RosterWorkbook,
  existing: ExistingRoster,
  options: { today: string },
): RosterValidation {
  const issues: ImportIssue[] = [];
  const units = readSheet(UNITS_SHEET, workbook.units, issues);
  const people = readSheet(PEOPLE_SHEET, workbook.people, issues);
  const posts = readSheet(POSTS_SHEET, workbook.posts, issues);
  const holdings = readSheet(HOLDINGS_SHEET, workbook.holdings, issues);
  const result: RosterPlan = {
    units: emptyChangeSet(),
    people: emptyChangeSet(),
    posts: emptyChangeSet(),
    holdings: emptyChangeSet(),
  };

  // ─── 部门 ──────────────────────────────────────────────────────────────────────────────────
  const unitCheck = checkUnits(units, existing, issues);
  for (const [name, { row, record }] of unitCheck.fileUnits) {
    if (unitCheck.check.badRows.has(row)) continue;
    plan(result.units, row, unitCheck.existingByName.get(name), record, sameUnit, stripUnit);
  }
  const isActiveUnit = (name: string) =>
    unitCheck.fileUnits.has(name) || unitCheck.existingByName.get(name)?.isArchived === false;

  // ─── 人员 ──────────────────────────────────────────────────────────────────────────────────
  const personCheck = new RowChecker(people, issues);
  const existingPeople = new Map(existing.people.map((p) => [p.employeeNo, p]));
  const filePeople = new Map<string, { row: number; record: PersonRecord }>();
  const seenPeople = new Map<string, number>();
  for (const { row, values } of people.rows) {
    const employeeNo = personCheck.text(row, 'employeeNo', values.employeeNo, '工号', 32, true);
    const name = personCheck.text(row, 'name', values.name, '姓名', 50, true);
    const genderText = readText(values.gender);
    if (genderText !== '' && genderText !== '男' && genderText !== '女') {
      personCheck.add(row, 'gender', 'INVALID_VALUE', `性别“${genderText}”无效，应为“男”或“女”，或留空`);
    }
    const isPartyMember = personCheck.take(row, 'isPartyMember', readYesNo(values.isPartyMember, '是否党员'));
    if (employeeNo === undefined) continue;
    const earlier = seenPeople.get(employeeNo);
    if (earlier !== undefined) {
      personCheck.add(row, 'employeeNo', 'DUPLICATE', `工号“${employeeNo}”与第 ${earlier} 行重复`);
      continue;
    }
    seenPeople.set(employeeNo, row);
    if (existingPeople.get(employeeNo)?.isArchived) {
      personCheck.add(
        row,
        'employeeNo',
        'ARCHIVED',
        `工号“${employeeNo}”的人员已离岗（归档），不能通过导入修改`,
      );
      continue;
    }
    if (name === undefined || isPartyMember === undefined) continue;
    filePeople.set(employeeNo, {
      row,
      record: { employeeNo, name, gender: genderText || null, isPartyMember },
    });
  }
  for (const [employeeNo, { row, record }] of filePeople) {
    if (personCheck.badRows.has(row)) continue;
    plan(result.people, row, existingPeople.get(employeeNo), record, samePerson, stripPerson);
  }

  // ─── 岗位 ──────────────────────────────────────────────────────────────────────────────────
  const postCheck = new RowChecker(posts, issues);
  const existingPosts = new Map(existing.posts.map((p) => [p.code, p]));
  const filePosts = new Map<string, { row: number; record: PostRecord }>();
  /** Codes listed in the file whose row could not be read: links to them are not judged again. */
  const unreadablePosts = new Set<string>();
  const seenPosts = new Map<string, number>();
  for (const { row, values } of posts.rows) {
    const code = postCheck.text(row, 'code', values.code, '岗位编码', 32, true);
    if (code !== undefined && !POST_CODE.test(code)) {
      postCheck.add(row, 'code', 'INVALID_VALUE', `岗位编码“${code}”只能包含字母、数字、- 和 _`);
    }
    const title = postCheck.text(row, 'title', values.title, '岗位名称', 100, true);
    const unitName = postCheck.text(row, 'unitName', values.unitName, '所属部门', 100, true);
    if (unitName !== undefined && !isActiveUnit(unitName)) {
      const isArchived = unitCheck.existingByName.get(unitName)?.isArchived === true;
      postCheck.add(
        row,
        'unitName',
        isArchived ? 'ARCHIVED' : 'UNKNOWN_REFERENCE',
        isArchived
          ? `部门“${unitName}”已撤销（归档），不能再设岗位`
          : `部门“${unitName}”不存在：请先在“部门”表或系统中添加`,
      );
    }
    const tier = isBlank(values.tier)
      ? postCheck.take<Tier>(row, 'tier', { ok: false, code: 'REQUIRED', message: '责任层级不能为空' })
      : postCheck.take(row, 'tier', readTier(values.tier));
    const lines = postCheck.take(row, 'lines', readLines(values.lines));
    const adminSuperiorCode = readText(values.adminSuperiorCode) || null;
    const partySuperiorCode = readText(values.partySuperiorCode) || null;
    const sortOrder = isBlank(values.sortOrder)
      ? 0
      : postCheck.take(row, 'sortOrder', readInteger(values.sortOrder, '排序', SORT_RANGE));
    if (code === undefined) continue;
    const earlier = seenPosts.get(code);
    if (earlier !== undefined) {
      postCheck.add(row, 'code', 'DUPLICATE', `岗位编码“${code}”与第 ${earlier} 行重复`);
      continue;
    }
    seenPosts.set(code, row);
    if (existingPosts.get(code)?.isArchived) {
      postCheck.add(row, 'code', 'ARCHIVED', `岗位“${code}”已撤销（归档），不能通过导入修改；请换一个编码`);
      continue;
    }
    if (
      title === undefined ||
      unitName === undefined ||
      tier === undefined ||
      lines === undefined ||
      sortOrder === undefined
    ) {
      unreadablePosts.add(code);
      continue;
    }
    filePosts.set(code, {
      row,
      record: { code, title, unitName, tier, lines, adminSuperiorCode, partySuperiorCode, sortOrder },
    });
  }
  checkReporting(postCheck, filePosts, existingPosts, unreadablePosts);
  for (const [code, { row, record }] of filePosts) {
    if (postCheck.badRows.has(row)) continue;
    plan(result.posts, row, existingPosts.get(code), record, samePost, stripPost);
  }

  // ─── 任职 ──────────────────────────────────────────────────────────────────────────────────
  const holdingCheck = new RowChecker(holdings, issues);
  const existingHoldings = new Map(existing.holdings.map((h) => [`${h.employeeNo}\u0000${h.postCode}`, h]));
  const fileHoldings = new Map<string, { row: number; record: HoldingRecord }>();
  const primaryRowOf = new Map<string, number>();
  const seenHoldings = new Map<string, number>();
  for (const { row, values } of holdings.rows) {
    const employeeNo = holdingCheck.text(row, 'employeeNo', values.employeeNo, '工号', 32, true);
    const postCode = holdingCheck.text(row, 'postCode', values.postCode, '岗位编码', 32, true);
    const isPrimary = holdingCheck.take(row, 'isPrimary', readYesNo(values.isPrimary, '是否主岗'));
    const startedOn = isBlank(values.startedOn)
      ? null
      : holdingCheck.take(row, 'startedOn', readDate(values.startedOn, '任职日期', { min: 1950, max: 2100 }));
    if (employeeNo !== undefined && !filePeople.has(employeeNo)) {
      const person = existingPeople.get(employeeNo);
      if (!person) {
        holdingCheck.add(
          row,
          'employeeNo',
          'UNKNOWN_REFERENCE',
          `工号“${employeeNo}”的人员不存在：请先在“人员”表或系统中添加`,
        );
      } else if (person.isArchived) {
        holdingCheck.add(row, 'employeeNo', 'ARCHIVED', `工号“${employeeNo}”的人员已离岗（归档），不能任职`);
      }
    }
    if (postCode !== undefined && !filePosts.has(postCode) && !unreadablePosts.has(postCode)) {
      const post = existingPosts.get(postCode);
      if (!post) {
        holdingCheck.add(
          row,
          'postCode',
          'UNKNOWN_REFERENCE',
          `岗位编码“${postCode}”不存在：请先在“岗位”表或系统中添加`,
        );
      } else if (post.isArchived) {
        holdingCheck.add(row, 'postCode', 'ARCHIVED', `岗位“${postCode}”已撤销（归档），不能任职`);
      }
    }
    if (employeeNo === undefined || postCode === undefined) continue;
    const key = `${employeeNo}\u0000${postCode}`;
    const earlier = seenHoldings.get(key);
    if (earlier !== undefined) {
      holdingCheck.add(
        row,
        'postCode',
        'DUPLICATE',
        `工号“${employeeNo}”任岗位“${postCode}”与第 ${earlier} 行重复`,
      );
      continue;
    }
    seenHoldings.set(key, row);
    if (isPrimary === undefined || startedOn === undefined) continue;
    if (isPrimary) {
      const firstPrimary = primaryRowOf.get(employeeNo);
      if (firstPrimary !== undefined) {
        holdingCheck.add(
          row,
          'isPrimary',
          'DUPLICATE',
          `工号“${employeeNo}”已在第 ${firstPrimary} 行设了主岗，每人至多一个主岗`,
        );
      } else primaryRowOf.set(employeeNo, row);
    }
    const before = existingHoldings.get(key);
    fileHoldings.set(key, {
      row,
      record: {
        employeeNo,
        postCode,
        isPrimary,
        startedOn: startedOn ?? (before && before.endedOn === null ? before.startedOn : options.today),
        endedOn: null,
      },
    });
  }
  for (const [key, { row, record }] of fileHoldings) {
    if (holdingCheck.badRows.has(row)) continue;
    plan(result.holdings, row, existingHoldings.get(key), record, sameHolding, stripHolding);
  }
  // A new primary post clears the person's other primary (as the administration does).
  for (const h of existing.holdings) {
    const key = `${h.employeeNo}\u0000${h.postCode}`;
    if (!h.isPrimary || h.endedOn !== null || fileHoldings.has(key) || !primaryRowOf.has(h.employeeNo))
      continue;
    const before = stripHolding(h);
    result.holdings.update.push({ row: null, id: h.id, before, after: { ...before, isPrimary: false } });
  }

  const rowCount = units.rows.length + people.rows.length + posts.rows.length + holdings.rows.length;
  return {
    issues: sortIssues(
      issues,
      ROSTER_SHEETS.map((s) => s.name),
    ),
    rowCount,
    plan: result,
  };
}

const VIOLATION_CODE: Partial<Record<ChainViolation['kind'], ImportIssueCode>> = {
  CYCLE: 'CYCLE',
  SUPERIOR_ARCHIVED: 'ARCHIVED',
};

/**
 * Both reporting lines of every post in the file, on the organisation as it will be: the file's
 * posts over the existing ones. Existing posts the file does not list are checked too when they
 * report to a post the file changes (a tier raised above a subordinate, a line left); the problem
 * is then reported on the row that causes it.
 */
function checkReporting(
  check: RowChecker<(typeof POSTS_SHEET.columns)[number]['key']>,
  filePosts: ReadonlyMap<string, { row: number; record: PostRecord }>,
  existingPosts: ReadonlyMap<string, ExistingPost>,
  unreadable: ReadonlySet<string>,
) {
  const idOf = (code: string) => `post:${code}`;
  const toChainPost = (p: PostRecord, isArchived: boolean): ChainPost => ({
    id: idOf(p.code),
    organisationId: 'this',
    tier: p.tier,
    name: p.title,
    lines: p.lines,
    reportsTo: {
      ADMINISTRATIVE: p.adminSuperiorCode === null ? null : idOf(p.adminSuperiorCode),
      PARTY: p.partySuperiorCode === null ? null : idOf(p.partySuperiorCode),
    },
    archived: isArchived,
  });
  const byId = new Map<string, ChainPost>();
  for (const p of existingPosts.values()) byId.set(idOf(p.code), toChainPost(p, p.isArchived));
  for (const { record } of filePosts.values()) byId.set(idOf(record.code), toChainPost(record, false));

  const columnOf = (line: Line): 'adminSuperiorCode' | 'partySuperiorCode' =>
    line === 'ADMINISTRATIVE' ? 'adminSuperiorCode' : 'partySuperiorCode';
  for (const { row, record } of filePosts.values()) {
    let isJudgeable = true;
    for (const line of ['ADMINISTRATIVE', 'PARTY'] as const) {
      const code = line === 'ADMINISTRATIVE' ? record.adminSuperiorCode : record.partySuperiorCode;
      if (code === null || byId.has(idOf(code))) continue;
      isJudgeable = false;
      if (!unreadable.has(code)) {
        check.add(
          row,
          columnOf(line),
          'UNKNOWN_REFERENCE',
          `上级岗位编码“${code}”不存在：请先在“岗位”表或系统中添加`,
        );
      }
    }
    if (!isJudgeable) continue;
    const post = byId.get(idOf(record.code))!;
    for (const v of checkPostReporting(post, byId)) {
      check.add(row, columnOf(v.line), VIOLATION_CODE[v.kind] ?? 'REPORTING', v.message);
    }
  }

  // Existing subordinates of the file's posts, not themselves in the file.
  const changed = new Set([...filePosts.keys()].filter((code) => existingPosts.has(code)));
  if (changed.size === 0) return;
  for (const sub of existingPosts.values()) {
    if (sub.isArchived || filePosts.has(sub.code)) continue;
    const superiors = [sub.adminSuperiorCode, sub.partySuperiorCode].filter(
      (c): c is string => c !== null && changed.has(c),
    );
    if (superiors.length === 0) continue;
    for (const v of checkPostReporting(byId.get(idOf(sub.code))!, byId)) {
      const superiorCode = v.line === 'ADMINISTRATIVE' ? sub.adminSuperiorCode : sub.partySuperiorCode;
      const cause = superiorCode === null ? undefined : filePosts.get(superiorCode);
      if (!cause) continue;
      check.add(
        cause.row,
        cause.record.tier === existingPosts.get(superiorCode!)?.tier ? 'lines' : 'tier',
        VIOLATION_CODE[v.kind] ?? 'REPORTING',
        `系统中的下级岗位“${sub.title}（${sub.code}）”将不符合汇报规则：${v.message}`,
      );
    }
  }
}
