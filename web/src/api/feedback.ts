// Holds antd's context-aware message/notification/modal APIs so that code outside React
// (the fetch wrapper) can show feedback. <FeedbackBridge/> (inside antd <App>) fills it in.
import type { App } from 'antd';

type AppApi = ReturnType<typeof App.useApp>;

let appApi: AppApi | null = null;

export function setFeedback(api: AppApi): void {
  appApi = api;
}

export function feedback(): AppApi {
  if (!appApi) throw new Error('FeedbackBridge not mounted');
  return appApi;
}
