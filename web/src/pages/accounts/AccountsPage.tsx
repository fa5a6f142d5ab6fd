// 账号管理: accounts whose scope lies in the current org's subtree.
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ACCOUNT_STATUS_LABELS, ROLES, ROLE_LABELS, type Role } from '@contracts/enums';
import { PAGE_SIZE_DEFAULT } from '@contracts/limits';
import { accountListQuery } from '../../api/accounts';
import { useMe } from '../../api/session';
import type { Account } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtTime, orDash } from '../../lib/format';
import { DEFAULT_POLICY } from '../../lib/password';
import { useDebounced } from '../../lib/useDebounced';
import { AccountCreateModal } from './AccountCreateModal';
import { AccountEditModal } from './AccountEditModal';
import { ResetPasswordModal } from './ResetPasswordModal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: Account } | null;

export default function AccountsPage() {
  const { orgId, org } = useCurrentOrg();
  const me = useMe().data;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [role, setRole] = useState<Role | undefined>();
  const [pageSize, setPageSize] = useState(PAGE_SIZE_DEFAULT);
  const filterKey = JSON.stringify([orgId, q, role, pageSize]);
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const list = useQuery(accountListQuery({ orgId, q: q || undefined, role, page, pageSize }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const policy = me?.passwordPolicy ?? DEFAULT_POLICY;

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>账号管理</Typography.Title>
        <Typography.Text type="secondary">{org ? `${org.name}及下级组织的账号` : ''}</Typography.Text>
      </div>
      <div className="zd-toolbar">
        <Input.Search
          allowClear
          placeholder="用户名或姓名"
          aria-label="搜索账号"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder="全部角色"
          aria-label="角色"
          value={role}
          onChange={setRole}
          style={{ width: 140 }}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <span className="zd-grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>新建账号</Button>
      </div>
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 个账号`,
          onChange: (p, size) => (size !== pageSize ? setPageSize(size) : setPaging({ key: filterKey, page: p })),
        }}
        locale={{ emptyText: q || role ? '没有符合条件的账号' : '暂无账号' }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName', width: 130 },
          { title: '角色', dataIndex: 'role', width: 110, render: (r: Role) => ROLE_LABELS[r] },
          { title: '所属组织', dataIndex: 'orgName', width: 220, ellipsis: true, render: orDash },
          {
            title: '状态',
            key: 'status',
            width: 170,
            render: (_: unknown, a) => (
              <Space size={4} wrap>
                <Tag color={a.status === 'active' ? 'green' : 'default'}>{ACCOUNT_STATUS_LABELS[a.status]}</Tag>
                {a.locked && <Tag color="red">已锁定</Tag>}
                {a.mustChangePassword && <Tag color="orange">待改密</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => (v ? fmtTime(v) : '从未登录') },
          { title: '创建时间', dataIndex: 'createdAt', width: 170, render: fmtTime },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_: unknown, a) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>编辑</Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', account: a })}>重置密码</Button>
              </Space>
            ),
          },
        ]}
      />
      {me && (
        <AccountCreateModal
          open={dialog?.kind === 'create'}
          me={me}
          defaultOrg={{ id: orgId, name: org?.name ?? '' }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && dialog.kind === 'edit' && <AccountEditModal open account={dialog.account} onClose={() => setDialog(null)} />}
      {dialog && dialog.kind === 'reset' && (
        <ResetPasswordModal open account={dialog.account} policy={policy} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
