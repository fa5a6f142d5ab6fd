import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Space, Typography } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '@contracts/enums';
import { rootsQuery } from '../../api/orgs';
import type { Org } from '../../api/types';
import { OrgStatusTag, OrgTypeTag } from '../../components/org/OrgTypeTag';
import { fmtTime, orDash } from '../../lib/format';
import { CreateOrgModal } from './CreateOrgModal';
import { DissolveOrgModal } from './DissolveOrgModal';
import { EditOrgModal } from './EditOrgModal';
import { MoveOrgModal } from './MoveOrgModal';

type Dialog = 'create' | 'edit' | 'move' | 'dissolve' | null;

export function OrgSummary({ org }: { org: Org }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const active = org.status === 'active';
  const childTypes = ORG_CHILD_TYPES[org.type];

  // Ancestors above this account's scope root(s) are shown but not linked (they are not ours to open).
  const roots = useQuery(rootsQuery());
  const rootIds = new Set((roots.data ?? []).map((r) => r.id));
  const firstInScope = org.path.findIndex((p) => rootIds.has(p.id));
  const crumbs = [
    ...org.path.map((p, i) => ({
      key: p.id,
      title: firstInScope >= 0 && i >= firstInScope ? <Link to={`/orgs/${p.id}?org=${p.id}`}>{p.name}</Link> : p.name,
    })),
    { key: org.id, title: org.shortName || org.name },
  ];

  return (
    <Card>
      <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
      <div className="zd-page-title">
        <Typography.Title level={4}>{org.name}</Typography.Title>
        <OrgTypeTag type={org.type} />
        <OrgStatusTag status={org.status} />
      </div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!active || childTypes.length === 0}
          title={childTypes.length === 0 ? `${ORG_TYPE_LABELS[org.type]}下不能再设下级组织` : undefined}
          onClick={() => setDialog('create')}
          data-testid="new-org-button"
        >
          新建下级组织
        </Button>
        <Button icon={<EditOutlined />} disabled={!active} onClick={() => setDialog('edit')}>
          重命名/编辑
        </Button>
        <Button icon={<DragOutlined />} disabled={!active || org.parentId === null} onClick={() => setDialog('move')}>
          移动
        </Button>
        <Button danger icon={<DeleteOutlined />} disabled={!active || org.parentId === null} onClick={() => setDialog('dissolve')}>
          撤销
        </Button>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'short', label: '简称', children: orDash(org.shortName) },
          { key: 'code', label: '组织代码', children: orDash(org.code) },
          { key: 'type', label: '组织类型', children: ORG_TYPE_LABELS[org.type] },
          { key: 'parent', label: '上级组织', children: orDash(org.path.at(-1)?.name) },
          { key: 'children', label: '下级组织', children: `${org.childCount} 个` },
          { key: 'members', label: '直属党员', children: `${org.memberCount} 名` },
          { key: 'subtree', label: '党员总数（含下级）', children: `${org.subtreeMemberCount} 名` },
          { key: 'created', label: '建立时间', children: fmtTime(org.createdAt) },
          ...(org.dissolvedAt ? [{ key: 'dissolved', label: '撤销时间', children: fmtTime(org.dissolvedAt) }] : []),
        ]}
      />
      <CreateOrgModal open={dialog === 'create'} parent={org} onClose={close} />
      <EditOrgModal open={dialog === 'edit'} org={org} onClose={close} />
      <MoveOrgModal open={dialog === 'move'} org={org} onClose={close} />
      <DissolveOrgModal open={dialog === 'dissolve'} org={org} onClose={close} />
    </Card>
  );
}
