// /campaigns/:id?org=ID: coverage dashboard of a campaign for the current org (inside the scope) or the whole scope:
// headline counts, burn-up, by tier, by child org, most failed requirements; every number drills down to the list.
import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Empty, Progress, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined, StopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@contracts/assessment-labels';
import { campaignKeys, campaignQuery, closeCampaign, dashboardQuery, exportCampaign } from '../../api/campaigns';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import type { Campaign, Dashboard, StatusCounts } from '../../api/types';
import { Chart } from '../../components/charts/Chart';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { daysLeftText, fmtDate } from '../../lib/format';
import {
  burnUpOption, childHeight, childOption, coverage, failedHeight, failedOption, percent, STACK_ORDER, tierOption, topChildren,
} from './dashboardCharts';
import { CampaignStatusTag, listPath, StatusDot, useScopedOrg, type ListFilters } from './shared';
import './campaigns.css';

export default function CampaignDashboardPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const { orgId, withOrg } = useCurrentOrg();
  const campaign = useQuery({ ...campaignQuery(id), enabled: valid });
  const scoped = useScopedOrg(campaign.data, orgId);
  const dash = useQuery({
    ...dashboardQuery(id, scoped ?? undefined),
    enabled: valid && scoped !== null,
    placeholderData: keepPreviousData,
  });

  if (!valid) return <NotFound />;
  const error = campaign.error ?? dash.error;
  if (error) {
    const nf = isApiError(error, 'NOT_FOUND');
    const denied = isApiError(error) && error.status === 403;
    return (
      <Result
        status={nf ? '404' : denied ? '403' : 'error'}
        title={nf ? '该专项工作不存在' : denied ? '无权查看该专项工作' : '加载失败'}
        subTitle={nf || denied ? undefined : '请检查网络后刷新重试'}
        extra={<Button onClick={() => navigate(withOrg('/campaigns'))}>返回专项工作列表</Button>}
      />
    );
  }
  if (!campaign.data || !dash.data) return <PageLoading />;
  return <DashboardView campaign={campaign.data} d={dash.data} scopedOrg={scoped ?? undefined} />;
}

interface ViewProps {
  campaign: Campaign;
  d: Dashboard;
  /** The org passed to the API (undefined: the whole scope). */
  scopedOrg: number | undefined;
}

function DashboardView({ campaign, d, scopedOrg }: ViewProps) {
  const navigate = useNavigate();
  const { withOrg } = useCurrentOrg();
  const me = useMe().data;
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const t = d.totals;
  const id = campaign.id;

  /** Drill-down link into the list, within the org the dashboard shows. */
  const list = (f: ListFilters) => withOrg(listPath(id, { orgId: scopedOrg, ...f }));
  const dashboardOf = (orgId: number) => `/campaigns/${id}?org=${orgId}`;

  const doExport = async () => {
    setExporting(true);
    await exportCampaign(campaign, scopedOrg);
    setExporting(false);
  };

  const openReport = () => {
    window.open(`/campaigns/${id}/report${scopedOrg ? `?orgId=${scopedOrg}` : ''}`, '_blank', 'noopener');
  };

  const close = async () => {
    const ok = await modal.confirm({
      title: `结束专项工作“${campaign.title}”？`,
      content: `目前已验收 ${campaign.acceptedCount} / ${campaign.assessmentCount} 个党组织。结束后各组织不能再提交自评和整改，数据只读保留。`,
      okText: '结束',
      okButtonProps: { danger: true },
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      const saved = await closeCampaign(id, { version: campaign.version });
      qc.setQueryData(campaignKeys.detail(id), saved);
      void qc.invalidateQueries({ queryKey: campaignKeys.all });
      message.success('专项工作已结束');
    } catch {
      /* shown by the client; a conflict reloads */
    }
  };

  // Path from the scope down to the org shown (ancestors above the scope are not part of the campaign).
  const scopeAt = d.org.path.findIndex((p) => p.id === campaign.scope.id);
  const crumbs = scopeAt >= 0 ? d.org.path.slice(scopeAt) : [];

  const burnUp = useMemo(() => burnUpOption(d), [d]);
  const tiers = useMemo(() => tierOption(d), [d]);
  const children = useMemo(() => childOption(d), [d]);
  const failed = useMemo(() => failedOption(d), [d]);
  const chartChildren = useMemo(() => [...topChildren(d)].reverse(), [d]);
  const chartFailed = useMemo(() => [...d.mostFailed].reverse(), [d]);

  const past = d.daysLeft < 0;
  const active = campaign.status === 'active';

  return (
    <div data-testid="campaign-dashboard">
      <div className="zd-page-title">
        <Typography.Title level={4} data-testid="campaign-title">{campaign.title}</Typography.Title>
        <CampaignStatusTag status={campaign.status} />
        <span style={{ flex: 1 }} />
        <Space wrap>
          <Button onClick={() => navigate(withOrg('/campaigns'))}>返回列表</Button>
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate(list({}))}>全部名单</Button>
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>导出 Excel</Button>
          <Button icon={<PrinterOutlined />} onClick={openReport}>打印报告</Button>
          {active && me?.role === 'work_committee_admin' && (
            <Button danger icon={<StopOutlined />} onClick={() => void close()}>结束专项工作</Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -6 }}>
        标准：{campaign.standard.title}（{campaign.standard.version}）　范围：{campaign.scope.name}　发起于 {fmtDate(campaign.startedOn)}
        <br />
        <span className="zd-cov-crumbs">
          统计对象：
          {crumbs.map((p, i) => (
            <span key={p.id}>
              {/* An org admin sees only their own org and below: higher levels are plain text. */}
              {me?.role === 'work_committee_admin' || crumbs.slice(0, i + 1).some((c) => c.id === me?.orgId) ? (
                <Link to={dashboardOf(p.id)}>{p.name}</Link>
              ) : (
                p.name
              )}
              {' / '}
            </span>
          ))}
          <strong style={{ color: '#333' }}>{d.org.name}</strong>
          {d.org.id === campaign.scope.id ? '（全部范围）' : '及下级组织'}
        </span>
      </Typography.Paragraph>

      <HeadlineCards campaign={campaign} d={d} list={list} />

      <Panel
        title="全覆盖进度"
        extra={<Typography.Text type="secondary">已验收与待审核叠加显示，虚线为按期完成的理想进度</Typography.Text>}
        style={{ marginBottom: 12 }}
      >
        {d.burnUp.length === 0 ? (
          <Empty description="暂无进度数据" />
        ) : (
          <Chart option={burnUp} height={300} label="全覆盖进度趋势图" />
        )}
        {past && t.accepted < t.total && (
          <Typography.Text type="danger">已超过截止日期 {-d.daysLeft} 天，仍有 {t.total - t.accepted} 个党组织未通过验收。</Typography.Text>
        )}
      </Panel>

      <div className="zd-cov-grid">
        <Panel title="按阵地类别">
          {d.byTier.length === 0 ? (
            <Empty description="暂无数据" />
          ) : (
            <Chart
              option={tiers}
              height={260}
              label="按阵地类别统计图"
              onClick={(e) => {
                const row = d.byTier[e.dataIndex];
                const status = STACK_ORDER[e.seriesIndex ?? -1];
                if (row && status) navigate(list({ tier: row.tier, status }));
              }}
            />
          )}
          <div className="zd-cov-table" data-testid="by-tier-table">
            <Table
              rowKey="tier"
              size="small"
              pagination={false}
              dataSource={d.byTier}
              scroll={{ x: 500 }}
              columns={[
                { title: '阵地类别', dataIndex: 'tierName', fixed: 'left', width: 84 },
                ...countColumns<Dashboard['byTier'][number]>(
                  (r, status) => list({ tier: r.tier, status }),
                  (r) => list({ tier: r.tier }),
                  false,
                  true,
                ),
              ]}
            />
          </div>
        </Panel>

        <Panel title="未达标最多的要求">
          {d.mostFailed.length === 0 ? (
            <Empty description="暂无未达标的要求" />
          ) : (
            <>
              <Chart
                option={failed}
                height={failedHeight(d)}
                label="未达标最多的要求"
                onClick={(e) => {
                  const r = chartFailed[e.dataIndex];
                  if (r) navigate(list({ failed: r.code }));
                }}
              />
              <div className="zd-cov-table zd-clickable-rows" data-testid="most-failed-table">
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={d.mostFailed}
                  onRow={(r) => ({ onClick: () => navigate(list({ failed: r.code })) })}
                  columns={[
                    { title: '编号', dataIndex: 'code', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                    { title: '要求', dataIndex: 'title', ellipsis: true },
                    {
                      title: '未达标组织',
                      dataIndex: 'failed',
                      width: 100,
                      align: 'right',
                      render: (v: number, r) => <Link to={list({ failed: r.code })} onClick={(e) => e.stopPropagation()}>{v}</Link>,
                    },
                  ]}
                />
              </div>
            </>
          )}
        </Panel>
      </div>

      <Panel
        title="按下级组织"
        extra={d.byChild.length > 20 && <Typography.Text type="secondary">图中为应覆盖数最多的 20 个，全部见下表</Typography.Text>}
        style={{ marginBottom: 12 }}
      >
        {d.byChild.length === 0 ? (
          <Empty description={`${d.org.name}没有下级组织`} />
        ) : (
          <>
            <Chart
              option={children}
              height={childHeight(d)}
              label="按下级组织统计图"
              onClick={(e) => {
                const row = chartChildren[e.dataIndex];
                const status = STACK_ORDER[e.seriesIndex ?? -1];
                if (row && status) navigate(list({ orgId: row.org.id, status }));
              }}
            />
            <div className="zd-cov-table zd-clickable-rows" data-testid="by-child-table">
              <Table
                rowKey={(r) => r.org.id}
                size="small"
                dataSource={d.byChild}
                pagination={d.byChild.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个下级组织` } : false}
                scroll={{ x: 900 }}
                onRow={(r) => ({ onClick: () => navigate(dashboardOf(r.org.id)) })}
                columns={[
                  {
                    title: '组织',
                    key: 'org',
                    fixed: 'left',
                    width: 220,
                    ellipsis: true,
                    sorter: (a, b) => a.org.name.localeCompare(b.org.name, 'zh-CN'),
                    render: (_: unknown, r) => (
                      <Tooltip title="查看该组织的覆盖情况">
                        <Link to={dashboardOf(r.org.id)} onClick={(e) => e.stopPropagation()}>{r.org.name}</Link>
                      </Tooltip>
                    ),
                  },
                  { title: '下级组织', dataIndex: 'childCount', width: 80, align: 'right' },
                  ...countColumns<Dashboard['byChild'][number]>(
                    (r, status) => list({ orgId: r.org.id, status }),
                    (r) => list({ orgId: r.org.id }),
                    true,
                  ),
                ]}
              />
            </div>
          </>
        )}
      </Panel>
    </div>
  );
}

/** Columns 应覆盖 / each status / 覆盖率 for rows holding StatusCounts; the numbers link to the list. */
function countColumns<R extends { counts: StatusCounts }>(
  link: (r: R, status: AssessmentStatus) => string,
  linkAll: (r: R) => string,
  sortable = false,
  compact = false,
) {
  const w = compact ? 58 : 72;
  const num = (to: string, v: number) =>
    v === 0 ? <span style={{ color: '#bbb' }}>0</span> : <Link to={to} onClick={(e) => e.stopPropagation()}>{v}</Link>;
  return [
    {
      title: '应覆盖',
      key: 'total',
      width: w,
      align: 'right' as const,
      sorter: sortable ? (a: R, b: R) => a.counts.total - b.counts.total : undefined,
      render: (_: unknown, r: R) => num(linkAll(r), r.counts.total),
    },
    ...STACK_ORDER.map((s) => ({
      title: compact ? ASSESSMENT_STATUS_LABELS[s] : <span style={{ whiteSpace: 'nowrap' }}><StatusDot status={s} /> {ASSESSMENT_STATUS_LABELS[s]}</span>,
      key: s,
      width: w,
      align: 'right' as const,
      sorter: sortable ? (a: R, b: R) => a.counts[s] - b.counts[s] : undefined,
      render: (_: unknown, r: R) => num(link(r, s), r.counts[s]),
    })),
    {
      title: '覆盖率',
      key: 'coverage',
      width: compact ? 72 : 120,
      align: compact ? ('right' as const) : undefined,
      sorter: sortable ? (a: R, b: R) => coverage(a.counts) - coverage(b.counts) : undefined,
      render: (_: unknown, r: R) =>
        compact ? `${coverage(r.counts)}%` : <Progress percent={coverage(r.counts)} size="small" style={{ margin: 0, minWidth: 100 }} />,
    },
  ];
}

function HeadlineCards({ campaign, d, list }: { campaign: Campaign; d: Dashboard; list: (f: ListFilters) => string }) {
  const t = d.totals;
  const past = d.daysLeft < 0;
  const card = (key: string, title: ReactNode, body: ReactNode) => (
    <div className="zd-cov-card" key={key} data-testid={`card-${key}`}>
      <h3>{title}</h3>
      {body}
    </div>
  );
  const statusCard = (s: AssessmentStatus) =>
    card(
      s,
      <><StatusDot status={s} />{ASSESSMENT_STATUS_LABELS[s]}</>,
      <Link className="num" to={list({ status: s })}>{t[s]}<span className="sub">个</span></Link>,
    );
  return (
    <>
      <div className="zd-cov-cards top">
        {card(
          'coverage',
          '全覆盖进度',
          <>
            <Link className="num" to={list({ status: 'accepted' })}>
              {percent(t.accepted, t.total)}%<span className="sub">已验收 {t.accepted} / 应覆盖 {t.total}</span>
            </Link>
            <Progress percent={percent(t.accepted, t.total)} showInfo={false} strokeColor="#52c41a" style={{ margin: 0 }} />
          </>,
        )}
        {card(
          'deadline',
          '截止日期',
          <>
            <div className="num" style={{ fontSize: 20 }}>{fmtDate(campaign.deadline)}</div>
            {campaign.status === 'closed' ? (
              <Tag>已结束</Tag>
            ) : (
              <span className={past ? 'late' : undefined} data-testid="days-left">{daysLeftText(d.daysLeft)}</span>
            )}
          </>,
        )}
        {card(
          'overdue',
          '逾期',
          <>
            <Link className={`num${d.overdue.count > 0 ? ' late' : ''}`} to={list({ overdue: true })}>
              {d.overdue.count}<span className="sub">个未按期验收</span>
            </Link>
            <div>
              <Link to={list({ overdue: true, status: 'returned' })} className={d.overdue.rectificationOverdue > 0 ? 'late' : undefined}>
                其中整改逾期 {d.overdue.rectificationOverdue} 个
              </Link>
            </div>
          </>,
        )}
      </div>
      <div className="zd-cov-cards statuses">{STACK_ORDER.map(statusCard)}</div>
    </>
  );
}

