// Admin frame: header with menu and user, organization tree on the left (a drawer on small screens),
// and the current org (?org=ID) handed to the pages.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Alert, Button, Grid, Layout, Menu } from 'antd';
import { ROLE_LABELS } from '@contracts/enums';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate, useNavigation, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { orgQuery, rootsQuery } from '../../api/orgs';
import { isAdmin, useMe } from '../../api/session';
import type { Me } from '../../api/types';
import { OrgTree } from '../org/OrgTree';
import { PageLoading } from '../PageLoading';
import { AdminHeader } from './AdminHeader';
import { CurrentOrgContext, orgLink, type CurrentOrg } from './currentOrg';
import { menuItems, selectedNavKey, useNavGo } from './nav';

// Only a fresh installation needs it; it pulls in the form code.
const NoOrgs = lazy(() => import('./NoOrgs'));
// Small screens only.
const Drawer = lazy(() => import('antd/es/drawer'));

export default function AdminLayout() {
  const me = useMe();
  if (me.isPending) return <PageLoading full />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) return <PageLoading full tip="正在跳转到登录页…" />;
    return (
      <Alert
        type="error"
        showIcon
        style={{ margin: 24 }}
        title="无法获取登录信息，请检查网络后重试。"
        action={<Button onClick={() => void me.refetch()}>重试</Button>}
      />
    );
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (!isAdmin(me.data)) return <Navigate to="/me" replace />;
  return <AdminShell me={me.data} />;
}

function AdminShell({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg ?? window.innerWidth >= 992;
  const [treeOpen, setTreeOpen] = useState(false);

  const roots = useQuery(rootsQuery());
  const urlOrg = Number(params.get('org')) || null;
  const orgId = urlOrg ?? me.orgId ?? roots.data?.[0]?.id ?? null;
  const org = useQuery({ ...orgQuery(orgId ?? 0), enabled: orgId !== null });
  const go = useNavGo(orgId);

  const setOrgId = useCallback(
    (id: number) => {
      setTreeOpen(false);
      if (location.pathname.startsWith('/orgs')) navigate(`/orgs/${id}?org=${id}`);
      else navigate(`${location.pathname}?org=${id}`);
    },
    [location.pathname, navigate],
  );

  const current = useMemo<CurrentOrg | null>(
    () => (orgId ? { orgId, org: org.data, setOrgId, withOrg: (p: string) => orgLink(p, orgId) } : null),
    [orgId, org.data, setOrgId],
  );

  const tree = (
    <OrgTree selectedId={orgId} expandTo={org.data ? org.data.path.map((p) => p.id) : []} onSelect={setOrgId} />
  );

  // Standards and the audit log do not depend on an organization: they work before the first one exists.
  const orgFree = /^\/(standards|audit)(\/|$)/.test(location.pathname);
  let content;
  if (!current && orgFree) content = <Outlet />;
  else if (!current)
    content = roots.isPending ? (
      <PageLoading />
    ) : (
      <Suspense fallback={<PageLoading />}>
        <NoOrgs me={me} />
      </Suspense>
    );
  else
    content = (
      <CurrentOrgContext.Provider value={current}>
        {org.isError && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="当前选择的组织不存在或您无权访问。"
            action={<Button size="small" onClick={() => navigate(location.pathname)}>回到本级组织</Button>}
          />
        )}
        <Outlet />
      </CurrentOrgContext.Provider>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navigation.state === 'loading' && <div className="zd-progress" aria-hidden />}
      <Layout.Header className="zd-header-bar">
        <AdminHeader me={me} desktop={desktop} orgId={orgId} onOpenNav={() => setTreeOpen(true)} />
      </Layout.Header>
      <Layout>
        {desktop && (
          <Layout.Sider width={300} theme="light" className="zd-sider">
            {tree}
          </Layout.Sider>
        )}
        <Layout.Content className="zd-content">{content}</Layout.Content>
      </Layout>
      {!desktop && treeOpen && (
        <Suspense fallback={null}>
          <Drawer placement="left" open onClose={() => setTreeOpen(false)} title={`${me.displayName} · ${ROLE_LABELS[me.role]}`} size={320} styles={{ body: { padding: 0 } }}>
            <Menu
              mode="inline"
              items={menuItems(me)}
              selectedKeys={[selectedNavKey(location.pathname)]}
              onClick={({ key }) => {
                setTreeOpen(false);
                go(key);
              }}
            />
            <div className="zd-drawer-caption">选择组织</div>
            {tree}
          </Drawer>
        </Suspense>
      )}
    </Layout>
  );
}
