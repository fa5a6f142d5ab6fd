import { Navigate } from 'react-router';
import { useCurrentOrg } from '../../components/layout/currentOrg';

/** 组织管理 without an id: the current org's page. */
export default function OrgsIndex() {
  const { orgId } = useCurrentOrg();
  return <Navigate to={`/orgs/${orgId}?org=${orgId}`} replace />;
}
