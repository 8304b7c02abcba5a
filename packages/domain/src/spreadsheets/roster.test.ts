import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells';
import {
  validateRoster,
  type ExistingRoster,
  type ExistingHolding,
  type ExistingPost,
  type RosterWorkbook,
} from './roster';
import {
  HOLDINGS_SHEET,
  PEOPLE_SHEET,
  POSTS_SHEET,
  UNITS_SHEET,
  type RawSheet,
  type SheetSpec,
} from './sheets';

const TODAY = '2026-11-27';

/** A sheet of the template's own headers and the given rows (row numbers from 2). */
function sheet(spec: SheetSpec, rows: CellValue[][]): RawSheet {
  return { header: spec.columns.map((c) => c.header), rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}
const units = (...rows: CellValue[][]) => sheet(UNITS_SHEET, rows);
const people = (...rows: CellValue[][]) => sheet(PEOPLE_SHEET, rows);
/** 岗位编码, 岗位名称, 所属部门, 责任层级, 所属主线, 行政线上级, 党群线上级, 排序 */
const posts = (...rows: CellValue[][]) => sheet(POSTS_SHEET, rows);
/** 工号, 姓名, 岗位编码, 岗位名称, 是否主岗, 任职日期 */
const holdings = (...rows: CellValue[][]) => sheet(HOLDINGS_SHEET, rows);

const EMPTY: ExistingRoster = { units: [], people: [], posts: [], holdings: [] };
const workbook = (parts: RosterWorkbook): RosterWorkbook => ({
  units: units(),
  people: people(),
  posts: posts(),
  holdings: holdings(),
  ...parts,
});
const run = (parts: RosterWorkbook, existing: ExistingRoster = EMPTY) =>
  validateRoster(workbook(parts), existing, { today: TODAY });
const codes = (r: ReturnType<typeof run>) => r.issues.map((i) => `${i.sheet}:${i.cell}:${i.code}`);

const post = (
  code: string,
  tier: 1 | 2 | 3 | 4,
  admin: string | null,
  party: string | null,
  lines = ['ADMINISTRATIVE', 'PARTY'] as ExistingPost['lines'],
): ExistingPost => ({
  id: `id-${code}`,
  code,
  title: code,
  unitName: '局领导',
  tier,
  lines,
  adminSuperiorCode: admin,
  partySuperiorCode: party,
  sortOrder: 0,
  isArchived: false,
});
/** An organisation: 局领导 with LD-1 (tier 1) → LD-2 (tier 2) → KZ (tier 3, admin line), P001 on LD-1. */
const ORG: ExistingRoster = {
  units: [
    { id: 'u1', name: '局领导', kind: 'LEADERSHIP', parentName: null, sortOrder: 0, isArchived: false },
  ],
  people: [
    { id: 'p1', employeeNo: 'P001', name: '张三', gender: '男', isPartyMember: true, isArchived: false },
  ],
  posts: [
    post('LD-1', 1, null, null),
    post('LD-2', 2, 'LD-1', 'LD-1'),
    post('KZ', 3, 'LD-2', null, ['ADMINISTRATIVE']),
  ],
  holdings: [
    {
      id: 'h1',
      employeeNo: 'P001',
      postCode: 'LD-1',
      isPrimary: true,
      startedOn: '2020-01-01',
      endedOn: null,
    },
  ],
};

describe('validateRoster: plans', () => {
  it('creates a whole organisation from an empty one, in any row order', () => {
    const r = run({
      units: units(
        ['党小组', '党小组', '机关党支部', 2],
        ['机关党支部', '党支部', null, 1],
        ['局领导', '局领导', null, 0],
      ),
      people: people(['P001', '张三', '男', '是'], ['P002', '李四', null, null]),
      posts: posts(
        ['KZ', '科长', '局领导', 3, '行政线', 'LD-2', null, 3],
        ['LD-2', '副局长', '局领导', '二级', '行政线、党群线', 'LD-1', 'LD-1', 2],
        ['LD-1', '局长', '局领导', 1, '行政线、党群线', null, null, 1],
      ),
      holdings: holdings(
        ['P001', null, 'LD-1', null, '是', '2020-01-01'],
        ['P002', null, 'KZ', null, null, null],
      ),
    });
    expect(r.issues).toEqual([]);
    expect(r.rowCount).toBe(10);
    expect(r.plan.units.create.map((c) => c.record.name)).toEqual(['党小组', '机关党支部', '局领导']);
    expect(r.plan.posts.create.find((c) => c.record.code === 'LD-2')?.record).toEqual({
      code: 'LD-2',
      title: '副局长',
      unitName: '局领导',
      tier: 2,
      lines: ['ADMINISTRATIVE', 'PARTY'],
      adminSuperiorCode: 'LD-1',
      partySuperiorCode: 'LD-1',
      sortOrder: 2,
    });
    expect(r.plan.people.create[1]?.record).toEqual({
      employeeNo: 'P002',
      name: '李四',
      gender: null,
      isPartyMember: false,
    });
    // A holding without a date starts today.
    expect(r.plan.holdings.create.map((c) => c.record.startedOn)).toEqual(['2020-01-01', TODAY]);
  });

  it('leaves what is the same unchanged and updates what differs, matched by name, 工号, code', () => {
    const r = run(
      {
        units: units(['局领导', '局领导', null, 0]),
        people: people(['P001', '张三丰', '男', '是']),
        posts: posts(['LD-1', 'LD-1', '局领导', 1, '行政线、党群线', null, null, 0]),
        holdings: holdings(['P001', null, 'LD-1', null, '是', null]),
      },
      ORG,
    );
    expect(r.issues).toEqual([]);
    expect(
      [r.plan.units, r.plan.posts, r.plan.holdings].map((c) => [
        c.create.length,
        c.update.length,
        c.unchanged,
      ]),
    ).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(r.plan.people.update).toEqual([
      {
        row: 2,
        id: 'p1',
        before: { employeeNo: 'P001', name: '张三', gender: '男', isPartyMember: true },
        after: { employeeNo: 'P001', name: '张三丰', gender: '男', isPartyMember: true },
      },
    ]);
  });

  it('reopens an ended holding, and a new primary post clears the other primary', () => {
    const ended: ExistingHolding = {
      id: 'h2',
      employeeNo: 'P001',
      postCode: 'KZ',
      isPrimary: false,
      startedOn: '2019-01-01',
      endedOn: '2020-01-01',
    };
    const r = run(
      { holdings: holdings(['P001', null, 'KZ', null, '是', null]) },
      { ...ORG, holdings: [...ORG.holdings, ended] },
    );
    expect(r.issues).toEqual([]);
    expect(r.plan.holdings.update).toEqual([
      {
        row: 2,
        id: 'h2',
        before: {
          employeeNo: 'P001',
          postCode: 'KZ',
          isPrimary: false,
          startedOn: '2019-01-01',
          endedOn: '2020-01-01',
        },
        after: { employeeNo: 'P001', postCode: 'KZ', isPrimary: true, startedOn: TODAY, endedOn: null },
      },
      {
        row: null,
        id: 'h1',
        before: {
          employeeNo: 'P001',
          postCode: 'LD-1',
          isPrimary: true,
          startedOn: '2020-01-01',
          endedOn: null,
        },
        after: {
          employeeNo: 'P001',
          postCode: 'LD-1',
          isPrimary: false,
          startedOn: '2020-01-01',
          endedOn: null,
        },
      },
    ]);
  });
});

describe('validateRoster: every problem, located', () => {
  it('refuses unknown and archived units, a looping unit tree and duplicates', () => {
    const archived: ExistingRoster = {
      ...EMPTY,
      units: [
        { id: 'u9', name: '旧科室', kind: 'SECTION', parentName: null, sortOrder: 0, isArchived: true },
      ],
    };
    const r = run(
      {
        units: units(
          ['甲', '科室', '乙', 0],
          ['乙', '科室', '甲', 0],
          ['丙', '科室', '不存在', 0],
          ['丁', '科室', '旧科室', 0],
          ['甲', '科室', null, 0],
          ['戊', '科', null, 0],
          ['旧科室', '科室', null, 0],
        ),
      },
      archived,
    );
    expect(codes(r)).toEqual([
      '部门:C2:CYCLE',
      '部门:C3:CYCLE',
      '部门:C4:UNKNOWN_REFERENCE',
      '部门:C5:ARCHIVED',
      '部门:A6:DUPLICATE',
      '部门:B7:INVALID_VALUE',
      '部门:A8:ARCHIVED',
    ]);
    expect(r.issues[4]?.message).toBe('部门“甲”与第 2 行重复');
  });

  it('refuses bad people rows: required, too long, duplicate 工号 (also after an unreadable row), gender', () => {
    const r = run({
      people: people(
        ['P1', '', null, null],
        ['P2', '名'.repeat(51), null, null],
        ['P3', '王', '未知', '也许'],
        ['P3', '王', null, null],
      ),
    });
    expect(codes(r)).toEqual([
      '人员:B2:REQUIRED',
      '人员:B3:INVALID_VALUE',
      '人员:C4:INVALID_VALUE',
      '人员:D4:INVALID_VALUE',
      '人员:A5:DUPLICATE',
    ]);
  });

  it('checks both reporting lines with the chain rules: tiers, superiors, lines, cycles', () => {
    const r = run(
      {
        posts: posts(
          ['T1', '一级有上级', '局领导', 1, '行政线', 'LD-1', null, 0],
          ['T2', '二级无上级', '局领导', 2, '行政线', null, null, 0],
          ['T3', '上级层级低', '局领导', 2, '行政线', 'KZ', null, 0],
          ['T4', '党群上级缺', '局领导', 3, '行政线、党群线', 'LD-2', null, 0],
          ['T5', '不在党群线', '局领导', 3, '行政线', 'LD-2', 'LD-2', 0],
          ['T6', '上级不存在', '局领导', 4, '行政线', 'NOPE', null, 0],
          ['T7', '层级越界', '局领导', 7, '行政线', 'KZ', null, 0],
          ['T8', '引用越界岗位', '局领导', 4, '行政线', 'T7', null, 0],
          ['T9 X', '编码非法', '无此部门', 4, '行政线', 'KZ', null, 0],
        ),
      },
      ORG,
    );
    expect(codes(r)).toEqual([
      '岗位:F2:REPORTING',
      '岗位:F3:REPORTING',
      '岗位:F4:REPORTING',
      '岗位:G5:REPORTING',
      '岗位:G6:REPORTING',
      '岗位:F7:UNKNOWN_REFERENCE',
      '岗位:D8:TIER_OUT_OF_RANGE',
      '岗位:A10:INVALID_VALUE',
      '岗位:C10:UNKNOWN_REFERENCE',
    ]);
    expect(r.issues[2]?.message).toBe('上级岗位的层级必须高于本岗位：本岗位为二级，所选上级为三级');
  });

  it('finds a reporting cycle among the file’s posts', () => {
    const r = run(
      {
        posts: posts(
          ['A', 'a', '局领导', 3, '行政线', 'B', null, 0],
          ['B', 'b', '局领导', 3, '行政线', 'A', null, 0],
        ),
      },
      ORG,
    );
    expect(codes(r)).toContain('岗位:F2:CYCLE');
    expect(codes(r)).toContain('岗位:F3:CYCLE');
  });

  it('a party-only post reports administratively to any post of a smaller tier (its 隶属)', () => {
    const r = run({ posts: posts(['DY', '党员', '局领导', 4, '党群线', 'KZ', 'LD-2', 0]) }, ORG);
    expect(r.issues).toEqual([]);
  });

  it('names the row that breaks an existing subordinate: a tier lowered, a line left', () => {
    const lowered = run(
      { posts: posts(['LD-2', 'LD-2', '局领导', 3, '行政线、党群线', 'LD-1', 'LD-1', 0]) },
      ORG,
    );
    expect(codes(lowered)).toEqual(['岗位:D2:REPORTING']);
    expect(lowered.issues[0]?.message).toContain('系统中的下级岗位“KZ（KZ）”将不符合汇报规则');
    const withParty: ExistingRoster = {
      ...ORG,
      posts: [...ORG.posts, post('DY', 4, 'KZ', 'LD-2', ['PARTY'])],
    };
    const left = run({ posts: posts(['LD-2', 'LD-2', '局领导', 2, '行政线', 'LD-1', null, 0]) }, withParty);
    expect(codes(left)).toEqual(['岗位:E2:REPORTING']);
  });

  it('refuses holdings of unknown people and posts, two primaries, duplicates and bad dates', () => {
    const r = run(
      {
        holdings: holdings(
          ['P404', null, 'LD-1', null, null, null],
          ['P001', null, 'NOPE', null, null, null],
          ['P001', null, 'LD-2', null, '是', '2026-02-30'],
          ['P001', null, 'KZ', null, '是', null],
          ['P001', null, 'LD-1', null, '是', null],
          ['P001', null, 'LD-1', null, '否', null],
        ),
      },
      ORG,
    );
    expect(codes(r)).toEqual([
      '任职:A2:UNKNOWN_REFERENCE',
      '任职:C3:UNKNOWN_REFERENCE',
      '任职:F4:BAD_DATE',
      '任职:E6:DUPLICATE',
      '任职:C7:DUPLICATE',
    ]);
  });
});
