// 上墙内容照片: the current standard's wall items and the two boards, each with its dated photos.
// On a phone the upload button opens the camera.
import { useState } from 'react';
import { App, Button, DatePicker, Empty, Image, Popconfirm, Spin, Tag, Typography, Upload } from 'antd';
import { CameraOutlined, DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { EVIDENCE_PHOTO_MAX_BYTES } from '@contracts/assessment-labels';
import { isApiError } from '../../api/client';
import { baseProfileKeys, deleteWallPhoto, uploadWallPhoto, wallPhotosQuery } from '../../api/baseProfiles';
import type { WallPhoto } from '../../api/types';
import { Panel } from '../../components/Panel';
import { fmtDate } from '../../lib/format';
import { BOARD_ITEMS } from './facts';

interface Slot {
  code: string;
  name: string;
  kind: 'required' | 'optional' | 'board' | 'other';
}

const KIND_TAGS: Record<Slot['kind'], { text: string; color?: string }> = {
  required: { text: '必选', color: 'red' },
  optional: { text: '备选' },
  board: { text: '宣传窗/公开栏', color: 'blue' },
  other: { text: '现行标准外' },
};

export function WallPhotos({ orgId }: { orgId: number }) {
  const photos = useQuery(wallPhotosQuery(orgId));

  let body;
  if (photos.isPending) {
    body = <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div>;
  } else if (photos.isError) {
    const missing = isApiError(photos.error, 'NOT_FOUND');
    body = (
      <Empty
        description={missing ? '上墙照片功能暂未开放' : '上墙照片加载失败'}
        image={Empty.PRESENTED_IMAGE_SIMPLE}
      >
        {!missing && <Button icon={<ReloadOutlined />} onClick={() => void photos.refetch()}>重试</Button>}
      </Empty>
    );
  } else {
    const { items, wallItems } = photos.data;
    const slots: Slot[] = [
      ...wallItems.map((w) => ({ code: w.code, name: w.name, kind: w.required ? ('required' as const) : ('optional' as const) })),
      ...BOARD_ITEMS.filter((b) => !wallItems.some((w) => w.code === b.code)).map((b) => ({ ...b, kind: 'board' as const })),
    ];
    // Photos of items the current standard no longer names are still shown (and can be deleted).
    for (const p of items) {
      if (!slots.some((s) => s.code === p.wallItem)) slots.push({ code: p.wallItem, name: p.wallItem, kind: 'other' });
    }
    const byItem = new Map<string, WallPhoto[]>();
    for (const p of [...items].sort((a, b) => b.takenOn.localeCompare(a.takenOn) || b.id - a.id)) {
      byItem.set(p.wallItem, [...(byItem.get(p.wallItem) ?? []), p]);
    }
    const required = wallItems.filter((w) => w.required);
    const done = required.filter((w) => byItem.has(w.code)).length;
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {wallItems.length === 0
            ? '现行标准未规定上墙内容，可上传宣传窗、党务公开栏的照片。'
            : `必选上墙内容 ${required.length} 项，已有照片 ${done} 项。请上传近期拍摄的照片，并填写拍摄日期。`}
        </Typography.Paragraph>
        <div className="zd-bp-walls">
          {slots.map((s) => (
            <WallSlot key={s.code} orgId={orgId} slot={s} photos={byItem.get(s.code) ?? []} />
          ))}
        </div>
      </>
    );
  }

  return (
    <Panel title="上墙内容照片" style={{ marginTop: 12 }}>
      <div data-testid="wall-photos">{body}</div>
    </Panel>
  );
}

function WallSlot({ orgId, slot, photos }: { orgId: number; slot: Slot; photos: WallPhoto[] }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [takenOn, setTakenOn] = useState<Dayjs>(() => dayjs());
  const [progress, setProgress] = useState<number | null>(null);
  const [latest, ...older] = photos;
  const tag = KIND_TAGS[slot.kind];
  const refresh = () => qc.invalidateQueries({ queryKey: baseProfileKeys.wallPhotos(orgId) });

  const remove = async (p: WallPhoto) => {
    try {
      await deleteWallPhoto(p.id);
      message.success('已删除照片');
    } catch {
      /* shown by the client */
    } finally {
      void refresh();
    }
  };

  return (
    <div className="zd-bp-wall" data-testid="wall-item" data-code={slot.code}>
      <div className="zd-bp-wall-head">
        <strong>{slot.name}</strong>
        <Tag color={tag.color}>{tag.text}</Tag>
      </div>
      {latest ? (
        <div className="zd-bp-latest">
          <PhotoThumb photo={latest} size={112} onDelete={() => void remove(latest)} />
          <div className="zd-bp-latest-meta">
            <div>拍摄于 {fmtDate(latest.takenOn)}</div>
            <Typography.Text type="secondary">{ageText(latest.takenOn)}</Typography.Text>
            {latest.photo.createdBy && <Typography.Text type="secondary">上传人：{latest.photo.createdBy}</Typography.Text>}
          </div>
        </div>
      ) : (
        <div className="zd-bp-nophoto">{slot.kind === 'required' ? '尚无照片（必选）' : '尚无照片'}</div>
      )}
      {older.length > 0 && (
        <div className="zd-bp-older">
          <Typography.Text type="secondary">以前的照片（{older.length}）</Typography.Text>
          <div className="zd-bp-older-list">
            <Image.PreviewGroup>
              {older.map((p) => (
                <div key={p.id} className="zd-bp-older-item">
                  <PhotoThumb photo={p} size={56} onDelete={() => void remove(p)} />
                  <span>{fmtDate(p.takenOn)}</span>
                </div>
              ))}
            </Image.PreviewGroup>
          </div>
        </div>
      )}
      <div className="zd-bp-upload">
        <DatePicker
          value={takenOn}
          onChange={(d) => setTakenOn(d ?? dayjs())}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          inputReadOnly
          aria-label="拍摄日期"
          style={{ width: 140 }}
        />
        <Upload
          accept="image/*"
          capture="environment"
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(file) => {
            if (file.size > EVIDENCE_PHOTO_MAX_BYTES) {
              message.error(`照片不能超过 ${EVIDENCE_PHOTO_MAX_BYTES / 1024 / 1024} MB`);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            setProgress(0);
            uploadWallPhoto(orgId, { wallItem: slot.code, takenOn: takenOn.format('YYYY-MM-DD'), file: file as File }, (percent) => {
              setProgress(percent);
              onProgress?.({ percent });
            })
              .then((saved) => {
                onSuccess?.(saved);
                message.success(`已上传“${slot.name}”的照片`);
              })
              .catch((e: Error) => onError?.(e))
              .finally(() => {
                setProgress(null);
                void refresh();
              });
          }}
        >
          <Button icon={<CameraOutlined />} loading={progress !== null} data-testid="wall-upload">
            {progress !== null ? `上传中 ${progress}%` : '拍照/上传'}
          </Button>
        </Upload>
      </div>
    </div>
  );
}

function PhotoThumb({ photo, size, onDelete }: { photo: WallPhoto; size: number; onDelete: () => void }) {
  const e = photo.photo;
  return (
    <div className="zd-bp-thumb" style={{ width: size }}>
      {e.thumbUrl || e.fileUrl ? (
        <Image
          src={e.thumbUrl ?? e.fileUrl ?? undefined}
          preview={e.fileUrl ? { src: e.fileUrl } : true}
          width={size}
          height={size}
          style={{ objectFit: 'cover', borderRadius: 4 }}
          alt={e.name}
        />
      ) : (
        <div className="zd-bp-thumb-missing" style={{ width: size, height: size }}>无预览</div>
      )}
      <Popconfirm title="删除这张照片？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={onDelete}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除照片" className="zd-bp-thumb-del" />
      </Popconfirm>
    </div>
  );
}

function ageText(date: string): string {
  const days = dayjs().startOf('day').diff(dayjs(date), 'day');
  if (days <= 0) return '今天';
  if (days < 30) return `${days} 天前`;
  if (days < 365) return `约 ${Math.floor(days / 30)} 个月前`;
  return `${Math.floor(days / 365)} 年多前`;
}
