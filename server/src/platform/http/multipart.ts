// One file and a few text fields from a multipart request, in the order the browser sends them. The file is read
// into memory up to the evidence limit (readUpload); `beforeFile` runs when the file part begins, with the fields
// seen so far, so a refused upload is stopped before its body is read.
import type { FastifyRequest } from 'fastify';
import { badInput } from '../errors.js';
import { readUpload } from '../../modules/evidence/evidence.file.js';

export interface Upload { bytes: Buffer; filename: string | undefined; fields: Record<string, string> }

export async function readMultipart(req: FastifyRequest, beforeFile?: (fields: Record<string, string>) => Promise<void>): Promise<Upload> {
  if (!req.isMultipart()) throw badInput('请以 multipart/form-data 上传文件');
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  let filename: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (bytes) { part.file.resume(); continue; }
      if (beforeFile) {
        try { await beforeFile(fields); } catch (e) { part.file.resume(); throw e; }
      }
      bytes = await readUpload(part);
      filename = part.filename;
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.slice(0, 200);
    }
  }
  if (!bytes) throw badInput('请选择要上传的文件');
  return { bytes, filename, fields };
}
