// Resolves the session cookie into request.actor, enforces the route's auth level and CSRF.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../../modules/auth/auth.service.js';
import { AppError, unauthenticated } from '../errors.js';
import type { RouteAuth } from './types.js';

export const SESSION_COOKIE = 'zhendi_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function makeAuthHook(auth: AuthService) {
  return async function authHook(req: FastifyRequest, reply: FastifyReply) {
    req.actor = null;
    req.sessionId = null;
    if (!req.url.startsWith('/api/')) return;
    const level: RouteAuth = req.routeOptions.config?.auth ?? 'session';
    if (level === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    let info;
    try {
      info = await auth.resolve(token, { ip: req.ip, requestId: String(req.id) });
    } catch (e) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw e;
    }
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== info.csrfToken) {
      throw new AppError('CSRF', 403, '页面已过期，请刷新页面后重试');
    }
    if (info.mustChangePassword && level !== 'password-change') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '首次登录或密码已被重置，请先修改密码');
    }
    req.actor = info.actor;
    req.sessionId = info.sessionId;
    (req as unknown as { csrfToken: string }).csrfToken = info.csrfToken;
  };
}
