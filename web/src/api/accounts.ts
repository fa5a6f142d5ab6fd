import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type {
  Account, AccountCreateBody, AccountListPage, AccountListQuery, AccountUpdateBody, Ok, ResetPasswordBody,
} from './types';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: AccountListQuery) => ['accounts', 'list', q] as const,
};

export const accountListQuery = (q: AccountListQuery) =>
  queryOptions({
    queryKey: accountKeys.list(q),
    queryFn: () => api.get<AccountListPage>('/api/accounts', q),
    placeholderData: keepPreviousData,
  });

export const createAccount = (body: AccountCreateBody) => api.post<Account>('/api/accounts', body);
export const updateAccount = (id: number, body: AccountUpdateBody) => api.patch<Account>(`/api/accounts/${id}`, body);
export const resetPassword = (id: number, body: ResetPasswordBody) =>
  api.post<Ok>(`/api/accounts/${id}/reset-password`, body);
