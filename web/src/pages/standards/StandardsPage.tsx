// 标准管理 (work-committee admin only): every version of every standard pack, newest first.
import { Result, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { STANDARD_STATUS_LABELS } from '@contracts/enums';
import { useMe } from '../../api/session';
import { standardsQuery } from '../../api/standards';
import type { StandardVersionSummary } from '../../api/types';
import { fmtDate, fmtTime } from '../../lib/format';
import { STATUS_COLORS } from './StandardStatusTag';

export default function StandardsPage() {
  const me = useMe().data;
  if (me && me.role !== 'work_committee_admin') return <Forbidden />;
  return <StandardsList />;
}

export function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="标准管理仅工委管理员可以使用。" />;
}

function StandardsList() {
  const list = useQuery(standardsQuery());
  const navigate = useNavigate();
  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>标准管理</Typography.Title>
        <Typography.Text type="secondary">阵地建设标准的各个版本，最新的在前；已发布的标准不可修改，可复制为新版本后修改、发布</Typography.Text>
      </div>
      <div data-testid="standards-table" className="zd-clickable-rows">
        <Table<StandardVersionSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: list.isError ? '加载失败，请刷新重试' : '暂无标准。标准文件放入 standards/ 目录后，服务启动时自动导入。' }}
          onRow={(r) => ({ onClick: () => navigate(`/standards/${r.id}`) })}
          columns={[
            { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/standards/${r.id}`} onClick={(e) => e.stopPropagation()}>{t}</Link> },
            { title: '标准编号', dataIndex: 'packId', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: '版本', dataIndex: 'version', width: 90 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: StandardVersionSummary['status']) => <Tag color={STATUS_COLORS[s]}>{STANDARD_STATUS_LABELS[s]}</Tag>,
            },
            { title: '全覆盖期限', dataIndex: 'coverageDeadline', width: 120, render: fmtDate },
            { title: '要求条数', dataIndex: 'requirementCount', width: 90, align: 'right' },
            { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (v: string | null) => (v ? fmtTime(v) : '未发布') },
          ]}
        />
      </div>
    </>
  );
}
