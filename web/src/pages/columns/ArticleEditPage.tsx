// Writing and reviewing an article: title, author, summary, the rich-text body with images and attachments;
// save, preview (what the server stored after sanitizing), submit for review, publish now or at a time, return
// with a comment, withdraw. Editing a pending or withdrawn article takes it back to draft (the server decides).
import { useRef, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Spin, Typography, Upload } from 'antd';
import { EyeOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  articleQuery, contentKeys, createArticle, reviewArticle, submitArticle, toEditorHtml, unpublishArticle, updateArticle, uploadArticleFile,
} from '../../api/content';
import type { Article } from '../../api/types';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { fmtTime } from '../../lib/format';
import { RichEditor, type RichEditorHandle } from './RichEditor';
import { ArticleStatusTag } from './shared';
import './columns.css';

interface Fields { title: string; author: string; summary: string }
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function Editor({ article, columnId }: { article: Article | null; columnId: number }) {
  const [form] = Form.useForm<Fields>();
  const { withOrg } = useCurrentOrg();
  const qc = useQueryClient();
  const [current, setCurrent] = useState<Article | null>(article);
  const body = useRef(article ? toEditorHtml(article.body) : '');
  const editor = useRef<RichEditorHandle | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState<Dayjs | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  const done = async (a: Article) => {
    setCurrent(a);
    qc.setQueryData(contentKeys.article(a.id), a);
    // Lists and freshness (a publication makes a column fresh); not this article, which the editor holds.
    await Promise.all(['articles', 'column', 'columns'].map((k) => qc.invalidateQueries({ queryKey: ['content', k] })));
    // The address follows a new article without a router navigation, which would remount the editor mid-upload.
    if (!current) window.history.replaceState(window.history.state, '', withOrg(`/columns/articles/${a.id}`));
    return a;
  };
  const run = async <T,>(f: () => Promise<T>) => { setBusy(true); try { return await f(); } finally { setBusy(false); } };
  /** Saves what is on screen (creating the article the first time); answers the stored article. */
  const save = async (): Promise<Article> => {
    const v = await form.validateFields();
    const payload = { title: v.title, author: v.author ?? '', summary: v.summary ?? '', body: body.current };
    const a = current ? await updateArticle(current.id, { ...payload, version: current.version }) : await createArticle(columnId, payload);
    return done(a);
  };
  const editable = !current || current.status !== 'published';

  const addFile = async (file: File, asImage: boolean) => {
    await run(async () => {
      const a = current ?? await save();
      const f = await uploadArticleFile(a.id, file);
      if (f.kind === 'photo' && asImage) editor.current?.insertHtml(`<p><img src="${f.url}" alt="${esc(f.name)}"></p>`);
      else editor.current?.insertHtml(`<p><a href="${f.url}">${esc(f.name)}</a></p>`);
    });
    return false;
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>{current ? '编辑文章' : '写文章'}</Typography.Title>
        {current && <ArticleStatusTag status={current.status} scheduled={current.scheduled} />}
        {current?.publicUrl && <a href={current.publicUrl} target="_blank" rel="noopener noreferrer">查看公开页面</a>}
        <span style={{ flex: 1 }} />
        <Link to={withOrg('/columns')}>返回栏目文章</Link>
      </div>
      {current?.status === 'draft' && current.reviewComment && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`退回意见（${current.reviewedBy ?? ''}）：${current.reviewComment}`} />
      )}
      {current?.scheduled && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已定时发布，将于 ${fmtTime(current.publishAt)} 在党建网站显示`} />}
      {current?.status === 'published' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="文章已发布。如需修改，请先撤下。" />}
      <div className="zd-panel" style={{ padding: 16 }}>
        <Form form={form} layout="vertical" disabled={!editable || busy}
          initialValues={{ title: current?.title ?? '', author: current?.author ?? '', summary: current?.summary ?? '' }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, max: 100, message: '请填写标题（不超过 100 字）' }]}>
            <Input data-testid="article-title" />
          </Form.Item>
          <Space wrap style={{ width: '100%' }} styles={{ item: { flex: 1, minWidth: 240 } }}>
            <Form.Item name="author" label="作者" rules={[{ max: 50 }]}><Input placeholder="不填则为当前账号的姓名" /></Form.Item>
            <Form.Item name="summary" label="摘要" rules={[{ max: 300 }]}><Input placeholder="不填则取正文开头" /></Form.Item>
          </Space>
          <Form.Item label="正文" required>
            <Space style={{ marginBottom: 8 }}>
              <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => addFile(f, true)} disabled={!editable || busy}>
                <Button icon={<PictureOutlined />} disabled={!editable || busy}>插入图片</Button>
              </Upload>
              <Upload accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx" showUploadList={false} beforeUpload={(f) => addFile(f, false)} disabled={!editable || busy}>
                <Button icon={<PaperClipOutlined />} disabled={!editable || busy}>添加附件</Button>
              </Upload>
              <Typography.Text type="secondary">可直接粘贴 Word 内容，保存时自动清理格式，保留标题、列表、表格和图片。</Typography.Text>
            </Space>
            {editable ? (
              <RichEditor value={body.current} onChange={(h) => (body.current = h)} handleRef={(h) => (editor.current = h)} testId="article-body" />
            ) : (
              <div className="zd-article-preview" dangerouslySetInnerHTML={{ __html: toEditorHtml(current!.body) }} />
            )}
          </Form.Item>
        </Form>
        <Space wrap>
          {editable && <Button type="primary" loading={busy} onClick={() => run(save)}>保存</Button>}
          <Button icon={<EyeOutlined />} disabled={busy} onClick={() => run(async () => { if (editable) await save(); setPreview(true); })}>预览</Button>
          {editable && (!current || current.status !== 'pending') && (
            <Button loading={busy} onClick={() => run(async () => { const a = await save(); await done(await submitArticle(a.id, a.version)); })}>提交审核</Button>
          )}
          {current?.status === 'pending' && (
            <>
              <Button type="primary" loading={busy} onClick={() => run(async () => done(await reviewArticle(current.id, { version: current.version, decision: 'publish' })))}>审核通过并发布</Button>
              <Button disabled={busy} onClick={() => setScheduling(true)}>定时发布</Button>
              <Button danger disabled={busy} onClick={() => setReturning(true)}>退回修改</Button>
            </>
          )}
          {current?.status === 'published' && (
            <Button danger loading={busy} onClick={() => run(async () => done(await unpublishArticle(current.id, current.version)))}>撤下</Button>
          )}
        </Space>
      </div>

      <Modal title="预览" open={preview} onCancel={() => setPreview(false)} footer={null} width={800}>
        {current && (
          <div className="zd-article-preview" data-testid="article-preview">
            <h1 style={{ fontSize: 24 }}>{current.title}</h1>
            <div style={{ color: '#888', marginBottom: 12 }}>{current.author} · {current.column.title}</div>
            {/* The body as the server stored it: sanitized with the allow-list. */}
            <div dangerouslySetInnerHTML={{ __html: toEditorHtml(current.body) }} />
          </div>
        )}
      </Modal>
      <Modal title="定时发布" open={scheduling} onCancel={() => setScheduling(false)} okText="确定" cancelText="取消" okButtonProps={{ disabled: !when }}
        onOk={() => run(async () => { await done(await reviewArticle(current!.id, { version: current!.version, decision: 'publish', publishAt: when!.toISOString() })); setScheduling(false); })}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={when} onChange={setWhen} style={{ width: '100%' }} placeholder="选择发布时间" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>到时间后文章自动在党建网站显示，无需再次操作。</Typography.Paragraph>
      </Modal>
      <Modal title="退回修改" open={returning} onCancel={() => setReturning(false)} okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: !comment.trim() }}
        onOk={() => run(async () => { await done(await reviewArticle(current!.id, { version: current!.version, decision: 'return', comment })); setReturning(false); })}>
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="请写明需要修改的地方" maxLength={300} />
      </Modal>
    </>
  );
}

export default function ArticleEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const isNew = id === undefined || id === 'new';
  const q = useQuery({ ...articleQuery(Number(id)), enabled: !isNew });
  if (isNew) {
    const columnId = Number(params.get('column'));
    if (!columnId) return <Alert type="error" title="请从栏目文章页面进入写文章" />;
    return <Editor article={null} columnId={columnId} />;
  }
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" title="文章不存在或无权查看" />;
  return <Editor key={q.data.id} article={q.data} columnId={q.data.columnId} />;
}
