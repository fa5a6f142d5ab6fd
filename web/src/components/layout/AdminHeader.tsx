import { Button, Menu, Space, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@contracts/enums';
import { logout } from '../../api/session';
import type { Me } from '../../api/types';
import { navItems, selectedNavKey, useNavGo } from './nav';

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
          items={navItems(me)}
          selectedKeys={[selectedNavKey(location.pathname)]}
          onClick={({ key }) => go(key)}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
        />
      ) : (
        <span className="zd-header-title">{navItems(me).find((i) => i.key === selectedNavKey(location.pathname))?.label}</span>
      )}
      <Space size={desktop ? 12 : 0} className="zd-user">
        {desktop && (
          <span className="zd-user-info">
            <UserOutlined /> {me.displayName} <Tag color="red">{ROLE_LABELS[me.role]}</Tag>
            {me.orgName && <span className="zd-user-org">{me.orgName}</span>}
          </span>
        )}
        <Button type="text" icon={<KeyOutlined />} onClick={changePassword} aria-label="修改密码" title="修改密码">
          {desktop ? '修改密码' : null}
        </Button>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout" aria-label="退出登录" title="退出登录">
          {desktop ? '退出' : null}
        </Button>
      </Space>
    </div>
  );
}
