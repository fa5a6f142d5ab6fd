// What an uploaded file is, decided by its content (never by its name or the browser's type), and what is
// kept of it: photos are re-encoded by sharp, which drops EXIF (GPS included) and other metadata after
// applying the orientation, and get a thumbnail; documents are kept as they are.
// sharp (libvips) and file-type load on the first upload, not at start: most of a server's life has no upload,
// and loaded they hold some 15 MB of its memory.
import type { MultipartFile } from '@fastify/multipart';
import {
  EVIDENCE_DOCUMENT_MAX_BYTES, EVIDENCE_DOCUMENT_TYPES, EVIDENCE_PHOTO_MAX_BYTES, EVIDENCE_PHOTO_TYPES,
} from '../../../../contracts/assessment-labels.js';
import { badInput, tooLarge, unsupportedMedia } from '../../platform/errors.js';

export interface ProcessedFile {
  kind: 'photo' | 'document';
  name: string;
  mime: string;
  ext: string;
  bytes: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

const MAX_BYTES = Math.max(EVIDENCE_PHOTO_MAX_BYTES, EVIDENCE_DOCUMENT_MAX_BYTES);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const PHOTO_MAX_EDGE = 2560;
const THUMB_EDGE = 360;

/** Reads the upload into memory up to the limit; anything longer is a 413 and nothing is kept. */
export async function readUpload(file: MultipartFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.file) {
    size += chunk.length;
    if (size > MAX_BYTES) { file.file.resume(); throw tooLarge(`文件超过 ${mb(MAX_BYTES)}，请压缩后再上传`); }
    chunks.push(chunk as Buffer);
  }
  if (file.file.truncated) throw tooLarge(`文件超过 ${mb(MAX_BYTES)}，请压缩后再上传`);
  return Buffer.concat(chunks);
}

/**
 * The name to show: the last path part only (browsers and attackers send "C:\\x\\a.jpg" or "../../a.jpg"),
 * without control characters, at most 100 characters.
 */
export function displayName(raw: string | undefined, fallback: string): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  // A name of dots and an extension only ("....jpg", ".htaccess") gets the fallback's base name.
  if (clean.startsWith('.')) clean = clean.replace(/^\.+/, '') ? `${fallback.replace(/\.[^.]*$/, '')}.${clean.replace(/^\.+/, '')}` : '';
  return (clean || fallback).slice(0, 100);
}

const OLD_OFFICE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel' };

export async function processUpload(bytes: Buffer, rawName: string | undefined, opts: { photosOnly?: boolean } = {}): Promise<ProcessedFile> {
  if (bytes.length === 0) throw badInput('上传的文件是空的');
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  const mime = type?.mime ?? '';
  if ((EVIDENCE_PHOTO_TYPES as readonly string[]).includes(mime)) {
    if (bytes.length > EVIDENCE_PHOTO_MAX_BYTES) throw tooLarge(`照片超过 ${mb(EVIDENCE_PHOTO_MAX_BYTES)}，请压缩后再上传`);
    return processPhoto(bytes, rawName);
  }
  if (opts.photosOnly) throw unsupportedMedia('这里只能上传照片（JPEG、PNG、WebP、HEIC）');
  if ((EVIDENCE_DOCUMENT_TYPES as readonly string[]).includes(mime)) {
    if (bytes.length > EVIDENCE_DOCUMENT_MAX_BYTES) throw tooLarge(`文件超过 ${mb(EVIDENCE_DOCUMENT_MAX_BYTES)}，请压缩后再上传`);
    // An OLE compound file (x-cfb) is an old Word or Excel file: trust its extension only among those two.
    let ext = type!.ext;
    let docMime = mime;
    if (mime === 'application/x-cfb') {
      const named = (rawName ?? '').toLowerCase().split('.').pop() ?? '';
      if (!OLD_OFFICE[named]) throw unsupportedMedia('无法识别的 Office 文件，请另存为 .docx 或 .xlsx 后上传');
      ext = named; docMime = OLD_OFFICE[named];
    }
    return { kind: 'document', name: displayName(rawName, `文件.${ext}`), mime: docMime, ext, bytes, thumb: null, width: null, height: null };
  }
  throw unsupportedMedia('不支持的文件类型：请上传照片（JPEG、PNG、WebP、HEIC）或 PDF、Word、Excel、PowerPoint 文件');
}

async function processPhoto(bytes: Buffer, rawName: string | undefined): Promise<ProcessedFile> {
  const { default: sharp } = await import('sharp');
  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked (withMetadata), so the
    // output carries no EXIF, GPS, XMP or ICC beyond what the pixels need.
    const base = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
    const { data, info } = await base.clone()
      .resize({ width: PHOTO_MAX_EDGE, height: PHOTO_MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    const thumb = await base.clone().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 }).toBuffer();
    // The stored file is a JPEG whatever was sent, so its name says so (a photo sent as "报告.pdf" downloads as "报告.jpg").
    const name = `${displayName(rawName, '照片.jpg').replace(/\.[A-Za-z0-9]{1,5}$/, '')}.jpg`;
    return { kind: 'photo', name, mime: 'image/jpeg', ext: 'jpg', bytes: data, thumb, width: info.width, height: info.height };
  } catch {
    throw unsupportedMedia('照片无法读取（文件可能已损坏），请重新拍摄或换一张');
  }
}
