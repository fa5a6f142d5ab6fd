// Send a notice: kind, audience (all members or those with a post), title, plain-text body, and the scope:
// the current org with everything under it, or chosen orgs (each optionally with its subtree).
import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  NOTICE_AUDIENCE_LABELS, NOTICE_AUDIENCES, NOTICE_BODY_MAX, NOTICE_KIND_LABELS, NOTICE_KINDS, NOTICE_TITLE_MAX, type NoticeAudience, type NoticeKind,
} from '@contracts/notice-labels';
import { noticeKeys, sendNotice } from '../../api/notices';
import { isApiError } from '../../api/client';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { OrgPicker } from '../../components/org/OrgPicker';

interface Values { kind: NoticeKind; audience: NoticeAudience; title: string; body: string; scope: 'subtree' | 'chosen' }
interface Chosen { key: number; orgId?: number; subtree: boolean }

export default function NoticeSendPage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const scope = Form.useWatch('scope', form) ?? 'subtree';
  const [chosen, setChosen] = useState<Chosen[]>([{ key: 1, subtree: true }]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const targets = v.scope === 'subtree'
      ? [{ orgId, subtree: true }]
      : chosen.filter((c) => c.orgId).map((c) => ({ orgId: c.orgId!, subtree: c.subtree }));
    if (targets.length === 0) { setProblem('请至少选择一个组织'); return; }
    setBusy(true); setProblem(null);
    try {
      const n = await sendNotice({ senderOrgId: orgId, kind: v.kind, audience: v.audience, title: v.title.trim(), body: v.body, targets });
      await qc.invalidateQueries({ queryKey: noticeKeys.all });
      navigate(withOrg(`/notices/${n.id}`));
    } catch (e) {
      if (isApiError(e)) setProblem(e.details?.map((d) => d.message).join('；') || e.message);
    } finally { setBusy(false); }
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>发送通知</Typography.Title>
        <Typography.Text type="secondary">以“{org?.name ?? ''}”的名义发送</Typography.Text>
      </div>
      <div className="zd-panel" style={{ maxWidth: 760, padding: 24 }}>
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'theory', audience: 'all', scope: 'subtree', title: '', body: '' }}>
          <Form.Item name="kind" label="类别">
            <Radio.Group optionType="button" options={NOTICE_KINDS.map((k) => ({ value: k, label: NOTICE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { min: 2, message: '标题至少 2 个字' }]}>
            <Input maxLength={NOTICE_TITLE_MAX} showCount placeholder="如：关于开展十一月主题党日活动的通知" data-testid="notice-title" />
          </Form.Item>
          <Form.Item name="body" label="内容" extra="纯文本，保留换行；党员在手机上以大字阅读。" rules={[{ required: true, whitespace: true, message: '请填写通知内容' }]}>
            <Input.TextArea rows={10} maxLength={NOTICE_BODY_MAX} showCount data-testid="notice-body" />
          </Form.Item>
          <Form.Item name="audience" label="发送对象">
            <Radio.Group options={NOTICE_AUDIENCES.map((a) => ({ value: a, label: NOTICE_AUDIENCE_LABELS[a] }))} />
          </Form.Item>
          <Form.Item name="scope" label="发送范围">
            <Radio.Group options={[{ value: 'subtree', label: `${org?.name ?? '本组织'}及全部下级组织` }, { value: 'chosen', label: '选定的组织' }]} />
          </Form.Item>
          {scope === 'chosen' && (
            <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
              {chosen.map((c, i) => (
                <Space key={c.key} style={{ width: '100%' }} align="center">
                  <div style={{ width: 420 }}>
                    <OrgPicker value={c.orgId} placeholder="选择组织（须在本组织范围内）"
                      onChange={(id) => setChosen(chosen.map((x, j) => (j === i ? { ...x, orgId: id } : x)))} />
                  </div>
                  <Checkbox checked={c.subtree} onChange={(e) => setChosen(chosen.map((x, j) => (j === i ? { ...x, subtree: e.target.checked } : x)))}>含下级组织</Checkbox>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="移除" disabled={chosen.length === 1} onClick={() => setChosen(chosen.filter((_, j) => j !== i))} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => setChosen([...chosen, { key: Date.now(), subtree: true }])}>添加组织</Button>
            </Space>
          )}
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void submit()} data-testid="notice-send">发送</Button>
            <Button onClick={() => navigate(withOrg('/notices'))}>取消</Button>
          </Space>
        </Form>
      </div>
    </>
  );
}
