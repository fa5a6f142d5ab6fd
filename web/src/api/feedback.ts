// Feedback to the user from code outside React (the fetch wrapper). In the admin area, antd's
// context-aware message/notification (registered by <FeedbackBridge/>); on the member pages, which
// load no antd, a small DOM toast.
import type { App } from 'antd';
import { dismissToast, toast } from '../lib/toast';

type AppApi = ReturnType<typeof App.useApp>;

let appApi: AppApi | null = null;

export function setFeedback(api: AppApi | null): void {
  appApi = api;
}

export const notify = {
  error(text: string, seconds = 4): void {
    if (appApi) appApi.message.error(text, seconds);
    else toast(text, 'error', seconds);
  },
  warning(text: string, seconds = 4): void {
    if (appApi) appApi.message.warning(text, seconds);
    else toast(text, 'warning', seconds);
  },
  success(text: string, seconds = 3): void {
    if (appApi) appApi.message.success(text, seconds);
    else toast(text, 'success', seconds);
  },
  /** A 5xx: stays until closed, with the request id for the administrator. */
  serverError(text: string, requestId: string | null): void {
    const description = `${text}${requestId ? `（请求编号：${requestId}，请告知系统管理员）` : ''}`;
    if (appApi) appApi.notification.error({ title: '服务器出错', description, duration: 0 });
    else toast(`服务器出错：${description}`, 'error', 10);
  },
  /** A message that stays until replaced (by key) or dismissed. */
  loading(key: string, text: string): void {
    if (appApi) appApi.message.open({ key, type: 'loading', content: text, duration: 0 });
    else toast(text, 'info', 0, key);
  },
  replace(key: string, kind: 'success' | 'error', text: string): void {
    if (appApi) appApi.message.open({ key, type: kind, content: text, duration: 3 });
    else toast(text, kind, 3, key);
  },
  dismiss(key: string): void {
    if (appApi) appApi.message.destroy(key);
    else dismissToast(key);
  },
};
