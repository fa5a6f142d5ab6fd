// 专项工作: the campaigns (a standard version, a scope and a deadline), newest first; the work committee starts new ones.
import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Input, Modal, Progress, Select, Spin, Table, Tag, Typography } from 'antd';
import { FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { campaignKeys, campaignsQuery, createCampaign } from '../../api/campaigns';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { standardsQuery } from '../../api/standards';
import type { Campaign } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { OrgPicker } from '../../components/org/OrgPicker';
import { daysLeftColor, daysLeftText, fmtDate } from '../../lib/format';
import { CampaignStatusTag, daysUntil } from './shared';

export default function CampaignsPage() {
  const me = useMe().data;
  const list = useQuery(campaignsQuery());
  const navigate = useNavigate();
  const { withOrg } = useCurrentOrg();
  const [creating, setCreating] = useState(false);
  const canCreate = me?.role === 'work_committee_admin';
  const items = list.data?.items ?? [];
  const open = (c: Campaign) => navigate(withOrg(`/campaigns/${c.id}`));

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>专项工作</Typography.Title>
        <Typography.Text type="secondary">对照标准开展阵地建设自评、审核、验收，直至全覆盖</Typography.Text>
        <span style={{ flex: 1 }} />
        {canCreate && items.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发起专项工作</Button>
        )}
      </div>
      {!list.isPending && !list.isError && items.length === 0 ? (
        <div className="zd-panel" style={{ padding: '48px 16px' }}>
          <Empty
            image={<FlagOutlined style={{ fontSize: 56, color: '#c0282d' }} />}
            description={
              <div style={{ maxWidth: 520, margin: '0 auto', color: '#555', lineHeight: 1.8 }}>
                <div style={{ fontSize: 16, color: '#222', marginBottom: 4 }}>还没有专项工作</div>
                {'专项工作选定一个已发布的阵地建设标准、一个范围（某级党组织及其全部下级）和截止日期。' +
                  '范围内每个党组织对照标准开展阵地建设自评，上级党组织审核、验收，未达标的退回整改，' +
                  '直至范围内全部党组织通过验收、实现全覆盖。进度在覆盖情况看板中随时可查。'}
              </div>
            }
          >
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发起专项工作</Button>
            ) : (
              <Typography.Text type="secondary">专项工作由市直机关工委发起。</Typography.Text>
            )}
          </Empty>
        </div>
      ) : (
        <div data-testid="campaigns-table" className="zd-clickable-rows">
          <Table<Campaign>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: list.isError ? '加载失败，请刷新重试' : '暂无专项工作' }}
            onRow={(c) => ({ onClick: () => open(c) })}
            columns={[
              {
                title: '专项工作',
                dataIndex: 'title',
                render: (t: string, c) => <Link to={withOrg(`/campaigns/${c.id}`)} onClick={(e) => e.stopPropagation()}>{t}</Link>,
              },
              { title: '标准', key: 'standard', width: 220, ellipsis: true, render: (_: unknown, c) => `${c.standard.title}（${c.standard.version}）` },
              { title: '范围', key: 'scope', width: 180, ellipsis: true, render: (_: unknown, c) => c.scope.name },
              {
                title: '截止日期',
                dataIndex: 'deadline',
                width: 200,
                render: (d: string, c) => {
                  const days = daysUntil(d);
                  return (
                    <>
                      {fmtDate(d)}{' '}
                      {c.status === 'active' && (c.acceptedCount < c.assessmentCount || c.assessmentCount === 0) && (
                        <Tag color={daysLeftColor(days)} style={{ marginInlineStart: 4 }}>{daysLeftText(days)}</Tag>
                      )}
                    </>
                  );
                },
              },
              {
                title: '覆盖进度（已验收/应覆盖）',
                key: 'progress',
                width: 230,
                render: (_: unknown, c) => (
                  <Progress
                    size="small"
                    style={{ margin: 0 }}
                    percent={c.assessmentCount ? Math.round((c.acceptedCount / c.assessmentCount) * 1000) / 10 : 0}
                    format={() => `${c.acceptedCount}/${c.assessmentCount}`}
                  />
                ),
              },
              { title: '状态', dataIndex: 'status', width: 90, render: (s: Campaign['status']) => <CampaignStatusTag status={s} /> },
              { title: '发起日期', dataIndex: 'startedOn', width: 110, render: fmtDate },
            ]}
          />
        </div>
      )}
      {creating && (
        <CreateCampaignModal
          onClose={() => setCreating(false)}
          onCreated={(c) => navigate(withOrg(`/campaigns/${c.id}`))}
        />
      )}
    </>
  );
}

interface CreateValues {
  title: string;
  standardVersionId: number;
  scopeOrgId: number;
  deadline: Dayjs;
}

function CreateCampaignModal({ onClose, onCreated }: { onClose: () => void; onCreated: (c: Campaign) => void }) {
  const [form] = Form.useForm<CreateValues>();
  const { orgId, org } = useCurrentOrg();
  const qc = useQueryClient();
  const standards = useQuery(standardsQuery());
  const published = (standards.data ?? []).filter((s) => s.status === 'published');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let v: CreateValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const created = await createCampaign({
        title: v.title.trim(),
        standardVersionId: v.standardVersionId,
        scopeOrgId: v.scopeOrgId,
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      qc.setQueryData(campaignKeys.detail(created.id), created);
      void qc.invalidateQueries({ queryKey: campaignKeys.list() });
      onClose();
      onCreated(created);
    } catch (e) {
      if (isApiError(e) && e.details?.length) {
        const known = ['title', 'standardVersionId', 'scopeOrgId', 'deadline'];
        const fields = e.details
          .map((d) => ({ name: (d.field ?? '').replace(/^\//, '').split('/')[0], errors: [d.message] }))
          .filter((f) => known.includes(f.name));
        if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="发起专项工作"
      okText="发起"
      cancelText="取消"
      confirmLoading={busy}
      cancelButtonProps={{ disabled: busy }}
      closable={!busy}
      mask={{ closable: !busy }}
      keyboard={!busy}
      onOk={() => void submit()}
      onCancel={() => !busy && onClose()}
      width={560}
      destroyOnHidden
    >
      <Spin spinning={busy}>
        <Form<CreateValues>
          form={form}
          layout="vertical"
          disabled={busy}
          initialValues={{ scopeOrgId: orgId }}
          onValuesChange={(changed: Partial<CreateValues>) => {
            // The standard's own coverage deadline is the natural default.
            if (changed.standardVersionId && !form.getFieldValue('deadline')) {
              const std = published.find((s) => s.id === changed.standardVersionId);
              if (std && dayjs(std.coverageDeadline).isAfter(dayjs(), 'day')) form.setFieldValue('deadline', dayjs(std.coverageDeadline));
            }
          }}
        >
          <Form.Item
            name="title"
            label="名称"
            rules={[{ required: true, whitespace: true, message: '请输入名称' }, { min: 2, max: 100, message: '名称为 2 到 100 个字' }]}
          >
            <Input placeholder="如：2026 年机关党建阵地建设全覆盖" maxLength={100} showCount />
          </Form.Item>
          <Form.Item
            name="standardVersionId"
            label="对照标准"
            rules={[{ required: true, message: '请选择标准' }]}
            extra="只能选择已发布的标准版本"
          >
            <Select
              placeholder="选择已发布的标准"
              loading={standards.isPending}
              notFoundContent={standards.isPending ? '正在加载…' : '没有已发布的标准，请先在“标准管理”中发布'}
              options={published.map((s) => ({ value: s.id, label: `${s.title}（${s.version}，${s.requirementCount} 条要求）` }))}
            />
          </Form.Item>
          <Form.Item
            name="scopeOrgId"
            label="范围"
            rules={[{ required: true, message: '请选择范围' }]}
            extra="该组织及其全部下级党组织都要开展自评"
          >
            <OrgPicker initialLabel={org?.name} />
          </Form.Item>
          <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Form>
        {busy && <Alert type="info" showIcon title="正在为范围内的每个党组织生成自评任务，组织较多时需要几秒钟，请稍候，勿关闭页面。" />}
      </Spin>
    </Modal>
  );
}
