import type { ErrorBody, ErrorCode } from '@contracts/errors';

/** An error answer from the API (or a network failure, code 'NETWORK'). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly requestId: string | null;
  readonly details: ErrorBody['details'];

  constructor(
    status: number,
    body: Omit<Partial<ErrorBody>, 'code'> & { code: ErrorCode | 'NETWORK'; message: string },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId ?? null;
    this.details = body.details;
  }
}

export function isApiError(e: unknown, code?: ApiError['code']): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** Builds an ApiError from a non-2xx response, tolerating bodies that are not ErrorBody. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    const text = await res.text();
    if (text) body = JSON.parse(text) as Partial<ErrorBody>;
  } catch {
    body = {};
  }
  const code = body.code ?? fallbackCode(res.status);
  const message = body.message || fallbackMessage(res.status);
  return new ApiError(res.status, { ...body, code, message });
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'VALIDATION';
}

function fallbackMessage(status: number): string {
  if (status === 404) return '请求的内容不存在';
  if (status === 413) return '文件太大，超过了允许的上限';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return `服务器暂时无法处理请求（状态码 ${status}）`;
  return `请求失败（状态码 ${status}）`;
}

export const networkError = (): ApiError =>
  new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
