// The coverage report as a workbook: one sheet per table of the dashboard, and the full list of assessments.
import type { Writable } from 'node:stream';
import ExcelJS from '../../platform/excel.js';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, type AssessmentListPage, type Dashboard, type StatusCounts } from '../../../../contracts/assessment.js';

const STATUS_HEADERS = ASSESSMENT_STATUSES.map((s) => ASSESSMENT_STATUS_LABELS[s]);
const counts = (c: StatusCounts) => [...ASSESSMENT_STATUSES.map((s) => c[s]), c.total, c.total ? `${Math.round((c.accepted / c.total) * 1000) / 10}%` : '—'];
const PAGE = 2000;

export async function writeCoverageXlsx(out: Writable, d: Dashboard, listPage: (page: number, pageSize: number) => Promise<AssessmentListPage>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = (name: string, headers: string[], widths: number[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  sheet('概况', ['项目', '数值'], [24, 40], [
    ['专项工作', d.campaign.title], ['标准', `${d.campaign.standard.title}（${d.campaign.standard.version}）`],
    ['统计范围', d.org.name], ['统计日期', d.today], ['截止日期', d.campaign.deadline],
    ['距截止日期（天）', d.daysLeft], ...ASSESSMENT_STATUSES.map((s) => [ASSESSMENT_STATUS_LABELS[s], d.totals[s]] as [string, number]),
    ['应覆盖组织数', d.totals.total], ['覆盖率（已验收）', d.totals.total ? `${Math.round((d.totals.accepted / d.totals.total) * 1000) / 10}%` : '—'],
    ['逾期组织数', d.overdue.count], ['整改逾期组织数', d.overdue.rectificationOverdue],
  ]);
  sheet('按阵地类别', ['阵地类别', ...STATUS_HEADERS, '合计', '覆盖率'], [16], d.byTier.map((t) => [t.tierName, ...counts(t.counts)]));
  sheet('按下级组织', ['组织', ...STATUS_HEADERS, '合计', '覆盖率'], [36], d.byChild.map((c) => [c.org.name, ...counts(c.counts)]));
  sheet('未达标最多的要求', ['编号', '要求', '未达标或退回的组织数'], [14, 36, 22], d.mostFailed.map((f) => [f.code, f.title, f.failed]));
  sheet('进度', ['日期', '已验收', '待审核', '应覆盖'], [14, 10, 10, 10], d.burnUp.map((b) => [b.day, b.accepted, b.submitted, b.total]));
  const ws = wb.addWorksheet('组织清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ['组织', '上级组织', '阵地类别', '状态', '未达标项数', '整改期限', '提交时间', '验收时间', '逾期'].map((header, i) => ({ header, width: [36, 30, 10, 10, 10, 12, 20, 20, 8][i] }));
  ws.getRow(1).font = { bold: true };
  const time = (s: string | null) => (s ? new Date(Date.parse(s) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
  for (let page = 1; ; page++) {
    const p = await listPage(page, PAGE);
    for (const r of p.items) {
      ws.addRow([r.org.name, r.parent?.name ?? '', r.tier ? `${r.tier} 类` : '未定', ASSESSMENT_STATUS_LABELS[r.status], r.failedCount,
        r.rectificationDeadline ?? '', time(r.submittedAt), time(r.acceptedAt), r.overdue ? '是' : '']).commit();
    }
    await new Promise((resolve) => setImmediate(resolve)); // let the zip stream drain between pages
    if (page * PAGE >= p.total) break;
  }
  ws.commit();
  await wb.commit();
}
