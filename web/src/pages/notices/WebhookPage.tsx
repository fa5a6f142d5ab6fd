// Chat-robot push for the current org (DingTalk / WeCom group robot): off by default; notices that reach this org
// are posted to the group, with retries. The delivery log shows every attempt's outcome.
import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, Radio, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DELIVERY_STATUS_LABELS, WEBHOOK_KIND_LABELS, WEBHOOK_KINDS, type WebhookKind } from '@contracts/notice-labels';
import { deliveriesQuery, noticeKeys, saveWebhook, webhookQuery, type Delivery } from '../../api/notices';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtTime } from '../../lib/format';

interface Values { kind: WebhookKind; url: string; secret: string; enabled: boolean }
const STATUS_COLOR = { pending: 'processing', sent: 'success', failed: 'error' } as const;

export default function WebhookPage() {
  const { orgId, org } = useCurrentOrg();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const hook = useQuery(webhookQuery(orgId));
  const log = useQuery({ ...deliveriesQuery(orgId), refetchInterval: 10_000 });
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (hook.data) form.setFieldsValue({ kind: hook.data.kind ?? 'dingtalk', enabled: hook.data.enabled, url: '', secret: '' });
  }, [hook.data, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !hook.data) return;
    await saveWebhook(orgId, {
      kind: v.kind, enabled: v.enabled, version: hook.data.version,
      ...(v.url.trim() ? { url: v.url.trim() } : {}),
      ...(v.kind === 'dingtalk' && v.secret.trim() ? { secret: v.secret.trim() } : {}),
    });
    message.success('已保存');
    await qc.invalidateQueries({ queryKey: noticeKeys.webhook(orgId) });
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>群机器人推送</Typography.Title>
        <Typography.Text type="secondary">{org?.name ?? ''}：发往本组织的通知和未读提醒同时推送到钉钉或企业微信工作群</Typography.Text>
      </div>
      <div className="zd-panel" style={{ maxWidth: 760, padding: 24, marginBottom: 16 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="在群设置中添加“自定义机器人”（钉钉，建议勾选“加签”）或“群机器人”（企业微信），把得到的网址填在下面。推送只含标题和摘要，全文请党员登录查看。" />
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'dingtalk', enabled: false, url: '', secret: '' }}>
          <Form.Item name="kind" label="类型">
            <Radio.Group options={WEBHOOK_KINDS.map((k) => ({ value: k, label: WEBHOOK_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="url" label="机器人网址" extra={hook.data?.configured ? `当前：${hook.data.urlMasked}（留空则不修改）` : '以 https:// 开头'}
            rules={[{ required: !hook.data?.configured, whitespace: true, message: '请填写机器人网址' }]}>
            <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" />
          </Form.Item>
          {kind === 'dingtalk' && (
            <Form.Item name="secret" label="加签密钥（SEC 开头）" extra={hook.data?.hasSecret ? '已设置（留空则不修改）' : '未设置'}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="enabled" label="启用推送" valuePropName="checked"><Switch /></Form.Item>
          <Button type="primary" onClick={() => void save()} disabled={!hook.data}>保存</Button>
        </Form>
      </div>
      <div className="zd-panel">
        <Typography.Title level={5} style={{ padding: '12px 16px 0' }}>推送记录</Typography.Title>
        <Table<Delivery>
          rowKey="id" size="small" loading={log.isPending} dataSource={log.data?.items ?? []} pagination={false}
          locale={{ emptyText: '暂无推送记录' }} scroll={{ x: 900 }}
          columns={[
            {
              title: '通知', dataIndex: 'noticeTitle', ellipsis: true,
              render: (t: string, d: Delivery) => <>{d.reminder && <Tag color="orange">提醒</Tag>}{t}</>,
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: Delivery['status']) => <Tag color={STATUS_COLOR[s]}>{DELIVERY_STATUS_LABELS[s]}</Tag> },
            { title: '尝试次数', dataIndex: 'attempts', width: 90, align: 'right' },
            { title: 'HTTP 状态', dataIndex: 'httpStatus', width: 100, render: (h: number | null) => h ?? '—' },
            { title: '错误', dataIndex: 'error', width: 220, ellipsis: true, render: (e: string | null) => e ?? '—' },
            { title: '下次重试', dataIndex: 'nextAttemptAt', width: 150, render: (t: string | null) => (t ? fmtTime(t) : '—') },
            { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: fmtTime },
          ]}
        />
      </div>
    </>
  );
}
