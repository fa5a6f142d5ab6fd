// One notice: its text, and per organization how many members it reached (members with an account) and how
// many read it; sortable, paged, exportable; remind the unread of the whole scope or of one organization.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { NOTICE_AUDIENCE_LABELS, NOTICE_KIND_LABELS } from '@contracts/notice-labels';
import { exportNoticeStats, noticeKeys, noticeQuery, noticeStatsQuery, remindNotice, type NoticeOrgStat, type NoticeStatsQuery } from '../../api/notices';
import { fmtTime } from '../../lib/format';
import { pct, targetText } from './shared';

type Sort = NonNullable<NoticeStatsQuery['sort']>;

export default function NoticeStatsPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState<NoticeStatsQuery>({ sort: 'rate', order: 'asc', page: 1, pageSize: 50 });
  const notice = useQuery(noticeQuery(id));
  const stats = useQuery({ ...noticeStatsQuery(id, q), refetchInterval: 15_000 });
  const s = stats.data;
  const n = notice.data;

  const remind = (orgId?: number, name?: string) => modal.confirm({
    title: orgId ? `提醒“${name}”未读的党员？` : '提醒全部未读的党员？',
    content: '这条通知会在未读党员的“我的通知”中置顶并标为“提醒”；已开启群机器人的组织，群里也会收到一条提醒。',
    okText: '发送提醒',
    onOk: async () => {
      const r = await remindNotice(id, orgId);
      message.success(`已提醒（第 ${r.remindCount} 次）${r.robots ? `，并推送到 ${r.robots} 个群` : ''}`);
      await qc.invalidateQueries({ queryKey: noticeKeys.all });
    },
  });
  const sortOrder = (k: Sort) => (q.sort === k ? (q.order === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>{n?.title ?? '通知'}</Typography.Title>
        {n && <Tag color="red">{NOTICE_KIND_LABELS[n.kind]}</Tag>}
        <span style={{ flex: 1 }} />
        <Space>
          <Button icon={<BellOutlined />} onClick={() => remind()} data-testid="remind-all">提醒未读</Button>
          <Button icon={<DownloadOutlined />} disabled={!n} onClick={() => n && void exportNoticeStats(n, { sort: q.sort, order: q.order })}>导出 Excel</Button>
        </Space>
      </div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title="覆盖组织" value={s?.totals.orgs ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="送达人数（有账号的党员）" value={s?.totals.reached ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="已读人数" value={s?.totals.read ?? '—'} /></Card></Col>
        <Col xs={12} md={6}>
          <Card data-testid="read-rate">
            <Statistic title="阅读率" value={s ? pct(s.totals.rate) : '—'} />
            <Progress percent={s?.totals.rate ? Math.round(s.totals.rate * 1000) / 10 : 0} showInfo={false} size="small" strokeColor="#c0282d" />
          </Card>
        </Col>
      </Row>
      {n && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'sender', label: '发送组织', children: n.senderOrg.name },
            { key: 'time', label: '发送时间', children: `${fmtTime(n.sentAt)}（${n.sentBy ?? ''}）` },
            { key: 'targets', label: '发送范围', children: targetText(n) },
            { key: 'aud', label: '发送对象', children: NOTICE_AUDIENCE_LABELS[n.audience] },
            { key: 'remind', label: '提醒', children: n.remindCount ? `${n.remindCount} 次，最近 ${fmtTime(n.lastRemindedAt)}` : '未提醒' },
          ]} />
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
            {n.body}
          </Typography.Paragraph>
        </Card>
      )}
      <div className="zd-panel" data-testid="notice-stats-table">
        <Table<NoticeOrgStat> scroll={{ x: 760 }}
          rowKey="orgId"
          size="middle"
          loading={stats.isPending}
          dataSource={s?.items ?? []}
          locale={{ emptyText: stats.isError ? '加载失败，请刷新重试' : '范围内没有党员' }}
          pagination={{ current: q.page, pageSize: q.pageSize, total: s?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (t) => `共 ${t} 个组织` }}
          onChange={(p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = (one?.order ? one.columnKey : 'rate') as Sort;
            setQ({ sort: key, order: one?.order === 'descend' ? 'desc' : 'asc', page: p.current ?? 1, pageSize: p.pageSize ?? 50 });
          }}
          columns={[
            { title: '组织', key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrder('name') },
            { title: '送达人数', key: 'reached', dataIndex: 'reached', width: 110, align: 'right', sorter: true, sortOrder: sortOrder('reached') },
            { title: '已读人数', key: 'read', dataIndex: 'read', width: 110, align: 'right', sorter: true, sortOrder: sortOrder('read') },
            {
              title: '阅读率', key: 'rate', width: 200, sorter: true, sortOrder: sortOrder('rate'),
              render: (_: unknown, r) => (r.rate === null ? <Typography.Text type="secondary">无账号</Typography.Text>
                : <Progress size="small" percent={Math.round(r.rate * 1000) / 10} strokeColor={r.rate < 0.6 ? '#fa8c16' : '#52c41a'} />),
            },
            {
              title: '', key: 'action', width: 90,
              render: (_: unknown, r) => (r.reached > r.read ? <Button size="small" onClick={() => remind(r.orgId, r.name)}>提醒</Button> : null),
            },
          ]}
        />
      </div>
    </>
  );
}
