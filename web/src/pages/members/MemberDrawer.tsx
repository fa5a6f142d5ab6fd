// The full profile of one member (its viewing is audited), transfer history, edit and transfer.
import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Grid, Result, Space, Spin, Table, Typography } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { GENDER_LABELS } from '@contracts/enums';
import { memberQuery } from '../../api/members';
import type { MemberDetail } from '../../api/types';
import { fmtDate, fmtTime, orDash } from '../../lib/format';
import { MemberFormModal } from './MemberFormModal';
import { MemberCategoryTag, MemberStatusTag } from './memberLabels';
import { TransferModal } from './TransferModal';

export function MemberDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const member = useQuery({ ...memberQuery(id ?? 0), enabled: id !== null });
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);
  const m = member.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.md ? 680 : '100%'}
      title={m ? `党员信息：${m.name}` : '党员信息'}
      destroyOnHidden
      extra={
        m && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>编辑</Button>
            <Button type="primary" icon={<SwapOutlined />} disabled={m.status !== 'active'} onClick={() => setDialog('transfer')}>
              组织关系转接
            </Button>
          </Space>
        )
      }
    >
      {member.isPending ? (
        <Spin />
      ) : member.isError || !m ? (
        <Result status="warning" title="无法读取该党员信息" />
      ) : (
        <>
          <Profile m={m} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>组织关系转接记录</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.transfers}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无转接记录" /> }}
            columns={[
              { title: '转接日期', dataIndex: 'transferDate', width: 110, render: fmtDate },
              { title: '转出组织', dataIndex: 'fromOrgName' },
              { title: '转入组织', dataIndex: 'toOrgName' },
              { title: '原因', dataIndex: 'reason', render: orDash },
              { title: '办理时间', dataIndex: 'at', width: 170, render: fmtTime },
            ]}
          />
          <MemberFormModal open={dialog === 'edit'} mode="edit" member={m} onClose={() => setDialog(null)} />
          <TransferModal open={dialog === 'transfer'} member={m} onClose={() => setDialog(null)} />
        </>
      )}
    </Drawer>
  );
}

function Profile({ m }: { m: MemberDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'name', label: '姓名', children: m.name },
        { key: 'gender', label: '性别', children: GENDER_LABELS[m.gender] },
        { key: 'ethnicity', label: '民族', children: orDash(m.ethnicity) },
        { key: 'birth', label: '出生日期', children: fmtDate(m.birthDate) },
        { key: 'id', label: '身份证号', children: m.idNumber, span: 2 },
        { key: 'phone', label: '手机号码', children: orDash(m.phone) },
        { key: 'edu', label: '学历', children: orDash(m.education) },
        { key: 'join', label: '入党日期', children: fmtDate(m.joinDate) },
        { key: 'category', label: '党员类别', children: <MemberCategoryTag category={m.category} /> },
        ...(m.category === 'probationary' || m.probationStart
          ? [{ key: 'probation', label: '预备期', children: `${fmtDate(m.probationStart)} 至 ${fmtDate(m.probationEnd)}`, span: 2 }]
          : []),
        { key: 'org', label: '所在党组织', children: m.orgName, span: 2 },
        { key: 'path', label: '组织路径', children: m.orgPath, span: 2 },
        { key: 'post', label: '职务', children: orDash(m.post) },
        { key: 'status', label: '状态', children: <MemberStatusTag status={m.status} /> },
      ]}
    />
  );
}
