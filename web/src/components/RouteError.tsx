// Shown when a route fails to load or render (plain markup: it may show before antd has loaded).
// A failed chunk load usually means a new release or a lost connection.
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const text = error instanceof Error ? error.message : '';
  const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch|error loading/i.test(text);
  const title = notFound ? '页面不存在' : chunkFailed ? '页面加载失败' : '页面出错了';
  const detail = notFound
    ? '您访问的页面不存在或已被移除。'
    : chunkFailed
      ? '系统可能已经更新或网络不稳定，请刷新页面后重试。'
      : '请刷新页面重试；如果问题持续出现，请联系系统管理员。';
  return (
    <div className="zp-center" role="alert">
      <div style={{ fontSize: 22, color: '#333', marginBottom: 8 }}>{title}</div>
      <div style={{ fontSize: 16, marginBottom: 24 }}>{detail}</div>
      <button type="button" className="zd-plain-btn" onClick={() => (notFound ? window.location.assign('/') : window.location.reload())}>
        {notFound ? '返回首页' : '刷新页面'}
      </button>
    </div>
  );
}
