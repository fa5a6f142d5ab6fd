// 阵地展示屏: the org's display tokens (a TV or computer in the activity room opens /display/<token> once and
// needs no login after), shown once when made, listed with when each display last fetched its data, revocable.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createDisplayToken, displayKeys, displayTokensQuery, revokeDisplayToken } from '../../api/display';
import type { DisplayToken, DisplayTokenCreated } from '../../api/types';
import { Panel } from '../../components/Panel';

const time = (s: string | null) => (s ? new Date(s).toLocaleString('zh-CN', { hour12: false }) : '—');

export function TokensPanel({ orgId, orgName }: { orgId: number; orgName: string }) {
  const tokens = useQuery(displayTokensQuery(orgId));
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<DisplayTokenCreated | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: displayKeys.tokens(orgId) });
  const fullUrl = created ? `${window.location.origin}${created.url}` : '';

  const submit = async () => {
    const v = await form.validateFields();
    const t = await createDisplayToken(orgId, v.name);
    setCreating(false);
    form.resetFields();
    setCreated(t);
    void refresh();
  };

  return (
    <Panel title="阵地展示屏" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="display-new">新建展示屏</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        在党员活动室的电视或电脑上用浏览器打开展示屏地址（按 F11 全屏），即可轮播入党誓词、党员权利义务、“三会一课”制度、党务公开、
        委员会成员、党建栏目文章、通知和学习活动。无需登录，每隔几分钟自动更新；断网时继续显示最近一次的内容并标注“离线”。
      </Typography.Paragraph>
      <Table<DisplayToken> scroll={{ x: 760 }}
        rowKey="id"
        size="middle"
        loading={tokens.isPending}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有展示屏' }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string) => <><DesktopOutlined /> {n}</> },
          { title: '状态', render: (_, t) => (t.revokedAt ? <Tag>已停用</Tag> : <Tag color="green">使用中</Tag>) },
          { title: '最近访问', dataIndex: 'lastSeenAt', render: time },
          { title: '创建', render: (_, t) => `${t.createdBy ?? ''} ${time(t.createdAt)}` },
          {
            title: '操作', render: (_, t) => !t.revokedAt && (
              <Popconfirm title="停用后这台展示屏将无法再显示内容，确定停用？" okText="停用" cancelText="取消"
                onConfirm={async () => { await revokeDisplayToken(t.id); message.success('已停用'); void refresh(); }}>
                <Button size="small" danger>停用</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal title={`为“${orgName}”新建展示屏`} open={creating} onOk={() => void submit()} onCancel={() => setCreating(false)} okText="创建" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ name: '党员活动室电视' }}>
          <Form.Item name="name" label="名称（便于区分多台屏幕）" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="展示屏已创建" open={created !== null} onCancel={() => setCreated(null)} footer={<Button type="primary" onClick={() => setCreated(null)}>我已记下地址</Button>}>
        <Alert type="warning" showIcon title="地址只显示这一次：请现在复制，或直接在活动室的电脑上打开。遗失后可停用并重新创建。" style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: fullUrl }} data-testid="display-url" style={{ wordBreak: 'break-all' }}>{fullUrl}</Typography.Paragraph>
        <a href={created?.url} target="_blank" rel="noreferrer" data-testid="display-preview">打开预览</a>
      </Modal>
    </Panel>
  );
}
