// Columns in the current org's tree and how long since each last published, against the standard's threshold;
// the duty holder (阵地档案：网站或栏目负责人) shows whom to remind.
import { useState } from 'react';
import { Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { columnsQuery } from '../../api/content';
import type { ColumnFreshness } from '../../api/types';
import { fmtDate } from '../../lib/format';

export function StaleColumns({ orgId }: { orgId: number }) {
  const [staleOnly, setStaleOnly] = useState(false);
  const q = useQuery(columnsQuery(orgId, staleOnly));
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Typography.Text type="secondary">超过 {q.data?.maxDays ?? '—'} 天未发布文章的栏目视为未及时更新（阵地建设标准“及时更新”的核验口径）。</Typography.Text>
        <span style={{ flex: 1 }} />
        <Switch checked={staleOnly} onChange={setStaleOnly} /> 只看未及时更新的
      </div>
      <Table<ColumnFreshness> scroll={{ x: 800 }}
        rowKey="id" size="middle" loading={q.isPending} dataSource={q.data?.items ?? []} data-testid="stale-columns"
        pagination={(q.data?.items.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: q.isError ? '加载失败，请刷新重试' : '暂无栏目' }}
        columns={[
          { title: '党组织', dataIndex: 'orgName' },
          { title: '栏目', dataIndex: 'title', render: (t: string, c) => <a href={`/site/c/${c.slug}`} target="_blank" rel="noopener noreferrer">{t}</a> },
          { title: '最近发布', dataIndex: 'lastPublishedAt', width: 120, render: (v: string | null) => (v ? fmtDate(v) : '从未发布') },
          { title: '距今', dataIndex: 'days', width: 100, render: (d: number | null) => (d === null ? '—' : `${d} 天`) },
          { title: '状态', dataIndex: 'stale', width: 120, render: (s: boolean) => (s ? <Tag color="red">未及时更新</Tag> : <Tag color="green">正常</Tag>) },
          { title: '负责人', dataIndex: 'dutyHolder', width: 140, render: (v: string | null) => v ?? <Typography.Text type="secondary">未填写</Typography.Text> },
        ]}
      />
    </>
  );
}
