// 栏目文章: the current org's column (settings, articles by status, new article) and the update status of the
// columns in its tree.
import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Spin, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { articlesQuery, columnOfOrgQuery } from '../../api/content';
import type { ArticleStatus, ArticleSummary, ColumnOfOrg } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtDate, fmtTime } from '../../lib/format';
import { ARTICLE_STATUSES, ARTICLE_STATUS_LABELS } from '@contracts/content';
import { ColumnSettings } from './ColumnSettings';
import { StaleColumns } from './StaleColumns';
import { ArticleStatusTag } from './shared';

function Articles({ columnId }: { columnId: number }) {
  const { withOrg } = useCurrentOrg();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ArticleStatus | 'all'>('all');
  const [cursors, setCursors] = useState<string[]>([]); // keys of the pages before the current one
  const cursor = cursors[cursors.length - 1];
  const q = useQuery(articlesQuery(columnId, status === 'all' ? undefined : status, cursor));
  return (
    <>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Segmented value={status} onChange={(v) => { setStatus(v as ArticleStatus | 'all'); setCursors([]); }}
          options={[{ value: 'all', label: '全部' }, ...ARTICLE_STATUSES.map((s) => ({ value: s, label: ARTICLE_STATUS_LABELS[s] }))]} />
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(withOrg(`/columns/articles/new?column=${columnId}`))}>写文章</Button>
      </div>
      <Table<ArticleSummary>
        rowKey="id" size="middle" loading={q.isPending} dataSource={q.data?.items ?? []} pagination={false} data-testid="articles-table"
        locale={{ emptyText: q.isError ? '加载失败，请刷新重试' : '暂无文章' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, a) => <Link to={withOrg(`/columns/articles/${a.id}`)}>{t}</Link> },
          // On a phone: the title and the status; the rest from tablet width up.
          { title: '作者', dataIndex: 'author', width: 120, responsive: ['md'] },
          { title: '状态', dataIndex: 'status', width: 110, render: (s: ArticleStatus, a) => <ArticleStatusTag status={s} scheduled={a.scheduled} /> },
          { title: '发布时间', dataIndex: 'publishAt', width: 180, responsive: ['sm'], render: (v: string | null) => fmtTime(v) },
          { title: '最后修改', dataIndex: 'updatedAt', width: 180, responsive: ['md'], render: (v: string) => fmtTime(v) },
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 8 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>上一页</Button>
        <Button disabled={!q.data?.next} onClick={() => q.data?.next && setCursors([...cursors, q.data.next])}>下一页</Button>
      </div>
    </>
  );
}

/** How fresh the org's own column is, against the standard (内容充实，并能及时更新): a warning when it is late. */
function FreshnessNote({ f }: { f: NonNullable<ColumnOfOrg['freshness']> }) {
  if (!f.stale) {
    return (
      <Typography.Paragraph type="secondary" data-testid="column-freshness">
        最近一次发布：{fmtDate(f.lastPublishedAt)}（{f.days === 0 ? '今天' : `${f.days} 天前`}），标准要求 {f.maxDays} 天内有更新。
      </Typography.Paragraph>
    );
  }
  return (
    <Alert
      type="warning" showIcon style={{ marginBottom: 12 }} data-testid="column-freshness"
      title={f.days === null ? '本栏目还没有发布过文章' : `本栏目已 ${f.days} 天未更新`}
      description={`标准要求专题党建栏目“内容充实，并能及时更新”（${f.maxDays} 天内有更新）${f.lastPublishedAt ? `，最近一次发布在 ${fmtDate(f.lastPublishedAt)}` : ''}。请及时撰写并发布新文章；上级在“更新情况”和阵地自评中都能看到。`}
    />
  );
}

export default function ColumnsPage() {
  const { orgId, org } = useCurrentOrg();
  const col = useQuery(columnOfOrgQuery(orgId));
  const column = col.data?.column ?? null;
  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>栏目文章</Typography.Title>
        <Typography.Text type="secondary">{org?.name ?? ''}的专题党建栏目：撰写、审核、发布文章，公开在党建网站</Typography.Text>
        <span style={{ flex: 1 }} />
        <a href="/site" target="_blank" rel="noopener noreferrer">打开党建网站</a>
      </div>
      <div className="zd-panel" style={{ padding: 16 }}>
        {col.data?.freshness && <FreshnessNote f={col.data.freshness} />}
        {col.isPending ? <Spin /> : (
          <Tabs
            defaultActiveKey={column ? 'articles' : 'settings'}
            key={column ? 'with' : 'without'}
            items={[
              { key: 'articles', label: '文章', children: column ? <Articles columnId={column.id} /> : <Empty description="请先在“栏目设置”中开设栏目" /> },
              { key: 'settings', label: '栏目设置', children: <ColumnSettings orgId={orgId} column={column} orgName={org?.name ?? ''} /> },
              { key: 'fresh', label: '更新情况', children: <StaleColumns orgId={orgId} /> },
            ]}
          />
        )}
      </div>
    </>
  );
}
