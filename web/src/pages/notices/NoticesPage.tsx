// 微党建: notices sent from the current org and the orgs under it, newest first (paged by key), with read counts.
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { NotificationOutlined, RobotOutlined, SendOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { NOTICE_AUDIENCE_LABELS, NOTICE_KIND_LABELS } from '@contracts/notice-labels';
import { noticeKeys, sentNotices, type NoticeList, type NoticeSummary } from '../../api/notices';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtTime } from '../../lib/format';
import { targetText } from './shared';

export default function NoticesPage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const navigate = useNavigate();
  const q = useInfiniteQuery({
    queryKey: noticeKeys.list(orgId),
    queryFn: ({ pageParam }) => sentNotices(orgId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: NoticeList) => last.nextBefore ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (n: NoticeSummary) => navigate(withOrg(`/notices/${n.id}`));

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>微党建通知</Typography.Title>
        <Typography.Text type="secondary">{org?.name ?? ''}及下级组织发出的通知，党员在手机上阅读，阅读情况按组织统计</Typography.Text>
        <span style={{ flex: 1 }} />
        <Space>
          <Button icon={<RobotOutlined />} onClick={() => navigate(withOrg('/notices/webhook'))}>群机器人推送</Button>
          <Button type="primary" icon={<SendOutlined />} onClick={() => navigate(withOrg('/notices/new'))} data-testid="notice-new">发送通知</Button>
        </Space>
      </div>
      {!q.isPending && !q.isError && items.length === 0 ? (
        <div className="zd-panel" style={{ padding: '48px 16px' }}>
          <Empty image={<NotificationOutlined style={{ fontSize: 56, color: '#c0282d' }} />}
            description="还没有发送过通知。理论学习、活动通知和工作安排可以发给本组织及下级组织的全体党员或有职务的党员，党员登录后在“我的通知”中阅读。">
            <Button type="primary" icon={<SendOutlined />} onClick={() => navigate(withOrg('/notices/new'))}>发送通知</Button>
          </Empty>
        </div>
      ) : (
        <div className="zd-clickable-rows" data-testid="notices-table">
          <Table<NoticeSummary>
            rowKey="id"
            size="middle"
            loading={q.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: q.isError ? '加载失败，请刷新重试' : '暂无通知' }}
            onRow={(n) => ({ onClick: () => open(n) })}
            columns={[
              { title: '标题', dataIndex: 'title', render: (t: string, n) => <Link to={withOrg(`/notices/${n.id}`)} onClick={(e) => e.stopPropagation()}>{t}</Link> },
              { title: '类别', dataIndex: 'kind', width: 100, render: (k: NoticeSummary['kind']) => <Tag color="red">{NOTICE_KIND_LABELS[k]}</Tag> },
              { title: '发送范围', key: 'targets', width: 260, ellipsis: true, render: (_: unknown, n) => `${targetText(n)}（${NOTICE_AUDIENCE_LABELS[n.audience]}）` },
              { title: '发送组织', key: 'sender', width: 180, ellipsis: true, render: (_: unknown, n) => n.senderOrg.name },
              { title: '已读人数', dataIndex: 'readCount', width: 90, align: 'right' },
              { title: '提醒', dataIndex: 'remindCount', width: 70, align: 'right', render: (c: number) => (c ? `${c} 次` : '—') },
              { title: '发送时间', dataIndex: 'sentAt', width: 150, render: fmtTime },
            ]}
          />
          {q.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>加载更早的通知</Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
