import { useEffect } from 'react';
import { App } from 'antd';
import { setFeedback } from '../api/feedback';

/** Hands antd's context-aware message/notification to non-React code while the admin area is shown. */
export function FeedbackBridge() {
  const api = App.useApp();
  setFeedback(api); // at once, for requests that fail before effects run
  useEffect(() => {
    setFeedback(api);
    return () => setFeedback(null);
  }, [api]);
  return null;
}
