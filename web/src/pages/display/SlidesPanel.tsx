// 廉政屏保: the work committee's clean-governance slides. Its admins edit them; every admin downloads them as a
// ZIP of 1920x1080 PNGs with the organization's name, rendered here in the browser.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SLIDE_LINES_MAX } from '@contracts/display';
import { createSlide, deleteSlide, displayKeys, slidesQuery, updateSlide } from '../../api/display';
import { saveBlob } from '../../api/client';
import type { Slide } from '../../api/types';
import { Panel } from '../../components/Panel';
import { buildScreensaverZip, drawSlide, zipName } from './screensaver';

interface SlideForm { title: string; text: string; sortOrder: number; enabled: boolean }

function Preview({ slide, orgName }: { slide: Pick<Slide, 'title' | 'lines'>; orgName: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => { if (ref.current) drawSlide(ref.current, slide, orgName); }, [slide, orgName]);
  return <canvas ref={ref} style={{ width: 192, height: 108, borderRadius: 4 }} />;
}

export function SlidesPanel({ orgId, orgName }: { orgId: number; orgName: string }) {
  const slides = useQuery(slidesQuery(orgId));
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Slide | 'new' | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [form] = Form.useForm<SlideForm>();
  const data = slides.data;
  const enabled = (data?.items ?? []).filter((s) => s.enabled);
  const refresh = () => qc.invalidateQueries({ queryKey: displayKeys.slides(orgId) });

  const download = async () => {
    setProgress(0);
    try {
      const blob = await buildScreensaverZip(enabled, orgName, (done, total) => setProgress(Math.round((done / total) * 100)));
      saveBlob(blob, zipName(orgName));
      message.success(`已生成 ${enabled.length} 张屏保图片`);
    } catch {
      message.error('生成屏保失败，请换用新版 Chrome、Edge 或 Firefox 浏览器重试');
    } finally {
      setTimeout(() => setProgress(null), 1500);
    }
  };

  const open = (s: Slide | 'new') => {
    setEditing(s);
    form.setFieldsValue(s === 'new'
      ? { title: '', text: '', sortOrder: ((data?.items.at(-1)?.sortOrder ?? 0) + 10), enabled: true }
      : { title: s.title, text: s.lines.join('\n'), sortOrder: s.sortOrder, enabled: s.enabled });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { title: v.title.trim(), lines: v.text.split('\n').map((l) => l.trim()).filter(Boolean), sortOrder: v.sortOrder, enabled: v.enabled };
    if (editing === 'new') await createSlide({ rootId: data!.root.id, ...body });
    else if (editing) await updateSlide(editing.id, { ...body, version: editing.version });
    setEditing(null);
    message.success('已保存');
    void refresh();
  };

  return (
    <Panel
      title="党风廉政教育屏保"
      style={{ marginTop: 12 }}
      extra={
        <Space>
          {data?.editable && <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="slide-new">新增一页</Button>}
          <Button type="primary" icon={<DownloadOutlined />} disabled={!enabled.length || progress !== null} onClick={() => void download()} data-testid="screensaver-download">
            下载屏保（{enabled.length} 张）
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        由{data?.root.name ?? '机关工委'}统一维护。下载得到 1920×1080 的图片压缩包，底部印有“{orgName}”，
        解压后在 Windows 的“照片”屏幕保护程序中选择该文件夹即可（压缩包内附使用说明）。
      </Typography.Paragraph>
      {progress !== null && <Progress percent={progress} data-testid="screensaver-progress" style={{ marginBottom: 12 }} />}
      <Table<Slide> scroll={{ x: 760 }}
        rowKey="id"
        size="middle"
        loading={slides.isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: '预览', width: 220, render: (_, s) => <Preview slide={s} orgName={orgName} /> },
          { title: '标题', dataIndex: 'title' },
          { title: '内容', render: (_, s) => s.lines.map((l, i) => <div key={i}>{l}</div>) },
          { title: '顺序', dataIndex: 'sortOrder', width: 70 },
          { title: '状态', width: 80, render: (_, s) => (s.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          ...(data?.editable ? [{
            title: '操作', width: 140, render: (_: unknown, s: Slide) => (
              <Space>
                <Button size="small" onClick={() => open(s)}>编辑</Button>
                <Popconfirm title="确定删除这一页？" okText="删除" cancelText="取消" onConfirm={async () => { await deleteSlide(s.id); void refresh(); }}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal title={editing === 'new' ? '新增屏保页' : '编辑屏保页'} open={editing !== null} onOk={() => void save()} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 40 }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="text" label={`内容（每行一句，最多 ${SLIDE_LINES_MAX} 行，每行不超过 60 字）`}
            rules={[{ required: true, whitespace: true, message: '请填写内容' }, {
              validator: (_, v: string) => {
                const lines = (v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
                if (lines.length > SLIDE_LINES_MAX) return Promise.reject(new Error(`最多 ${SLIDE_LINES_MAX} 行`));
                if (lines.some((l) => l.length > 60)) return Promise.reject(new Error('每行不超过 60 字'));
                return Promise.resolve();
              },
            }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="sortOrder" label="顺序（小的在前）"><InputNumber min={0} max={9999} /></Form.Item>
            <Form.Item name="enabled" label="启用" valuePropName="checked"><Switch /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </Panel>
  );
}
