// /campaigns/:id/assessments?status&tier&overdue&failed&orgId&page: the drill-down list of a campaign's assessments.
// The filters live in the URL, so every number on the dashboard links straight to its list.
import { Button, Checkbox, Empty, Result, Select, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ClearOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ASSESSMENT_STATUSES, ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@contracts/assessment-labels';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@contracts/limits';
import { campaignAssessmentsQuery, campaignQuery, dashboardQuery } from '../../api/campaigns';
import { isApiError } from '../../api/client';
import { orgQuery } from '../../api/orgs';
import type { AssessmentListQuery, AssessmentRow } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { NotFound } from '../../components/NotFound';
import { OrgPicker } from '../../components/org/OrgPicker';
import { fmtDate, fmtTime } from '../../lib/format';
import { CampaignStatusTag, StatusDot, StatusTag } from './shared';

const CODE_RE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

function intParam(v: string | null, min: number, max: number): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

/** The list query from the URL; anything invalid is left out. */
function readQuery(params: URLSearchParams): Required<Pick<AssessmentListQuery, 'page' | 'pageSize'>> & AssessmentListQuery {
  const status = params.get('status');
  const failed = params.get('failed');
  const overdue = params.get('overdue');
  return {
    orgId: intParam(params.get('orgId'), 1, 2147483647),
    status: ASSESSMENT_STATUSES.includes(status as AssessmentStatus) ? (status as AssessmentStatus) : undefined,
    tier: intParam(params.get('tier'), 0, 9),
    overdue: overdue === 'true' || overdue === '1' ? true : undefined,
    failed: failed && CODE_RE.test(failed) ? failed : undefined,
    page: intParam(params.get('page'), 1, 100000) ?? 1,
    pageSize: intParam(params.get('pageSize'), 1, PAGE_SIZE_MAX) ?? PAGE_SIZE_DEFAULT,
  };
}

export default function CampaignAssessmentsPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const { withOrg } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const campaign = useQuery({ ...campaignQuery(id), enabled: valid });
  // Tier names and the most failed requirements for the filters (the whole scope, usually cached by the dashboard).
  const dash = useQuery({ ...dashboardQuery(id), enabled: valid && campaign.isSuccess });
  const list = useQuery({ ...campaignAssessmentsQuery(id, query), enabled: valid });
  const filterOrg = useQuery({ ...orgQuery(query.orgId ?? 0), enabled: query.orgId !== undefined });

  if (!valid) return <NotFound />;
  if (campaign.isError) {
    const nf = isApiError(campaign.error, 'NOT_FOUND');
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? '该专项工作不存在' : '加载失败'}
        extra={<Button onClick={() => navigate(withOrg('/campaigns'))}>返回专项工作列表</Button>}
      />
    );
  }

  /** Changes filters in the URL (keeps ?org= of the layout); any filter change goes back to page 1. */
  const update = (changes: Record<string, string | number | boolean | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === false || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  const clear = () => {
    const next = new URLSearchParams();
    const org = params.get('org');
    if (org) next.set('org', org);
    setParams(next);
  };

  const tierNames = new Map((dash.data?.byTier ?? []).map((t) => [t.tier, t.tierName]));
  // null and 0 both mean "no tier yet" (the list filter tier=0 returns the rows with tier null).
  const tierName = (tier: number | null) => tierNames.get(tier ?? 0) ?? (tier ? `${tier}类` : '未定类别');
  const tierOptions = dash.data
    ? dash.data.byTier.map((t) => ({ value: t.tier, label: t.tierName }))
    : query.tier !== undefined
      ? [{ value: query.tier, label: tierName(query.tier) }]
      : [];
  const failedOptions = (dash.data?.mostFailed ?? []).map((f) => ({ value: f.code, label: `${f.code} ${f.title}` }));
  if (query.failed && !failedOptions.some((o) => o.value === query.failed)) failedOptions.unshift({ value: query.failed, label: query.failed });
  const filtered = Boolean(query.orgId || query.status || query.tier !== undefined || query.overdue || query.failed);
  const c = campaign.data;
  const dashboardLink = withOrg(`/campaigns/${id}`);

  return (
    <>
      <div className="zd-page-title">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回看板" onClick={() => navigate(dashboardLink)} />
        <Typography.Title level={4}>{c ? `${c.title} · 自评名单` : '自评名单'}</Typography.Title>
        {c && <CampaignStatusTag status={c.status} />}
        {c && <Typography.Text type="secondary">截止 {fmtDate(c.deadline)}　范围：{c.scope.name}</Typography.Text>}
      </div>
      <div className="zd-toolbar" data-testid="assessment-filters">
        <div style={{ width: 260 }}>
          <OrgPicker
            value={query.orgId}
            initialLabel={filterOrg.data?.name}
            onChange={(v) => update({ orgId: v })}
            placeholder={c ? `全部范围（${c.scope.name}）` : '全部范围'}
          />
        </div>
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          value={query.status}
          onChange={(v) => update({ status: v })}
          style={{ width: 130 }}
          options={ASSESSMENT_STATUSES.map((s) => ({
            value: s,
            label: <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}><StatusDot status={s} />{ASSESSMENT_STATUS_LABELS[s]}</span>,
          }))}
        />
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="阵地类别"
          value={query.tier}
          onChange={(v) => update({ tier: v })}
          style={{ width: 130 }}
          options={tierOptions}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="未达标要求"
          aria-label="未达标要求"
          value={query.failed}
          onChange={(v) => update({ failed: v })}
          style={{ width: 240 }}
          popupMatchSelectWidth={360}
          options={failedOptions}
          notFoundContent="暂无未达标的要求"
        />
        <Checkbox checked={Boolean(query.overdue)} onChange={(e) => update({ overdue: e.target.checked })}>只看逾期</Checkbox>
        {filtered && <Button icon={<ClearOutlined />} onClick={clear}>清除筛选</Button>}
      </div>
      <div data-testid="campaign-assessments-table">
        <Table<AssessmentRow>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `共 ${total} 个党组织`,
            onChange: (p, size) => {
              if (size !== query.pageSize) update({ pageSize: size === PAGE_SIZE_DEFAULT ? undefined : size });
              else update({ page: p === 1 ? undefined : p }, true);
            },
          }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={list.isError ? '加载失败，请刷新重试' : filtered ? '没有符合条件的党组织' : '该专项工作暂无自评任务'}
              >
                {filtered && <Button onClick={clear}>清除筛选</Button>}
              </Empty>
            ),
          }}
          columns={[
            {
              title: '党组织',
              key: 'org',
              fixed: 'left',
              width: 240,
              ellipsis: true,
              render: (_: unknown, r) => <Link to={withOrg(`/assessments/${r.id}`)}>{r.org.name}</Link>,
            },
            { title: '上级组织', key: 'parent', width: 200, ellipsis: true, render: (_: unknown, r) => r.parent?.name ?? '—' },
            { title: '阵地类别', dataIndex: 'tier', width: 100, render: tierName },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: AssessmentStatus) => <StatusTag status={s} /> },
            {
              title: '未达标项',
              dataIndex: 'failedCount',
              width: 90,
              align: 'right',
              render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : <span style={{ color: '#bbb' }}>0</span>),
            },
            { title: '整改期限', dataIndex: 'rectificationDeadline', width: 110, render: fmtDate },
            { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: fmtTime },
            { title: '验收时间', dataIndex: 'acceptedAt', width: 170, render: fmtTime },
            {
              title: '逾期',
              dataIndex: 'overdue',
              width: 80,
              render: (v: boolean) => (v ? <Tag color="red">已逾期</Tag> : null),
            },
          ]}
        />
      </div>
    </>
  );
}
