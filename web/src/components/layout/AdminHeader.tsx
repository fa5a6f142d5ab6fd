import { Button, Menu, Space, Tag, Tooltip } from 'antd';
import {
  ApartmentOutlined, AuditOutlined, HomeOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@contracts/enums';
import { logout } from '../../api/session';
import type { Me } from '../../api/types';

interface Props {
  me: Me;
  desktop: boolean;
  orgId: number | null;
  onOpenTree: () => void;
}

function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

export function AdminHeader({ me, desktop, orgId, onOpenTree }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const q = orgId ? `?org=${orgId}` : '';

  const items = [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    { key: '/orgs', icon: <ApartmentOutlined />, label: '组织管理' },
    { key: '/members', icon: <TeamOutlined />, label: '党员管理' },
    { key: '/accounts', icon: <IdcardOutlined />, label: '账号管理' },
    ...(me.role === 'work_committee_admin' ? [{ key: '/audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
  ];

  const go = (key: string) => {
    if (key === '/orgs') navigate(orgId ? `/orgs/${orgId}${q}` : '/orgs');
    else navigate(`${key}${q}`);
  };

  const changePassword = () =>
    navigate(`/change-password?next=${encodeURIComponent(location.pathname + location.search)}`);

  return (
    <div className="zd-header">
      {!desktop && (
        <Button type="text" icon={<ApartmentOutlined />} onClick={onOpenTree} aria-label="选择组织">
          组织
        </Button>
      )}
      <div className="zd-brand" onClick={() => go('/')} role="link" tabIndex={0}>
        阵地
      </div>
      <Menu
        mode="horizontal"
        items={items}
        selectedKeys={[selectedKey(location.pathname)]}
        onClick={({ key }) => go(key)}
        style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
      />
      <Space size={desktop ? 12 : 4} className="zd-user">
        {desktop && (
          <span className="zd-user-info">
            <UserOutlined /> {me.displayName} <Tag color="red">{ROLE_LABELS[me.role]}</Tag>
            {me.orgName && <span className="zd-user-org">{me.orgName}</span>}
          </span>
        )}
        <Tooltip title="修改密码">
          <Button type="text" icon={<KeyOutlined />} onClick={changePassword} aria-label="修改密码">
            {desktop ? '修改密码' : null}
          </Button>
        </Tooltip>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout" aria-label="退出登录">
          {desktop ? '退出' : null}
        </Button>
      </Space>
    </div>
  );
}
