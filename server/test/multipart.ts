// A multipart/form-data body built by hand, as a browser sends it: text fields first, then one file.
import crypto from 'node:crypto';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface MultipartFile { field?: string; filename: string; contentType?: string; data: Buffer }

export function multipartBody(fields: Record<string, string | number>, file?: MultipartFile): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhendiTest${crypto.randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  if (file) {
    // The filename goes as UTF-8 bytes in quotes, which is what browsers do for Chinese names.
    const filename = file.filename.replace(/"/g, '%22');
    parts.push(Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${filename}"\r\n` +
      `Content-Type: ${file.contentType ?? XLSX_TYPE}\r\n\r\n`, 'utf8'));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const payload = Buffer.concat(parts);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(payload.length) } };
}
