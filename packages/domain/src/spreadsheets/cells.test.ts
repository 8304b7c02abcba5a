import { describe, expect, it } from 'vitest';
import {
  readCategory,
  readDate,
  readInteger,
  readLines,
  readMeasureKind,
  readNumber,
  readText,
  readTier,
  readUnitKind,
  readYesNo,
} from './cells';
import { columnLetter, issueAt, sortIssues, type ImportIssue } from './issues';
import { POSTS_SHEET, readSheet, UNITS_SHEET } from './sheets';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('reading cells', () => {
  it('reads 责任层级 as 1–4, also 一级…四级 and 3级, and names a tier out of range', () => {
    expect([1, '2', '一级', '四级', '3级', ' 4 '].map((v) => value(readTier(v)))).toEqual([1, 2, 1, 4, 3, 4]);
    expect(code(readTier(5))).toBe('TIER_OUT_OF_RANGE');
    expect(code(readTier(0))).toBe('TIER_OUT_OF_RANGE');
    expect(code(readTier(2.5))).toBe('TIER_OUT_OF_RANGE');
    expect(code(readTier('五级'))).toBe('TIER_OUT_OF_RANGE');
    const five = readTier(5);
    expect(five.ok ? '' : five.message).toBe('责任层级 5 超出范围，应为 1–4（一级至四级）');
  });

  it('reads the lines as the drop-down writes them and as people type them, in a fixed order', () => {
    expect(value(readLines('行政线'))).toEqual(['ADMINISTRATIVE']);
    expect(value(readLines('党群线、行政线'))).toEqual(['ADMINISTRATIVE', 'PARTY']);
    expect(value(readLines('行政线, 党群线'))).toEqual(['ADMINISTRATIVE', 'PARTY']);
    expect(value(readLines('行政线，党群线'))).toEqual(['ADMINISTRATIVE', 'PARTY']);
    expect(code(readLines('行政线、行政线'))).toBe('INVALID_VALUE');
    expect(code(readLines('业务线'))).toBe('INVALID_VALUE');
    expect(code(readLines(''))).toBe('REQUIRED');
  });

  it('reads the Chinese vocabulary (and the codes), refusing anything else with the allowed list', () => {
    expect(value(readCategory('思想政治工作'))).toBe('IDEOLOGICAL');
    expect(value(readCategory('business'))).toBe('BUSINESS');
    expect(value(readMeasureKind('节点完成'))).toBe('MILESTONE');
    expect(value(readUnitKind('妇委会'))).toBe('WOMENS_FEDERATION');
    const wrong = readCategory('财务工作');
    expect(wrong.ok ? '' : wrong.message).toBe(
      '目标类别“财务工作”无效，应为：思想政治工作、业务工作、机关管理',
    );
  });

  it('reads dates: real Excel dates, YYYY-MM-DD and its common variants, serials; refuses the rest', () => {
    expect(value(readDate(new Date('2026-12-31T00:00:00Z'), 'd'))).toBe('2026-12-31');
    // exceljs's float error around midnight rounds to the nearest day.
    expect(value(readDate(new Date('2026-12-30T23:59:59.990Z'), 'd'))).toBe('2026-12-31');
    expect(value(readDate('2026-6-1', 'd'))).toBe('2026-06-01');
    expect(value(readDate('2026/06/01', 'd'))).toBe('2026-06-01');
    expect(value(readDate('2026.6.1', 'd'))).toBe('2026-06-01');
    expect(value(readDate('2026年6月1日', 'd'))).toBe('2026-06-01');
    expect(value(readDate(46022, 'd'))).toBe('2025-12-31');
    expect(code(readDate('2026-02-30', 'd'))).toBe('BAD_DATE');
    expect(code(readDate('明年', 'd'))).toBe('BAD_DATE');
    expect(code(readDate(2026, 'd'))).toBe('BAD_DATE');
    expect(code(readDate('1999-12-31', 'd'))).toBe('BAD_DATE');
    expect(value(readDate('1995-08-01', 'd', { min: 1950, max: 2100 }))).toBe('1995-08-01');
    const bad = readDate('2026-13-01', '完成时限');
    expect(bad.ok ? '' : bad.message).toContain('完成时限“2026-13-01”');
  });

  it('reads numbers, integers and 是/否', () => {
    expect(value(readNumber(' 33.5 ', 'w'))).toBe(33.5);
    expect(code(readNumber('三十', 'w'))).toBe('BAD_NUMBER');
    expect(code(readNumber('Infinity', 'w'))).toBe('BAD_NUMBER');
    expect(code(readNumber(101, '权重', { min: 0, max: 100 }))).toBe('BAD_NUMBER');
    expect(code(readInteger(1.5, '排序', { min: 0, max: 9 }))).toBe('BAD_NUMBER');
    expect([true, '是', 'TRUE', '', null, '否', false].map((v) => value(readYesNo(v, 'x')))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(code(readYesNo('也许', 'x'))).toBe('INVALID_VALUE');
    expect(readText(12)).toBe('12');
    expect(readText(new Date('2026-01-02T00:00:00Z'))).toBe('2026-01-02');
  });
});

describe('issues and sheets', () => {
  it('names columns as Excel does and sorts errors first, then by sheet, row and cell', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    const at = (
      sheet: string,
      row: number,
      index: number,
      severity: 'error' | 'warning' = 'error',
    ): ImportIssue => issueAt({ sheet, row, column: { header: 'h', index } }, 'REQUIRED', 'm', severity);
    const sorted = sortIssues(
      [at('b', 1, 1, 'warning'), at('b', 2, 1), at('a', 3, 27), at('a', 3, 2)],
      ['a', 'b'],
    );
    expect(sorted.map((i) => `${i.sheet}${i.cell}${i.severity[0]}`)).toEqual([
      'aB3e',
      'aAA3e',
      'bA2e',
      'bA1w',
    ]);
  });

  it('finds columns by header in any order (required marks allowed), skips empty rows, names missing ones', () => {
    const issues: ImportIssue[] = [];
    const sheet = readSheet(
      UNITS_SHEET,
      {
        header: ['排序', '部门名称*', '（备注）', '部门类型（必填）', ' 上级部门 '],
        rows: [
          { row: 2, cells: [1, '医政科', 'x', '科室', null] },
          { row: 3, cells: [null, '  ', 'only a note', null, ''] },
        ],
      },
      issues,
    );
    expect(issues).toEqual([]);
    expect(sheet.rows).toEqual([
      { row: 2, values: { name: '医政科', kind: '科室', parentName: null, sortOrder: 1 } },
    ]);

    const missing: ImportIssue[] = [];
    readSheet(POSTS_SHEET, { header: ['岗位编码', '岗位名称'], rows: [] }, missing);
    expect(missing.map((i) => i.message)).toContain('工作表“岗位”缺少列“责任层级”，请使用导入模板的表头');
    const none: ImportIssue[] = [];
    readSheet(POSTS_SHEET, undefined, none);
    expect(none).toEqual([
      expect.objectContaining({ code: 'MISSING_SHEET', sheet: '岗位', row: null, cell: null }),
    ]);
  });
});
