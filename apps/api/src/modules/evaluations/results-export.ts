// The .xlsx export of a cycle's results, streamed to the response row by row (exceljs).
import type { ResultRow } from '@zeren/contracts';
import { GRADE_LABELS, TIER_LABELS, type Tier } from '@zeren/domain';
import type { Response } from 'express';
import { streamWorkbook } from '../../lib/exceljs';

/** Column headers, in order; tests and the office's own sheets match on them. */
export const RESULT_EXPORT_HEADERS = [
  '排名',
  '工号',
  '姓名',
  '部门',
  '岗位',
  '责任层级',
  '思想政治工作',
  '业务工作',
  '机关管理',
  '加分',
  '扣分',
  '总分',
  '等次',
  '超出优秀比例说明',
  '一票否决理由',
  '奖金系数',
  '奖惩',
  '已更正',
] as const;

export async function writeResultsWorkbook(
  res: Response,
  input: { title: string; filename: string; rows: ResultRow[] },
): Promise<void> {
  const workbook = await streamWorkbook(res, 'results.xlsx', input.filename);
  const sheet = workbook.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RESULT_EXPORT_HEADERS.map((header) => ({
    header,
    width: header.includes('说明') || header.includes('理由') ? 40 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of input.rows) {
    sheet
      .addRow([
        r.rank,
        r.evaluee.employeeNo,
        r.evaluee.name,
        r.evaluee.unit?.name ?? '',
        r.evaluee.post?.title ?? '',
        r.evaluee.tier ? TIER_LABELS[r.evaluee.tier as Tier] : '',
        r.scores.IDEOLOGICAL,
        r.scores.BUSINESS,
        r.scores.MANAGEMENT,
        r.bonusTotal,
        r.deductionTotal,
        r.total,
        GRADE_LABELS[r.grade],
        r.quotaCutReason ?? '',
        r.vetoReason ?? '',
        r.bonusCoefficient ?? '',
        r.consequence ?? '',
        r.isAmended ? '是' : '否',
      ])
      .commit();
  }
  sheet.commit();
  const info = workbook.addWorksheet('说明');
  info.addRow([input.title]).commit();
  info.addRow([`导出时间：${new Date().toISOString()}`]).commit();
  info.commit();
  await workbook.commit();
}
