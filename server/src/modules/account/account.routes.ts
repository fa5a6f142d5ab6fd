import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { AccountService } from './account.service.js';
import { Account, AccountCreateBody, AccountListPage, AccountListQuery, AccountUpdateBody, IdParams, Ok, ResetPasswordBody } from '../../../../contracts/schemas.js';

export function registerAccountRoutes(app: App, deps: { accounts: AccountService }) {
  const { accounts } = deps;
  const tags = ['accounts'];
  app.get('/api/accounts', { schema: { tags, summary: '账号列表', querystring: AccountListQuery, response: { 200: AccountListPage } } },
    async (req) => accounts.list(actorOf(req), req.query));
  app.post('/api/accounts', { schema: { tags, summary: '新建账号', body: AccountCreateBody, response: { 200: Account } } },
    async (req) => accounts.create(actorOf(req), req.body));
  app.patch('/api/accounts/:id', { schema: { tags, summary: '修改账号（停用、解锁）', params: IdParams, body: AccountUpdateBody, response: { 200: Account } } },
    async (req) => accounts.update(actorOf(req), req.params.id, req.body));
  app.post('/api/accounts/:id/reset-password', { schema: { tags, summary: '重置密码', params: IdParams, body: ResetPasswordBody, response: { 200: Ok } } },
    async (req) => accounts.resetPassword(actorOf(req), req.params.id, req.body.newPassword));
}
