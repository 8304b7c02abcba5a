import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells';
import { TARGETS_SHEET, type ColumnSpec, type RawSheet } from './sheets';
import {
  codesOfTargetBook,
  validateTargetBook,
  yearsOfTargetBook,
  type ExistingTarget,
  type ExistingTargetBook,
  type TargetOwnerPost,
} from './target-book';

const IMPORTED = (TARGETS_SHEET.columns as readonly ColumnSpec[]).filter((c) => !c.isExportOnly);
/** 目标编号, 上级, 年度, 类别, 主线, 名称, 说明, 岗位编码, 岗位, 权重, 计量方式, 单位, 基准, 目标值, 时限 */
type Row = CellValue[];
const book = (rows: Row[]): RawSheet => ({
  header: IMPORTED.map((c) => c.header),
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const row = (
  code: string,
  parent: string | null,
  title: string,
  owner: string | null,
  weight: number,
  over: Partial<Record<number, CellValue>> = {},
): Row => {
  const cells: Row = [
    code,
    parent,
    2026,
    '业务工作',
    '行政线',
    title,
    null,
    owner,
    null,
    weight,
    '百分比',
    null,
    null,
    100,
    '2026-12-31',
  ];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v ?? null;
  return cells;
};

const post = (
  code: string,
  tier: 1 | 2 | 3 | 4,
  admin: string | null,
  party: string | null = null,
  lines: TargetOwnerPost['lines'] = ['ADMINISTRATIVE'],
): TargetOwnerPost => ({
  code,
  title: code,
  tier,
  lines,
  adminSuperiorCode: admin,
  partySuperiorCode: party,
  isArchived: false,
});
const POSTS = [
  post('LD-1', 1, null, null, ['ADMINISTRATIVE', 'PARTY']),
  post('LD-2', 2, 'LD-1', 'LD-1', ['ADMINISTRATIVE', 'PARTY']),
  post('KZ', 3, 'LD-2'),
  post('KY', 4, 'KZ'),
  { ...post('OLD', 3, 'LD-2'), isArchived: true },
];
const existingTarget = (
  id: string,
  parentId: string | null,
  title: string,
  owner: string | null,
  weight: number,
  extra: Partial<ExistingTarget> = {},
): ExistingTarget => ({
  id,
  parentId,
  ownerPostCode: owner,
  year: 2026,
  category: 'BUSINESS',
  line: 'ADMINISTRATIVE',
  title,
  description: null,
  weight,
  measureKind: 'PERCENTAGE',
  measureUnit: null,
  baseline: 0,
  goal: 100,
  dueDate: '2026-12-31',
  isArchived: false,
  ...extra,
});
const R = 'aaaaaaaa-0000-4000-8000-000000000001';
const D = 'aaaaaaaa-0000-4000-8000-000000000002';
const ORG: ExistingTargetBook = {
  posts: POSTS,
  targets: [existingTarget(R, null, '总目标', 'LD-1', 100), existingTarget(D, R, '分管目标', 'LD-2', 60)],
};
const EMPTY: ExistingTargetBook = { posts: POSTS, targets: [] };
const codes = (r: ReturnType<typeof validateTargetBook>) =>
  r.issues.map((i) => `${i.cell}:${i.code}:${i.severity}`);

describe('validateTargetBook: plans', () => {
  it('creates a tree, parents before children whatever the row order, and says which years it names', () => {
    const raw = book([
      row('C', 'B', '科长目标', 'KZ', 100),
      row('B', 'A', '分管目标', 'LD-2', 100),
      row('A', null, '总目标', 'LD-1', 100, { 6: '说明', 11: '次', 12: 1, 10: '数值' }),
    ]);
    const r = validateTargetBook(raw, EMPTY);
    expect(r.issues).toEqual([]);
    expect(r.plan.create.map((c) => [c.key, c.parent])).toEqual([
      ['A', null],
      ['B', { newKey: 'A' }],
      ['C', { newKey: 'B' }],
    ]);
    expect(r.plan.create[0]?.record).toMatchObject({
      description: '说明',
      measureKind: 'NUMBER',
      measureUnit: '次',
      baseline: 1,
    });
    expect(yearsOfTargetBook(raw)).toEqual([2026]);
    expect(codesOfTargetBook(raw)).toEqual(['C', 'B', 'A']);
  });

  it('matches by id (renames allowed) and by natural key; unchanged rows are counted, not written', () => {
    const r = validateTargetBook(
      book([
        row(R, null, '总目标（改名）', 'LD-1', 100),
        row('x', R, '分管目标', 'LD-2', 60),
        row('y', R, '新分解', 'LD-2', 40),
      ]),
      ORG,
    );
    expect(r.issues).toEqual([]);
    expect(r.plan.unchanged).toBe(1);
    expect(r.plan.update.map((u) => [u.id, u.after.title])).toEqual([[R, '总目标（改名）']]);
    expect(r.plan.create.map((c) => [c.key, c.parent])).toEqual([['y', { existingId: R }]]);
  });

  it('a child may lie on another line than its parent when its owner reports there (the gap rule)', () => {
    const r = validateTargetBook(
      book([
        row('a', null, '党建总目标', 'LD-1', 100, { 4: '党群线', 3: '思想政治工作' }),
        row('b', 'a', '分管', 'LD-2', 100, { 3: '思想政治工作' }),
      ]),
      EMPTY,
    );
    expect(r.issues).toEqual([]);
  });
});

describe('validateTargetBook: every problem, located', () => {
  it('weights over 100 are an error, under 100 a warning, counting existing children not listed', () => {
    const over = validateTargetBook(book([row('n', R, '新分解', 'LD-2', 50)]), ORG);
    expect(codes(over)).toEqual(['J2:WEIGHTS_NOT_100:error']);
    expect(over.issues[0]?.message).toBe(
      '同一上级目标的子目标权重之和为 110（含系统中未列出的 1 个子目标），不能超过 100',
    );
    const under = validateTargetBook(book([row('n', R, '新分解', 'LD-2', 30)]), ORG);
    expect(codes(under)).toEqual(['J2:WEIGHTS_NOT_100:warning']);
    expect(under.plan.create).toHaveLength(1);
    const exact = validateTargetBook(book([row('n', R, '新分解', 'LD-2', 40)]), ORG);
    expect(exact.issues).toEqual([]);
    const thirds = validateTargetBook(
      book([
        row('a', null, 'r', 'LD-1', 100),
        ...[33.33, 33.33, 33.34].map((w, i) => row(`c${i}`, 'a', `c${i}`, 'LD-2', w)),
      ]),
      EMPTY,
    );
    expect(thirds.issues).toEqual([]);
  });

  it('refuses unknown, archived and looping parents, and duplicates in the file', () => {
    const archived = existingTarget('aaaaaaaa-0000-4000-8000-00000000000a', null, '旧', 'LD-1', 100, {
      isArchived: true,
    });
    const r = validateTargetBook(
      book([
        row('a', 'nope', 't1', 'LD-2', 10),
        row('b', archived.id, 't2', 'LD-2', 10),
        row('c', 'd', 't3', 'LD-2', 10),
        row('d', 'c', 't4', 'LD-2', 10),
        row('e', 'e', 't5', 'LD-2', 10),
        row('f', null, '同名', 'LD-1', 100),
        row('g', null, '同名', 'LD-1', 100),
        row('f', null, '编号重复', 'LD-1', 100),
      ]),
      { posts: POSTS, targets: [archived] },
    );
    expect(codes(r)).toEqual([
      'B2:UNKNOWN_REFERENCE:error',
      'B3:ARCHIVED:error',
      'B4:CYCLE:error',
      'B5:CYCLE:error',
      'B6:CYCLE:error',
      'F8:DUPLICATE:error',
      'A9:DUPLICATE:error',
    ]);
    expect(r.issues[4]?.message).toBe('目标不能以自己为上级目标');
  });

  it('applies the decomposition rules: root owned by tier 1 in the line, child by a direct subordinate', () => {
    const r = validateTargetBook(
      book([
        row('a', null, '根无人', null, 100),
        row('b', null, '根非一级', 'LD-2', 100),
        row('c', R, '越级', 'KZ', 10),
        row('d', R, '不在党群线', 'KZ', 10, { 4: '党群线' }),
        row('e', R, '类别不同', 'LD-2', 10, { 3: '机关管理' }),
        row('f', R, '无人承担', null, 10),
        row('g', R, '岗位已撤销', 'OLD', 10),
        row('h', R, '岗位不存在', 'NOPE', 10),
      ]),
      ORG,
    );
    expect(codes(r)).toEqual([
      'H2:REQUIRED:error',
      'H3:DECOMPOSITION:error',
      'H4:DECOMPOSITION:error',
      'J4:WEIGHTS_NOT_100:error', // 60 + 6 × 10 under 总目标
      'H5:DECOMPOSITION:error',
      'D6:DECOMPOSITION:error',
      'H8:ARCHIVED:error',
      'H9:UNKNOWN_REFERENCE:error',
      'H7:REQUIRED:warning',
    ]);
  });

  it('refuses moving an existing target and re-owning a decomposed one; names ambiguous matches', () => {
    const twins = [existingTarget('t-1', R, '重名', 'LD-2', 0), existingTarget('t-2', R, '重名', 'LD-2', 0)];
    const r = validateTargetBook(
      book([
        row(D, null, '分管目标', 'LD-2', 60),
        row(R, null, '总目标', 'LD-2', 100, { 2: 2027 }),
        row('z', R, '重名', 'LD-2', 0),
      ]),
      { posts: POSTS, targets: [...ORG.targets, ...twins] },
    );
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        'B2:IMMUTABLE:error',
        'C3:IMMUTABLE:error',
        'H3:IMMUTABLE:error',
        'F4:AMBIGUOUS:error',
      ]),
    );
  });

  it('a file of 20,000 rows chained parent to child is checked without deep recursion', () => {
    const rows: Row[] = [row('r0', null, 'r', 'LD-1', 100)];
    for (let i = 1; i < 20_000; i++) rows.push(row(`r${i}`, `r${i - 1}`, `t${i}`, null, 100));
    const r = validateTargetBook(book(rows), EMPTY);
    expect(r.plan.create).toHaveLength(20_000);
    // Every child is ownerless: a warning each (a chain gap), nothing refused.
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'REQUIRED')).toHaveLength(19_999);
  });
});

describe('validateTargetBook: properties', () => {
  it('the plan does not depend on the order of the rows, and always lists parents before children', () => {
    const tree: Row[] = [row('a', null, 'r', 'LD-1', 100)];
    for (let i = 0; i < 4; i++) {
      tree.push(row(`b${i}`, 'a', `b${i}`, 'LD-2', 25));
      for (let j = 0; j < 2; j++) tree.push(row(`c${i}${j}`, `b${i}`, `c${i}${j}`, 'KZ', 50));
    }
    const reference = validateTargetBook(book(tree), EMPTY);
    expect(reference.issues).toEqual([]);
    fc.assert(
      fc.property(fc.shuffledSubarray(tree, { minLength: tree.length, maxLength: tree.length }), (rows) => {
        const r = validateTargetBook(book(rows), EMPTY);
        expect(r.issues).toEqual([]);
        const seen = new Set<string>();
        for (const c of r.plan.create) {
          if (c.parent && 'newKey' in c.parent) expect(seen.has(c.parent.newKey)).toBe(true);
          seen.add(c.key);
        }
        expect([...seen].sort()).toEqual(reference.plan.create.map((c) => c.key).sort());
      }),
      { seed: 20261127, numRuns: 100 },
    );
  });
});
