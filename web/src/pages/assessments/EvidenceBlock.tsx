// Evidence (佐证材料) of one item or the photos of an inspection: photo thumbnails that open the full image,
// documents as download links, links; and the upload buttons (the phone camera opens for "拍照上传").
import { useRef, useState } from 'react';
import { App, Button, Form, Image, Input, Popconfirm, Progress } from 'antd';
import { CameraOutlined, DeleteOutlined, FileOutlined, LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  EVIDENCE_ACCEPT, EVIDENCE_DOCUMENT_MAX_BYTES, EVIDENCE_PER_ITEM_MAX, EVIDENCE_PHOTO_MAX_BYTES,
} from '@contracts/assessment-labels';
import { isApiError } from '../../api/client';
import type { Evidence } from '../../api/types';
import { FormModal } from '../../components/FormModal';

const MB = 1024 * 1024;

/** Photos may be shown inline (the plain file URL downloads as an attachment). */
const inlineUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;

export function fmtSize(n: number | null): string {
  if (!n) return '';
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${Math.round(n / 1024)} KB`;
  return `${(n / MB).toFixed(1)} MB`;
}

interface Props {
  evidence: Evidence[];
  /** Upload one file; rejects with the ApiError (already shown as a message). */
  onUpload?: (file: File, onProgress: (percent: number) => void) => Promise<unknown>;
  onAddLink?: (url: string, name: string | undefined) => Promise<unknown>;
  onDelete?: (e: Evidence) => Promise<unknown>;
  /** Photos only (inspections). */
  photosOnly?: boolean;
  emptyText?: string;
  testId?: string;
}

export function EvidenceBlock({ evidence, onUpload, onAddLink, onDelete, photosOnly, emptyText, testId }: Props) {
  const photos = evidence.filter((e) => e.kind === 'photo');
  const others = evidence.filter((e) => e.kind !== 'photo');
  return (
    <div data-testid={testId}>
      {evidence.length === 0 && emptyText && <div style={{ color: '#999' }}>{emptyText}</div>}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <ul className="zd-as-evidence" style={{ marginBottom: others.length ? 8 : 0 }}>
            {photos.map((p) => (
              <li key={p.id} className="zd-as-photo" data-testid="evidence-photo">
                <Image
                  src={p.thumbUrl ?? p.fileUrl ?? undefined}
                  alt={p.name}
                  preview={p.fileUrl ? { src: inlineUrl(p.fileUrl) } : undefined}
                />
                <div className="name" title={p.name}>{p.takenOn ?? p.name}</div>
                {onDelete && <DeleteButton e={p} onDelete={onDelete} />}
              </li>
            ))}
          </ul>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <ul className="zd-as-evidence">
          {others.map((e) => (
            <li key={e.id} className="zd-as-file" data-testid="evidence-file">
              {e.kind === 'link' ? <LinkOutlined /> : <FileOutlined />}
              {e.kind === 'link' ? (
                <a href={e.url ?? '#'} target="_blank" rel="noreferrer noopener" title={e.url ?? ''}>{e.name || e.url}</a>
              ) : (
                <a href={e.fileUrl ?? '#'} download={e.name} title={`下载：${e.name}`}>{e.name}</a>
              )}
              {e.size ? <span className="size">{fmtSize(e.size)}</span> : null}
              {onDelete && <DeleteButton e={e} onDelete={onDelete} />}
            </li>
          ))}
        </ul>
      )}
      {onUpload && <Uploader count={evidence.length} onUpload={onUpload} onAddLink={onAddLink} photosOnly={photosOnly} />}
    </div>
  );
}

function DeleteButton({ e, onDelete }: { e: Evidence; onDelete: (e: Evidence) => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title="删除这份材料？"
      description={e.name}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await onDelete(e);
        } catch {
          /* shown by the client */
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button
        className="del"
        size="small"
        danger
        type={e.kind === 'photo' ? 'primary' : 'text'}
        icon={<DeleteOutlined />}
        loading={busy}
        aria-label={`删除 ${e.name}`}
      />
    </Popconfirm>
  );
}

function Uploader({ count, onUpload, onAddLink, photosOnly }: {
  count: number;
  onUpload: NonNullable<Props['onUpload']>;
  onAddLink?: Props['onAddLink'];
  photosOnly?: boolean;
}) {
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number; left: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const full = !photosOnly && count >= EVIDENCE_PER_ITEM_MAX;

  const send = async (list: FileList | null, input: HTMLInputElement | null) => {
    const picked = list ? Array.from(list) : [];
    if (input) input.value = ''; // the same file may be picked again
    if (picked.length === 0) return;
    setError(null);
    const errors: string[] = [];
    let done = 0;
    for (let i = 0; i < picked.length; i++) {
      const f = picked[i];
      const isImage = f.type.startsWith('image/') || /\.(jpe?g|png|webp|heic|heif)$/i.test(f.name);
      const max = isImage ? EVIDENCE_PHOTO_MAX_BYTES : EVIDENCE_DOCUMENT_MAX_BYTES;
      if (f.size > max) {
        errors.push(`“${f.name}”有 ${fmtSize(f.size)}，${isImage ? '照片' : '文件'}不能超过 ${max / MB} MB`);
        continue;
      }
      if (!photosOnly && count + done >= EVIDENCE_PER_ITEM_MAX) {
        errors.push(`每项最多 ${EVIDENCE_PER_ITEM_MAX} 份材料，“${f.name}”未上传`);
        continue;
      }
      setProgress({ name: f.name, percent: 0, left: picked.length - i - 1 });
      try {
        await onUpload(f, (percent) => setProgress({ name: f.name, percent, left: picked.length - i - 1 }));
        done++;
      } catch (e) {
        errors.push(`“${f.name}”上传失败：${isApiError(e) ? e.message : '请稍后重试'}`);
      }
    }
    setProgress(null);
    if (errors.length) setError(errors.join('；'));
    if (done) message.success(done === 1 ? '已上传' : `已上传 ${done} 份`);
  };

  return (
    <>
      <div className="zd-as-upload-buttons">
        <Button
          type="primary"
          ghost
          icon={<CameraOutlined />}
          disabled={full || !!progress}
          onClick={() => camera.current?.click()}
          data-testid="upload-photo-button"
        >
          拍照上传
        </Button>
        {!photosOnly && (
          <Button icon={<PaperClipOutlined />} disabled={full || !!progress} onClick={() => files.current?.click()}>
            上传文件
          </Button>
        )}
        {!photosOnly && onAddLink && (
          <Button icon={<LinkOutlined />} disabled={full || !!progress} onClick={() => setLinking(true)}>
            添加链接
          </Button>
        )}
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          multiple={photosOnly}
          hidden
          data-testid="photo-input"
          onChange={(e) => void send(e.target.files, e.target)}
        />
        {!photosOnly && (
          <input
            ref={files}
            type="file"
            accept={EVIDENCE_ACCEPT}
            multiple
            hidden
            data-testid="file-input"
            onChange={(e) => void send(e.target.files, e.target)}
          />
        )}
      </div>
      {progress && (
        <div style={{ marginTop: 6 }} data-testid="upload-progress">
          <div className="zd-as-hint" style={{ color: '#555' }}>
            正在上传“{progress.name}”{progress.left > 0 ? `（还有 ${progress.left} 个）` : ''}
          </div>
          <Progress percent={progress.percent} size="small" status="active" />
        </div>
      )}
      {error && (
        <div className="zd-as-danger" style={{ marginTop: 6 }} role="alert" data-testid="upload-error">
          {error}
        </div>
      )}
      <div className="zd-as-hint">
        {full
          ? `已达到每项 ${EVIDENCE_PER_ITEM_MAX} 份材料的上限，如需更换请先删除旧的。`
          : photosOnly
            ? `照片不超过 ${EVIDENCE_PHOTO_MAX_BYTES / MB} MB。`
            : `照片不超过 ${EVIDENCE_PHOTO_MAX_BYTES / MB} MB；文件支持 PDF、Word、Excel、PPT，不超过 ${EVIDENCE_DOCUMENT_MAX_BYTES / MB} MB；每项最多 ${EVIDENCE_PER_ITEM_MAX} 份。`}
      </div>
      {linking && onAddLink && (
        <FormModal<{ url: string; name?: string }>
          open
          title="添加链接"
          okText="添加"
          onClose={() => setLinking(false)}
          onSubmit={async ({ url, name }) => {
            await onAddLink(url.trim(), name?.trim() || undefined);
            message.success('已添加链接');
          }}
        >
          <Form.Item
            name="url"
            label="网址"
            extra="例如党建网站栏目、公众号文章的网址"
            rules={[
              { required: true, message: '请填写网址' },
              { pattern: /^https?:\/\/\S+$/, message: '网址应以 http:// 或 https:// 开头' },
              { max: 500, message: '网址太长' },
            ]}
          >
            <Input placeholder="https://" inputMode="url" autoFocus />
          </Form.Item>
          <Form.Item name="name" label="名称（选填）" rules={[{ max: 100, message: '名称不超过 100 字' }]}>
            <Input placeholder="例如：党建专栏" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
