// The "current org" chosen in the tree: kept in the URL (?org=ID) and shared with the pages.
import { createContext, useContext } from 'react';
import type { Org } from '../../api/types';

export interface CurrentOrg {
  /** The selected org (the scope of lists and stats). */
  orgId: number;
  /** Its details, once loaded. */
  org: Org | undefined;
  setOrgId: (id: number) => void;
  /** A link to an admin page that keeps the current org: withOrg('/members') -> '/members?org=3'. */
  withOrg: (path: string) => string;
}

export const CurrentOrgContext = createContext<CurrentOrg | null>(null);

export function useCurrentOrg(): CurrentOrg {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg outside AdminLayout');
  return value;
}

export function orgLink(path: string, orgId: number): string {
  return `${path}${path.includes('?') ? '&' : '?'}org=${orgId}`;
}
