import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from './NotFound';

/** Shown when a route fails to load or render; a failed chunk load usually means a new release. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const text = error instanceof Error ? error.message : '';
  const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(text);
  return (
    <Result
      status="error"
      title={chunkFailed ? '页面加载失败' : '页面出错了'}
      subTitle={chunkFailed ? '系统可能已经更新或网络不稳定，请刷新页面后重试。' : '请刷新页面重试；如果问题持续出现，请联系系统管理员。'}
      extra={<Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>}
    />
  );
}
