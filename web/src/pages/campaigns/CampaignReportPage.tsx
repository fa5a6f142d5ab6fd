// /campaigns/:id/report?orgId=: the coverage report as a printable A4 document (no admin frame; opened in a new tab).
import { useEffect, useMemo } from 'react';
import { Button, Result } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, CAMPAIGN_STATUS_LABELS } from '@contracts/assessment-labels';
import { dashboardQuery } from '../../api/campaigns';
import { isApiError } from '../../api/client';
import type { Dashboard, StatusCounts } from '../../api/types';
import { Chart } from '../../components/charts/Chart';
import { PageLoading } from '../../components/PageLoading';
import { burnUpOption, coverage, percent, STACK_ORDER } from './dashboardCharts';
import { cnDate } from './shared';
import './report.css';

export default function CampaignReportPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const valid = Number.isInteger(id) && id > 0;
  const dash = useQuery({ ...dashboardQuery(id, orgId), enabled: valid, staleTime: 0 });

  if (!valid) return <Result status="404" title="页面不存在" />;
  if (dash.isError) {
    const nf = isApiError(dash.error, 'NOT_FOUND');
    const denied = isApiError(dash.error) && dash.error.status === 403;
    return (
      <Result
        status={nf ? '404' : denied ? '403' : 'error'}
        title={nf ? '该专项工作不存在' : denied ? '无权查看该报告' : '报告加载失败'}
        extra={!nf && !denied && <Button onClick={() => void dash.refetch()}>重试</Button>}
      />
    );
  }
  if (!dash.data) return <PageLoading full tip="正在生成报告…" />;
  return <Report d={dash.data} />;
}

function Report({ d }: { d: Dashboard }) {
  const c = d.campaign;
  const t = d.totals;
  const title = `${d.org.name}阵地建设覆盖情况报告`;
  const burnUp = useMemo(() => burnUpOption(d, true), [d]);

  useEffect(() => {
    const before = document.title;
    document.title = `${title}（${d.today}）`;
    return () => {
      document.title = before;
    };
  }, [title, d.today]);

  return (
    <div className="zd-report">
      <div className="zd-report-bar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        <span className="hint">请选择 A4 纵向打印；也可在打印对话框中“另存为 PDF”。</span>
      </div>
      <article className="zd-report-paper" data-testid="campaign-report">
        <div className="zd-report-sheet">
          <h1>{title}</h1>
          <p className="meta">
            专项工作：{c.title}（{CAMPAIGN_STATUS_LABELS[c.status]}）<br />
            对照标准：{c.standard.title}（{c.standard.version}）　报告日期：{cnDate(d.today)}
          </p>

          <h2>一、总体情况</h2>
          <p className="summary" data-testid="report-summary">{summaryText(d)}</p>
          <table>
            <thead>
              <tr>
                <th className="l">状态</th>
                <th>党组织数（个）</th>
                <th>占比</th>
              </tr>
            </thead>
            <tbody>
              {STACK_ORDER.map((s) => (
                <tr key={s}>
                  <td className="l">{ASSESSMENT_STATUS_LABELS[s]}</td>
                  <td>{t[s]}</td>
                  <td>{percent(t[s], t.total)}%</td>
                </tr>
              ))}
              <tr>
                <th className="l">合计（应覆盖）</th>
                <th>{t.total}</th>
                <th>100%</th>
              </tr>
            </tbody>
          </table>
          <table>
            <thead>
              <tr>
                <th className="l">逾期情况</th>
                <th>党组织数（个）</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="l">超过期限仍未通过验收</td>
                <td>{d.overdue.count}</td>
              </tr>
              <tr>
                <td className="l">其中：超过整改期限仍未整改完成</td>
                <td>{d.overdue.rectificationOverdue}</td>
              </tr>
            </tbody>
          </table>

          <h2>二、覆盖进度</h2>
          {d.burnUp.length === 0 ? (
            <p>暂无进度数据。</p>
          ) : (
            <div className="zd-report-chart">
              <Chart option={burnUp} height={300} pixelRatio={2} static label="全覆盖进度趋势图" />
            </div>
          )}
          <p className="note">
            注：绿色为已验收的党组织数，其上叠加的橙色为已提交、待审核的党组织数；横线为应覆盖总数，竖线为截止日期（{cnDate(c.deadline)}），虚线为按期完成的理想进度。
          </p>
        </div>

        <div className="zd-report-sheet">
          <h2>三、按阵地类别统计</h2>
          <CountsTable
            head="阵地类别"
            rows={d.byTier.map((r) => ({ key: r.tier, name: r.tierName, counts: r.counts }))}
            total={t}
          />

          <h2>四、未达标较多的要求</h2>
          {d.mostFailed.length === 0 ? (
            <p>暂无未达标的要求。</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th style={{ width: '3em' }}>序号</th>
                  <th style={{ width: '8em' }}>编号</th>
                  <th className="l">要求</th>
                  <th style={{ width: '7em' }}>未达标组织（个）</th>
                </tr>
              </thead>
              <tbody>
                {d.mostFailed.map((f, i) => (
                  <tr key={f.code}>
                    <td>{i + 1}</td>
                    <td>{f.code}</td>
                    <td className="l">{f.title}</td>
                    <td>{f.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>

        {d.byChild.length > 0 && (
          <div className="zd-report-sheet">
            <h2>五、按下级组织统计</h2>
            <CountsTable
              head="党组织"
              rows={d.byChild.map((r) => ({ key: r.org.id, name: r.org.name, counts: r.counts }))}
              total={t}
              numbered
            />
            <p className="note">注：各组织的数字包括其本身及全部下级党组织。</p>
          </div>
        )}
      </article>
    </div>
  );
}

function CountsTable({
  head, rows, total, numbered = false,
}: {
  head: string;
  rows: { key: number; name: string; counts: StatusCounts }[];
  total: StatusCounts;
  numbered?: boolean;
}) {
  return (
    <table>
      <thead>
        <tr>
          {numbered && <th style={{ width: '3em' }}>序号</th>}
          <th className="l">{head}</th>
          <th>应覆盖</th>
          {STACK_ORDER.map((s) => <th key={s}>{ASSESSMENT_STATUS_LABELS[s]}</th>)}
          <th>覆盖率</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key}>
            {numbered && <td>{i + 1}</td>}
            <td className="l">{r.name}</td>
            <td>{r.counts.total}</td>
            {STACK_ORDER.map((s) => <td key={s}>{r.counts[s]}</td>)}
            <td>{coverage(r.counts)}%</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={STACK_ORDER.length + (numbered ? 4 : 3)}>暂无数据</td>
          </tr>
        )}
        {rows.length > 1 && (
          <tr>
            {numbered && <th />}
            <th className="l">合计</th>
            <th>{total.total}</th>
            {STACK_ORDER.map((s) => <th key={s}>{total[s]}</th>)}
            <th>{coverage(total)}%</th>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The opening paragraph, e.g. 截至 2026年11月27日，应覆盖 120 个党组织，已验收 30 个，覆盖率 25%，距截止日期还有 34 天。 */
function summaryText(d: Dashboard): string {
  const t = d.totals;
  const parts = [`截至${cnDate(d.today)}，${d.org.name}应覆盖 ${t.total} 个党组织，已验收 ${t.accepted} 个，覆盖率 ${percent(t.accepted, t.total)}%`];
  const pending = [
    t.submitted && `待审核 ${t.submitted} 个`,
    t.returned && `整改中 ${t.returned} 个`,
    t.in_progress && `自评中 ${t.in_progress} 个`,
    t.not_started && `未开始 ${t.not_started} 个`,
  ].filter(Boolean);
  let text = parts[0];
  if (pending.length) text += `；其余${pending.join('，')}`;
  text += '。';
  const deadline = cnDate(d.campaign.deadline);
  if (d.campaign.status === 'closed') text += `本专项工作已结束（截止日期为${deadline}）。`;
  else if (t.total > 0 && t.accepted >= t.total) text += `已实现全覆盖（截止日期为${deadline}）。`;
  else if (d.daysLeft > 0) text += `距截止日期（${deadline}）还有 ${d.daysLeft} 天。`;
  else if (d.daysLeft === 0) text += `今天（${deadline}）为截止日期。`;
  else text += `已超过截止日期（${deadline}）${-d.daysLeft} 天，尚有 ${t.total - t.accepted} 个党组织未通过验收。`;
  if (d.overdue.count > 0) {
    text += `逾期未验收 ${d.overdue.count} 个`;
    text += d.overdue.rectificationOverdue > 0 ? `，其中超过整改期限 ${d.overdue.rectificationOverdue} 个。` : '。';
  }
  return text;
}
