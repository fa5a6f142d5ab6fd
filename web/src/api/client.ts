// Typed fetch wrapper for /api: same-origin cookie session, CSRF header on writes, ErrorBody parsing,
// redirects (401 -> /login, PASSWORD_CHANGE_REQUIRED -> /change-password) and Chinese error messages.
import { ApiError, errorFromResponse, networkError } from './errors';
import { notify } from './feedback';
import { currentLocation, navigateTo } from './navigation';
import { queryClient } from './queryClient';

export { ApiError, isApiError } from './errors';

let csrfToken: string | null = null;

/** Kept in memory only; set from Me (login, GET /api/auth/me, password change). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  /** Query string values; undefined, null and '' are left out. */
  query?: object;
  body?: unknown;
  /** The caller shows the error itself (redirects still happen). */
  silent?: boolean;
  /** Do not go to /login on 401 (the login page, session probes). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: object): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function headersFor(method: string, hasJsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasJsonBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const hasBody = opts.body !== undefined;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw handleError(networkError(), opts);
  }
  if (!res.ok) throw handleError(await errorFromResponse(res), opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: object, opts?: RequestOptions) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
};

let redirectingToLogin = false;

/** Redirects and shows the error unless the caller handles it; returns the error to throw. */
function handleError(err: ApiError, opts: Pick<RequestOptions, 'silent' | 'noAuthRedirect'>): ApiError {
  if (err.status === 401 && !opts.noAuthRedirect) {
    goToLogin(err);
    return err;
  }
  if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') {
    if (window.location.pathname !== '/change-password') navigateTo('/change-password');
    return err;
  }
  if (err.code === 'CONFLICT') void queryClient.invalidateQueries();
  if (!opts.silent) showError(err);
  return err;
}

function goToLogin(err: ApiError): void {
  setCsrfToken(null);
  if (window.location.pathname === '/login' || redirectingToLogin) return;
  redirectingToLogin = true;
  setTimeout(() => (redirectingToLogin = false), 1000);
  if (err.code === 'SESSION_EXPIRED') notify.warning('登录已超时，请重新登录');
  navigateTo(`/login?next=${encodeURIComponent(currentLocation())}`, { replace: true });
}

/** Shows an error to the user in Chinese (5xx with the request id for support). */
export function showError(err: unknown): void {
  if (!(err instanceof ApiError)) {
    notify.error('操作失败，请稍后重试');
  } else if (err.code === 'NETWORK') {
    notify.error(err.message);
  } else if (err.status >= 500) {
    notify.serverError(err.message, err.requestId);
  } else if (err.code === 'CONFLICT') {
    notify.warning('该记录已被其他人修改，已重新加载最新数据，请核对后再操作。', 5);
  } else if (err.code === 'VALIDATION' && err.details?.length) {
    notify.error(`${err.message}：${err.details.map((d) => d.message).join('；')}`, 5);
  } else if (err.code === 'RATE_LIMITED') {
    notify.warning(err.message);
  } else {
    notify.error(err.message);
  }
}

/** POST multipart with upload progress (fetch cannot report it). */
export function upload<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
    }
    xhr.onload = async () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else {
        reject(handleError(await errorFromResponse(res), {}));
      }
    };
    xhr.onerror = () => reject(handleError(networkError(), {}));
    xhr.send(form);
  });
}

/**
 * Downloads a file (the .xlsx routes): GET with query -> blob -> save under the server's file name.
 * Shows a loading message with the bytes received while streaming. Resolves false on failure
 * (the error has been shown).
 */
export async function download(path: string, query?: object, fallbackName = '下载.xlsx'): Promise<boolean> {
  const key = `download-${Date.now()}`;
  notify.loading(key, '正在生成文件，请稍候…');
  try {
    let res: Response;
    try {
      res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
    } catch {
      throw networkError();
    }
    if (!res.ok) throw await errorFromResponse(res);
    const name = fileNameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
    const total = Number(res.headers.get('Content-Length')) || 0;
    const blob = await readBlob(res, (received) => {
      const size = total ? `${formatBytes(received)} / ${formatBytes(total)}` : formatBytes(received);
      notify.loading(key, `正在下载 ${size}…`);
    });
    saveBlob(blob, name);
    notify.replace(key, 'success', `已下载：${name}`);
    return true;
  } catch (e) {
    notify.dismiss(key);
    if (e instanceof ApiError) handleError(e, {});
    else showError(e);
    return false;
  }
}

async function readBlob(res: Response, onProgress: (received: number) => void): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let received = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    received += value.byteLength;
    const now = Date.now();
    if (now - lastReport > 250) {
      lastReport = now;
      onProgress(received);
    }
  }
  return new Blob(chunks, { type });
}

/** Reads filename*=UTF-8''… (RFC 5987) or filename="…" from Content-Disposition. */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
