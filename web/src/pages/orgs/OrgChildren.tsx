import { Card, Empty, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { childrenQuery } from '../../api/orgs';
import type { Org, OrgTreeNode } from '../../api/types';
import { OrgStatusTag, OrgTypeTag } from '../../components/org/OrgTypeTag';

export function OrgChildren({ org }: { org: Org }) {
  const navigate = useNavigate();
  const children = useQuery(childrenQuery(org.id, true));
  const rows = children.data ?? [];
  return (
    <Card title={`下级组织（${rows.length}）`} style={{ marginTop: 12 }}>
      <Table<OrgTreeNode>
        rowKey="id"
        size="middle"
        className="zd-clickable-rows"
        loading={children.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 560 }}
        onRow={(r) => ({ onClick: () => navigate(`/orgs/${r.id}?org=${r.id}`) })}
        locale={{ emptyText: <Empty description="暂无下级组织" /> }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v: string, r) => <a style={{ color: r.status === 'dissolved' ? '#aaa' : undefined }}>{v}</a> },
          { title: '类型', dataIndex: 'type', width: 110, render: (_: unknown, r) => <OrgTypeTag type={r.type} /> },
          { title: '状态', dataIndex: 'status', width: 90, render: (_: unknown, r) => <OrgStatusTag status={r.status} /> },
          { title: '下级组织', dataIndex: 'childCount', width: 90, align: 'right' },
          { title: '直属党员', dataIndex: 'memberCount', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}
