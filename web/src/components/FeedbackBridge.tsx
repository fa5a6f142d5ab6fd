import { App } from 'antd';
import { setFeedback } from '../api/feedback';

/** Hands antd's context-aware message/notification/modal to non-React code. */
export function FeedbackBridge() {
  setFeedback(App.useApp());
  return null;
}
