import { Button, Input, Menu, Space, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@contracts/enums';
import { logout } from '../../api/session';
import type { Me } from '../../api/types';
import { flatNavItems, menuItems, selectedNavKey, useNavGo } from './nav';

interface Props {
  me: Me;
  desktop: boolean;
  orgId: number | null;
  /** Small screens: opens the drawer with the menu and the organization tree. */
  onOpenNav: () => void;
}

export function AdminHeader({ me, desktop, orgId, onOpenNav }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const go = useNavGo(orgId);

  const search = (text: string) => {
    const q = text.trim();
    const org = orgId ? `&org=${orgId}` : '';
    navigate(q ? `/search?q=${encodeURIComponent(q)}${org}` : `/search${org ? `?${org.slice(1)}` : ''}`);
  };
  const changePassword = () =>
    navigate(`/change-password?next=${encodeURIComponent(location.pathname + location.search)}`);

  return (
    <div className="zd-header">
      {!desktop && <Button type="text" icon={<MenuOutlined />} onClick={onOpenNav} aria-label="打开菜单和组织树" />}
      <div className="zd-brand" onClick={() => go('/')} role="link" tabIndex={0}>
        阵地
      </div>
      {desktop ? (
        <Menu
          mode="horizontal"
          items={menuItems(me)}
          selectedKeys={[selectedNavKey(location.pathname)]}
          onClick={({ key }) => go(key)}
          triggerSubMenuAction="click"
          style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
        />
      ) : (
        <span className="zd-header-title">{flatNavItems(me).find((i) => i.key === selectedNavKey(location.pathname))?.label}</span>
      )}
      <Space size={desktop ? 12 : 0} className="zd-user">
        {desktop ? (
          <Input.Search placeholder="搜索文章、通知、资料" onSearch={search} maxLength={100} allowClear style={{ width: 170 }} aria-label="站内搜索" data-testid="header-search" />
        ) : (
          <Button type="text" icon={<SearchOutlined />} onClick={() => search('')} aria-label="站内搜索" title="站内搜索" />
        )}
        {desktop && (
          // Who is signed in, as a compact chip with the org in its tooltip: the menu needs the width.
          <span className="zd-user-info" title={me.orgName ? `${me.displayName} · ${ROLE_LABELS[me.role]} · ${me.orgName}` : me.displayName}>
            <UserOutlined /> {me.displayName} <Tag color="red">{ROLE_LABELS[me.role]}</Tag>
          </span>
        )}
        <Button type="text" icon={<KeyOutlined />} onClick={changePassword} aria-label="修改密码" title="修改密码" />
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout" aria-label="退出登录" title="退出登录" />
      </Space>
    </div>
  );
}
