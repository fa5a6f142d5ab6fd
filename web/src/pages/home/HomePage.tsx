// 首页: base-building to-dos, statistics of the current org's subtree and the committees due for re-election.
// Kept free of antd Table/Card so the first admin load stays small.
import { Col, Empty, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ORG_TYPES, ORG_TYPE_LABELS } from '@contracts/enums';
import { TERM_WARNING_MONTHS } from '@contracts/limits';
import { expiringQuery, orgStatsQuery } from '../../api/orgs';
import type { ExpiringTerm } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { orgTypeIcon } from '../../components/org/OrgTypeTag';
import { Panel } from '../../components/Panel';
import { daysLeftColor, daysLeftText, fmtDate } from '../../lib/format';
import { BaseTodo } from './BaseTodo';

export default function HomePage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const stats = useQuery(orgStatsQuery(orgId));
  const expiring = useQuery(expiringQuery(orgId));
  const s = stats.data;

  const cards = [
    { title: '组织总数', value: s?.orgCount, suffix: '个' },
    { title: '党员总数', value: s?.memberCount, suffix: '名' },
    { title: '其中预备党员', value: s?.probationaryCount, suffix: '名' },
    { title: '半年内需换届', value: s?.expiringTerms, suffix: '个', warn: (s?.expiringTerms ?? 0) > 0 },
  ];

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>{org ? `${org.name} · 概况` : '概况'}</Typography.Title>
        <Typography.Text type="secondary">统计范围：本组织及全部下级组织</Typography.Text>
      </div>
      <BaseTodo orgId={orgId} withOrg={withOrg} />
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col xs={12} md={6} key={c.title}>
            <Panel>
              <Statistic
                title={c.title}
                value={c.value ?? '—'}
                suffix={c.value === undefined ? undefined : c.suffix}
                loading={stats.isPending}
                styles={{ content: c.warn ? { color: '#cf1322' } : undefined }}
              />
            </Panel>
          </Col>
        ))}
      </Row>
      <Panel title="各类党组织数量" style={{ marginTop: 12 }}>
        {stats.isPending ? (
          <Spin />
        ) : s ? (
          <Row gutter={[12, 12]}>
            {ORG_TYPES.map((t) => (
              <Col xs={12} sm={8} md={4} key={t} style={{ minWidth: 120 }}>
                <Statistic title={<>{orgTypeIcon(t)} {ORG_TYPE_LABELS[t]}</>} value={s.byType[t] ?? 0} />
              </Col>
            ))}
          </Row>
        ) : (
          <Empty description="暂无统计数据" />
        )}
      </Panel>
      <Panel title={`换届提醒（${TERM_WARNING_MONTHS} 个月内届满）`} style={{ marginTop: 12 }}>
        {expiring.isPending ? (
          <Spin />
        ) : !expiring.data?.length ? (
          <Empty description={`${TERM_WARNING_MONTHS} 个月内没有需要换届的班子`} />
        ) : (
          <ExpiringList terms={expiring.data} link={(id) => withOrg(`/orgs/${id}`)} />
        )}
      </Panel>
    </>
  );
}

function ExpiringList({ terms, link }: { terms: ExpiringTerm[]; link: (orgId: number) => string }) {
  const sorted = [...terms].sort((a, b) => a.daysToEnd - b.daysToEnd);
  return (
    <ul className="zd-expiring" aria-label="即将换届的班子">
      {sorted.map((t) => (
        <li key={t.orgId}>
          <span className="name"><Link to={link(t.orgId)}>{t.orgName}</Link>{t.parentName && <span className="meta">（{t.parentName}）</span>}</span>
          <span className="meta">书记：{t.secretary ?? '—'}</span>
          <span className="meta">届满：{fmtDate(t.endDate)}</span>
          <Tag color={daysLeftColor(t.daysToEnd)}>{daysLeftText(t.daysToEnd)}</Tag>
        </li>
      ))}
    </ul>
  );
}
