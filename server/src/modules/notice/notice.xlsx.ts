// The per-org statistics of one notice as a workbook (streamed, paged through the same summary query).
import type { Writable } from 'node:stream';
import ExcelJS from '../../platform/excel.js';
import { NOTICE_AUDIENCE_LABELS, NOTICE_KIND_LABELS, type NoticeStats } from '../../../../contracts/notice.js';

const PAGE = 500;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const time = (s: string) => new Date(Date.parse(s) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function writeNoticeStatsXlsx(out: Writable, first: NoticeStats, page: (page: number, pageSize: number) => Promise<NoticeStats>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const n = first.notice;
  const sum = wb.addWorksheet('概况');
  sum.columns = [{ header: '项目', width: 20 }, { header: '内容', width: 50 }];
  sum.getRow(1).font = { bold: true };
  for (const r of [
    ['标题', n.title], ['类别', NOTICE_KIND_LABELS[n.kind]], ['发送对象', NOTICE_AUDIENCE_LABELS[n.audience]], ['发送组织', n.senderOrg.name],
    ['发送时间', time(n.sentAt)], ['覆盖组织数', first.totals.orgs], ['送达人数（有账号的党员）', first.totals.reached], ['已读人数', first.totals.read],
    ['阅读率', pct(first.totals.rate)], ['提醒次数', n.remindCount],
  ]) sum.addRow(r).commit();
  sum.commit();
  const ws = wb.addWorksheet('按组织', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: '组织', width: 40 }, { header: '送达人数', width: 12 }, { header: '已读人数', width: 12 }, { header: '阅读率', width: 10 }];
  ws.getRow(1).font = { bold: true };
  for (let p = 1; ; p++) {
    const s = await page(p, PAGE);
    for (const r of s.items) ws.addRow([r.name, r.reached, r.read, pct(r.rate)]).commit();
    await new Promise((resolve) => setImmediate(resolve));
    if (s.items.length < PAGE) break;
  }
  ws.commit();
  await wb.commit();
}
