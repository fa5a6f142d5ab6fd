// Session: who is logged in (Me), login, logout, password change.
import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken, type RequestOptions } from './client';
import { navigateTo } from './navigation';
import { queryClient } from './queryClient';
import type { ChangePasswordBody, LoginBody, Me } from './types';

export const meKey = ['me'] as const;

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meKey, me);
  return me;
}

export async function fetchMe(opts?: RequestOptions): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me', undefined, opts);
  setCsrfToken(me.csrfToken);
  return me;
}

/** The logged-in account; a 401 sends the browser to /login. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => fetchMe(), staleTime: Infinity });
}

export async function login(body: LoginBody): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', body, { silent: true, noAuthRedirect: true });
  queryClient.clear(); // nothing of a previous session survives
  return remember(me);
}

export async function changePassword(body: ChangePasswordBody): Promise<Me> {
  const me = await api.post<Me>('/api/auth/password', body, { silent: true });
  return remember(me);
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout', undefined, { silent: true, noAuthRedirect: true });
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    navigateTo('/login', { replace: true });
  }
}

export const isAdmin = (me: Pick<Me, 'role'>): boolean =>
  me.role === 'work_committee_admin' || me.role === 'org_admin';

/** Where an account goes after login or password change. */
export function homePath(me: Me): string {
  if (me.mustChangePassword) return '/change-password';
  return isAdmin(me) ? '/' : '/me';
}
