import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { ApartmentOutlined, BankOutlined, ClusterOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS, type OrgStatus, type OrgType } from '@contracts/enums';

const ICONS: Record<OrgType, ReactNode> = {
  work_committee: <BankOutlined />,
  organ_committee: <ApartmentOutlined />,
  general_branch: <ClusterOutlined />,
  branch: <TeamOutlined />,
  group: <UsergroupAddOutlined />,
};

const COLORS: Record<OrgType, string> = {
  work_committee: 'red',
  organ_committee: 'volcano',
  general_branch: 'orange',
  branch: 'gold',
  group: 'default',
};

export const orgTypeIcon = (type: OrgType): ReactNode => ICONS[type];

export function OrgTypeTag({ type }: { type: OrgType }) {
  return (
    <Tag color={COLORS[type]} icon={ICONS[type]} style={{ marginInlineEnd: 0 }}>
      {ORG_TYPE_LABELS[type]}
    </Tag>
  );
}

export function OrgStatusTag({ status }: { status: OrgStatus }) {
  return <Tag color={status === 'active' ? 'green' : 'default'}>{ORG_STATUS_LABELS[status]}</Tag>;
}

/** One line for a tree node or a search hit: icon, name, small type label, greyed when dissolved. */
export function OrgNodeTitle({ name, type, status }: { name: string; type: OrgType; status: OrgStatus }) {
  const dissolved = status === 'dissolved';
  return (
    <span style={{ color: dissolved ? '#aaa' : undefined }} title={name}>
      <span style={{ color: dissolved ? '#bbb' : '#c0282d', marginInlineEnd: 6 }}>{ICONS[type]}</span>
      <span style={{ textDecoration: dissolved ? 'line-through' : undefined }}>{name}</span>
      <span style={{ marginInlineStart: 6, fontSize: 12, color: '#999' }}>
        {ORG_TYPE_LABELS[type]}
        {dissolved ? ' · 已撤销' : ''}
      </span>
    </span>
  );
}
