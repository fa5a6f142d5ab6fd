// antd for the admin area: zh_CN locale, theme, App (message/notification/modal) and the feedback bridge.
// Loaded as a route so that the member pages (login, password, 我的信息) do not download antd.
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Outlet } from 'react-router';
import { theme } from '../theme';
import { FeedbackBridge } from './FeedbackBridge';

export default function AntdRoot() {
  return (
    // autoInsertSpace off: buttons read "保存", not "保 存" (also what tests and screen readers see).
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <App>
        <FeedbackBridge />
        <Outlet />
      </App>
    </ConfigProvider>
  );
}
