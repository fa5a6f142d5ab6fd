// 学习资料: what the org reads (its own and its superiors'), newest first; add an article or a link, upload a file.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { STUDY_MATERIAL_KIND_LABELS, STUDY_MATERIAL_KINDS, type StudyMaterialKind } from '@contracts/study';
import { createMaterial, deleteMaterial, materialQuery, materialsQuery, updateMaterial, uploadMaterial } from '../../api/study';
import type { StudyMaterialSummary } from '../../api/types';
import { useDebounced } from '../../lib/useDebounced';

interface EditForm { kind: 'article' | 'link'; title: string; source?: string; body?: string; url?: string }

function MaterialView({ id, onClose }: { id: number; onClose: () => void }) {
  const m = useQuery(materialQuery(id));
  const d = m.data;
  return (
    <Modal open title={d?.title ?? '学习资料'} onCancel={onClose} footer={null} width={760}>
      {d && (
        <>
          <Typography.Paragraph type="secondary">{d.owner.name}{d.source ? ` · 来源：${d.source}` : ''}</Typography.Paragraph>
          {d.kind === 'article' && (d.body ?? '').split('\n').map((p, i) => <Typography.Paragraph key={i}>{p}</Typography.Paragraph>)}
          {d.kind === 'link' && d.url && <a href={d.url} target="_blank" rel="noreferrer noopener"><LinkOutlined /> {d.url}</a>}
          {d.kind === 'document' && d.fileUrl && <a href={d.fileUrl}>下载 {d.fileName}</a>}
        </>
      )}
    </Modal>
  );
}

export function MaterialsTab({ orgId }: { orgId: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [kind, setKind] = useState<StudyMaterialKind | undefined>();
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const list = useQuery(materialsQuery({ orgId, q: q || undefined, kind, before: cursor, limit: 30 }));
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<StudyMaterialSummary | 'new' | null>(null);
  const [uploading, setUploading] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const [form] = Form.useForm<EditForm>();
  const [upForm] = Form.useForm<{ title: string; source?: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['study'] });

  const openEdit = async (m: StudyMaterialSummary | 'new') => {
    setEditing(m);
    if (m === 'new') { form.setFieldsValue({ kind: 'article', title: '', source: '', body: '', url: '' }); return; }
    const full = await qc.fetchQuery(materialQuery(m.id));
    form.setFieldsValue({ kind: full.kind === 'link' ? 'link' : 'article', title: full.title, source: full.source ?? '', body: full.body ?? '', url: full.url ?? '' });
  };
  const save = async () => {
    const v = await form.validateFields();
    const fields = { title: v.title.trim(), source: v.source?.trim() || null, body: v.kind === 'article' ? v.body ?? null : null, url: v.kind === 'link' ? v.url?.trim() || null : null };
    if (editing === 'new') await createMaterial({ ownerOrgId: orgId, kind: v.kind, ...fields });
    else if (editing) await updateMaterial(editing.id, { ...fields, version: editing.version });
    setEditing(null);
    message.success('已保存');
    void refresh();
  };
  const doUpload = async () => {
    const v = await upForm.validateFields();
    if (!file) { message.error('请选择文件'); return; }
    await uploadMaterial(orgId, v.title.trim(), v.source?.trim() ?? '', file, setPercent);
    setUploading(false); setFile(null); upForm.resetFields();
    message.success('已上传');
    void refresh();
  };
  const kindValue = Form.useWatch('kind', form);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="按标题搜索" value={text} onChange={(e) => { setText(e.target.value); setBefore([]); }} style={{ width: 240 }} />
        <Select allowClear placeholder="类型" value={kind} onChange={(v) => { setKind(v); setBefore([]); }} style={{ width: 120 }}
          options={STUDY_MATERIAL_KINDS.map((k) => ({ value: k, label: STUDY_MATERIAL_KIND_LABELS[k] }))} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void openEdit('new')} data-testid="material-new">新增文章或链接</Button>
        <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>上传文件</Button>
      </Space>
      <Table<StudyMaterialSummary> scroll={{ x: 860 }}
        rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} pagination={false}
        locale={{ emptyText: '还没有学习资料' }}
        columns={[
          { title: '标题', render: (_, m) => <a onClick={() => setViewing(m.id)}>{m.title}</a> },
          { title: '类型', width: 80, render: (_, m) => <Tag>{STUDY_MATERIAL_KIND_LABELS[m.kind]}</Tag> },
          { title: '来源', dataIndex: 'source', render: (s: string | null) => s ?? '—' },
          { title: '提供单位', render: (_, m) => m.owner.name },
          { title: '更新时间', width: 120, render: (_, m) => m.updatedAt.slice(0, 10) },
          {
            title: '操作', width: 140, render: (_, m) => m.editable && (
              <Space>
                {m.kind !== 'document' && <Button size="small" onClick={() => void openEdit(m)}>编辑</Button>}
                <Popconfirm title="确定删除这份资料？" okText="删除" cancelText="取消" onConfirm={async () => { await deleteMaterial(m.id); void refresh(); }}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!before.length} onClick={() => setBefore(before.slice(0, -1))}>上一页</Button>
        <Button disabled={!list.data?.nextCursor} onClick={() => setBefore([...before, list.data!.nextCursor!])}>下一页</Button>
      </Space>
      {viewing !== null && <MaterialView id={viewing} onClose={() => setViewing(null)} />}
      <Modal title={editing === 'new' ? '新增学习资料' : '修改学习资料'} open={editing !== null} onOk={() => void save()} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" width={760} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="类型"><Radio.Group disabled={editing !== 'new'} options={[{ value: 'article', label: '文章' }, { value: 'link', label: '链接' }]} /></Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '标题应为 2 至 200 个字' }]}><Input /></Form.Item>
          <Form.Item name="source" label="来源（如：共产党员网、人民日报）"><Input maxLength={100} /></Form.Item>
          {kindValue === 'link'
            ? <Form.Item name="url" label="链接地址" rules={[{ required: true, message: '请填写链接地址' }, { pattern: /^https?:\/\/\S+$/, message: '请填写以 http:// 或 https:// 开头的地址' }]}><Input placeholder="https://www.12371.cn/" /></Form.Item>
            : <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: '请填写正文' }]}><Input.TextArea rows={12} maxLength={50000} /></Form.Item>}
        </Form>
      </Modal>
      <Modal title="上传学习资料文件" open={uploading} onOk={() => void doUpload()} onCancel={() => setUploading(false)} okText="上传" cancelText="取消" destroyOnHidden>
        <Form form={upForm} layout="vertical">
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '标题应为 2 至 200 个字' }]}><Input /></Form.Item>
          <Form.Item name="source" label="来源"><Input maxLength={100} /></Form.Item>
          <Upload maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png">
            <Button icon={<UploadOutlined />}>选择文件（PDF、Word、Excel、PPT 或照片）</Button>
          </Upload>
          {percent > 0 && percent < 100 && <Typography.Text type="secondary">已上传 {percent}%</Typography.Text>}
        </Form>
      </Modal>
    </>
  );
}
