// Streams a generated .xlsx as a download with a Chinese file name (RFC 5987, so every browser keeps it).
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const attachment = (name: string) => `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Beijing time as yyyyMMddHHmm, for file names people sort by. */
export const fileStamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');

export function sendXlsx(req: FastifyRequest, reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((e) => { req.log.error({ err: e }, `xlsx download failed: ${fileName}`); out.destroy(e); });
  reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(fileName));
  return reply.send(out);
}
