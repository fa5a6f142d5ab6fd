// 党员管理: the members of the current org's subtree, with filters, server paging and the profile drawer.
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  GENDER_LABELS, MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS, MEMBER_STATUSES, MEMBER_STATUS_LABELS,
  type MemberCategory, type MemberStatus,
} from '@contracts/enums';
import { PAGE_SIZE_DEFAULT } from '@contracts/limits';
import { downloadImportTemplate, exportMembers, memberListQuery } from '../../api/members';
import type { MemberListItem } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtDate, orDash } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { MemberDrawer } from './MemberDrawer';
import { MemberFormModal } from './MemberFormModal';
import { MemberCategoryTag, MemberStatusTag } from './memberLabels';

export default function MembersPage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  // 在册 by default: the list people work with, and its total comes from the per-org summaries.
  const [status, setStatus] = useState<MemberStatus | undefined>('active');
  const [category, setCategory] = useState<MemberCategory | undefined>();
  const [pageSize, setPageSize] = useState(PAGE_SIZE_DEFAULT);
  // The page belongs to one set of filters: any change of org or filter starts again at page 1.
  const filterKey = JSON.stringify([orgId, q, status, category, pageSize]);
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;

  const filters = { orgId, q: q || undefined, status, category };
  const list = useQuery(memberListQuery({ ...filters, page, pageSize }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const doExport = async () => {
    setExporting(true);
    await exportMembers(filters);
    setExporting(false);
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>党员管理</Typography.Title>
        <Typography.Text type="secondary">{org ? `${org.name}及下级组织` : ''}</Typography.Text>
      </div>
      <div className="zd-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名或拼音首字母，如 zs"
          aria-label="搜索党员"
          data-testid="member-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="党员类别"
          value={category}
          onChange={setCategory}
          style={{ width: 130 }}
          options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: MEMBER_CATEGORY_LABELS[c] }))}
        />
        <span className="zd-grow" />
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新增党员</Button>
          <Button icon={<UploadOutlined />} onClick={() => navigate(withOrg('/members/import'))}>批量导入</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadImportTemplate()}>下载模板</Button>
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>导出Excel</Button>
        </Space>
      </div>
      <div data-testid="member-table">
        <Table<MemberListItem>
          rowKey="id"
          size="middle"
          className="zd-clickable-rows"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `共 ${total} 名党员`,
            onChange: (p, size) => {
              if (size !== pageSize) setPageSize(size);
              else setPaging({ key: filterKey, page: p });
            },
          }}
          locale={{ emptyText: q || status || category ? '没有符合条件的党员' : '暂无党员' }}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90, render: (v: string) => <a>{v}</a> },
            { title: '性别', dataIndex: 'gender', width: 60, render: (g: MemberListItem['gender']) => GENDER_LABELS[g] },
            { title: '出生日期', dataIndex: 'birthDate', width: 110, render: fmtDate },
            { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
            { title: '手机', dataIndex: 'phoneMasked', width: 130, render: orDash },
            { title: '学历', dataIndex: 'education', width: 100, render: orDash },
            { title: '入党日期', dataIndex: 'joinDate', width: 110, render: fmtDate },
            { title: '类别', dataIndex: 'category', width: 100, render: (c: MemberCategory) => <MemberCategoryTag category={c} /> },
            { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
            { title: '职务', dataIndex: 'post', width: 120, ellipsis: true, render: orDash },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
          ]}
        />
      </div>
      <MemberDrawer id={openId} onClose={() => setOpenId(null)} />
      <MemberFormModal
        open={creating}
        mode="create"
        defaultOrg={org ? { id: org.id, name: org.name } : { id: orgId, name: '' }}
        onClose={() => setCreating(false)}
        onSaved={(m) => setOpenId(m.id)}
      />
    </>
  );
}
