// 首页: statistics of the current org's subtree and the committees due for re-election.
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ORG_TYPES, ORG_TYPE_LABELS } from '@contracts/enums';
import { TERM_WARNING_MONTHS } from '@contracts/limits';
import { expiringQuery, orgStatsQuery } from '../../api/orgs';
import type { ExpiringTerm } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { orgTypeIcon } from '../../components/org/OrgTypeTag';
import { daysLeftColor, daysLeftText, fmtDate, orDash } from '../../lib/format';

export default function HomePage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const stats = useQuery(orgStatsQuery(orgId));
  const expiring = useQuery(expiringQuery(orgId));
  const s = stats.data;

  const cards = [
    { title: '组织总数', value: s?.orgCount },
    { title: '党员总数', value: s?.memberCount },
    { title: '其中预备党员', value: s?.probationaryCount },
    { title: '半年内需换届', value: s?.expiringTerms, warn: (s?.expiringTerms ?? 0) > 0 },
  ];

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>{org ? `${org.name} · 概况` : '概况'}</Typography.Title>
        <Typography.Text type="secondary">统计范围：本组织及全部下级组织</Typography.Text>
      </div>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col xs={12} md={6} key={c.title}>
            <Card loading={stats.isPending}>
              <Statistic title={c.title} value={c.value ?? '—'} styles={{ content: c.warn ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="各类党组织数量" style={{ marginTop: 12 }} loading={stats.isPending}>
        {s ? (
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
      </Card>
      <Card title={`换届提醒（${TERM_WARNING_MONTHS} 个月内届满）`} style={{ marginTop: 12 }}>
        <Table<ExpiringTerm>
          rowKey="orgId"
          size="middle"
          loading={expiring.isPending}
          dataSource={[...(expiring.data ?? [])].sort((a, b) => a.daysToEnd - b.daysToEnd)}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          locale={{ emptyText: <Empty description={`${TERM_WARNING_MONTHS} 个月内没有需要换届的班子`} /> }}
          columns={[
            { title: '党组织', dataIndex: 'orgName', render: (v: string, r) => <Link to={withOrg(`/orgs/${r.orgId}`)}>{v}</Link> },
            { title: '书记', dataIndex: 'secretary', render: (v: string | null) => orDash(v) },
            { title: '届满日期', dataIndex: 'endDate', render: (v: string) => fmtDate(v) },
            {
              title: '剩余时间',
              dataIndex: 'daysToEnd',
              render: (d: number) => <Tag color={daysLeftColor(d)}>{daysLeftText(d)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
