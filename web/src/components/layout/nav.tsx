// The admin menu: items by role in a few groups (a flat menu of a dozen items overflowed the header), the selected
// item for a path, and navigation that keeps ?org=.
import {
  ApartmentOutlined, AuditOutlined, CheckSquareOutlined, DesktopOutlined, FileProtectOutlined, FlagOutlined, GlobalOutlined,
  HomeOutlined, IdcardOutlined, NotificationOutlined, ReadOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, WifiOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';

interface Leaf { key: string; icon: ReactNode; label: string }
interface Group { key: string; icon: ReactNode; label: string; children: Leaf[] }
type NavItem = Leaf | Group;

export function navItems(me: Me): NavItem[] {
  const wc = me.role === 'work_committee_admin';
  return [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    { key: '/orgs', icon: <ApartmentOutlined />, label: '组织管理' },
    { key: '/members', icon: <TeamOutlined />, label: '党员管理' },
    {
      key: 'group:base', icon: <SafetyCertificateOutlined />, label: '阵地建设',
      children: [
        { key: '/assessments', icon: <CheckSquareOutlined />, label: '阵地自评' },
        ...(wc ? [
          { key: '/campaigns', icon: <FlagOutlined />, label: '专项工作' },
          { key: '/standards', icon: <FileProtectOutlined />, label: '标准管理' },
        ] : []),
      ],
    },
    {
      key: 'group:digital', icon: <WifiOutlined />, label: '新型阵地',
      children: [
        { key: '/columns', icon: <GlobalOutlined />, label: '栏目文章' },
        { key: '/notices', icon: <NotificationOutlined />, label: '微党建通知' },
        { key: '/study', icon: <ReadOutlined />, label: '理论学习' },
        { key: '/displays', icon: <DesktopOutlined />, label: '展示屏与屏保' },
      ],
    },
    {
      key: 'group:system', icon: <SettingOutlined />, label: '系统管理',
      children: [
        { key: '/accounts', icon: <IdcardOutlined />, label: '账号管理' },
        ...(wc ? [{ key: '/audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
      ],
    },
  ];
}

/** The same items as antd's Menu takes them. */
export const menuItems = (me: Me) => navItems(me) as NonNullable<MenuProps['items']>;

/** Every page item, without the groups (for the small-screen title). */
export function flatNavItems(me: Me): Leaf[] {
  return navItems(me).flatMap((i) => ('children' in i ? i.children : [i]));
}

export function selectedNavKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

/** Go to a menu item, keeping the current org. Group keys only open their submenu. */
export function useNavGo(orgId: number | null) {
  const navigate = useNavigate();
  const q = orgId ? `?org=${orgId}` : '';
  return (key: string) => {
    if (key.startsWith('group:')) return;
    if (key === '/orgs') navigate(orgId ? `/orgs/${orgId}${q}` : '/orgs');
    else navigate(`${key}${q}`);
  };
}
