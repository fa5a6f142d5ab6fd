// The admin menu: items by role, the selected item for a path, and navigation that keeps ?org=.
import {
  ApartmentOutlined, AuditOutlined, CheckSquareOutlined, FileProtectOutlined, FlagOutlined, HomeOutlined, IdcardOutlined, TeamOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';

export function navItems(me: Me) {
  return [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    { key: '/orgs', icon: <ApartmentOutlined />, label: '组织管理' },
    { key: '/members', icon: <TeamOutlined />, label: '党员管理' },
    { key: '/accounts', icon: <IdcardOutlined />, label: '账号管理' },
    { key: '/assessments', icon: <CheckSquareOutlined />, label: '阵地自评' },
    ...(me.role === 'work_committee_admin'
      ? [
          { key: '/campaigns', icon: <FlagOutlined />, label: '专项工作' },
          { key: '/standards', icon: <FileProtectOutlined />, label: '标准管理' },
          { key: '/audit', icon: <AuditOutlined />, label: '审计日志' },
        ]
      : []),
  ];
}

export function selectedNavKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

/** Go to a menu item, keeping the current org. */
export function useNavGo(orgId: number | null) {
  const navigate = useNavigate();
  const q = orgId ? `?org=${orgId}` : '';
  return (key: string) => {
    if (key === '/orgs') navigate(orgId ? `/orgs/${orgId}${q}` : '/orgs');
    else navigate(`${key}${q}`);
  };
}
