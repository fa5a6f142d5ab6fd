// Domain errors with stable codes; the single error handler maps them to HTTP.
import type { ErrorCode } from '../../../contracts/errors.js';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: { field?: string; message: string }[],
  ) {
    super(message);
  }
}
export const badInput = (message: string, details?: { field?: string; message: string }[]) =>
  new AppError('VALIDATION', 400, message, details);
export const notFound = (what = '记录') => new AppError('NOT_FOUND', 404, `${what}不存在或已被删除`);
export const forbidden = (message = '您无权进行此操作') => new AppError('FORBIDDEN', 403, message);
export const conflict = (message = '该记录已被他人修改，请刷新后重试') => new AppError('CONFLICT', 409, message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', 401, message);
export const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', 413, message);
export const unsupportedMedia = (message: string) => new AppError('UNSUPPORTED_MEDIA', 415, message);
