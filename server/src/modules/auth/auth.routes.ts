import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.js';
import { ChangePasswordBody, LoginBody, Me, Ok } from '../../../../contracts/schemas.js';
import type { Config } from '../../platform/config.js';

export function registerAuthRoutes(app: App, deps: { auth: AuthService; config: Config }) {
  const { auth, config } = deps;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
  const csrf = (req: unknown) => (req as { csrfToken: string }).csrfToken;

  app.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: Me } },
    config: { auth: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { token, me } = await auth.login({ ip: req.ip, requestId: String(req.id), userAgent: req.headers['user-agent'] ?? null }, req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, cookieOpts);
    return me;
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } },
    config: { auth: 'password-change' },
  }, async (req, reply) => {
    await auth.logout(actorOf(req), req.sessionId!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前账号', response: { 200: Me } },
    config: { auth: 'password-change' },
  }, async (req) => auth.me(actorOf(req), csrf(req)));

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody, response: { 200: Me } },
    config: { auth: 'password-change', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
  }, async (req) => auth.changePassword(actorOf(req), req.sessionId!, req.body.currentPassword, req.body.newPassword));
}
