// Login, sessions, password changes: the policy of DESIGN section 6.
import type { Kysely } from 'kysely';
import type { Database, AccountRow } from '../../platform/db/types.js';
import type { Actor, RequestContext } from '../../platform/actor.js';
import type { Audit } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import { AppError, badInput, unauthenticated } from '../../platform/errors.js';
import { type Clock, iso } from '../../platform/clock.js';
import { checkPasswordPolicy, DUMMY_HASH, hashPassword, randomToken, sha256, verifyPassword } from '../../platform/crypto.js';
import type { Role } from '../../../../contracts/enums.js';

export interface SessionInfo { actor: Actor; sessionId: string; csrfToken: string; mustChangePassword: boolean }

export function createAuthService(deps: { db: Kysely<Database>; audit: Audit; clock: Clock; config: Config }) {
  const { db, audit, clock, config } = deps;
  const policy = { minLength: config.passwordMinLength, minClasses: config.passwordMinClasses };

  const toActor = (a: AccountRow, ctx: RequestContext): Actor => ({
    accountId: a.id, username: a.username, displayName: a.display_name, role: a.role as Role, orgId: a.org_id,
    memberId: a.member_id, ip: ctx.ip, requestId: ctx.requestId,
  });

  async function me(actor: Actor, csrfToken: string) {
    const a = await db.selectFrom('account').selectAll().where('id', '=', actor.accountId).executeTakeFirstOrThrow();
    const org = a.org_id ? await db.selectFrom('org').select('name').where('id', '=', a.org_id).executeTakeFirst() : undefined;
    return {
      accountId: a.id, username: a.username, displayName: a.display_name, role: a.role as Role, orgId: a.org_id,
      orgName: org?.name ?? null, memberId: a.member_id, mustChangePassword: a.must_change_password === 1, csrfToken,
      passwordPolicy: policy,
    };
  }

  async function newSession(a: AccountRow, ctx: RequestContext & { userAgent: string | null }) {
    const token = randomToken(16);
    const csrfToken = randomToken(16);
    const now = clock.now();
    await db.insertInto('session').values({
      id: sha256(token), account_id: a.id, csrf_token: csrfToken, created_at: iso(now), last_seen_at: iso(now),
      expires_at: iso(new Date(now.getTime() + config.sessionAbsoluteHours * 3600_000)), ip: ctx.ip, user_agent: ctx.userAgent?.slice(0, 200) ?? null,
    }).execute();
    return { token, csrfToken };
  }

  return {
    policy,
    me,
    async login(ctx: RequestContext & { userAgent: string | null }, username: string, password: string) {
      const name = username.trim();
      const a = await db.selectFrom('account').selectAll().where('username', '=', name).executeTakeFirst();
      const now = clock.now();
      const fail = async (reason: string, row?: AccountRow) => {
        await audit.recordAnonymous({ ...ctx, actorName: name.slice(0, 64), actorId: row?.id ?? null, actorRole: row?.role ?? null, orgId: row?.org_id ?? null },
          { action: 'auth.login', result: 'failed', targetType: 'account', targetId: row?.id ?? null, detail: { reason } });
      };
      if (!a) {
        await verifyPassword(password, DUMMY_HASH); // same work as a real check: timing reveals nothing
        await fail('unknown_user');
        throw new AppError('BAD_CREDENTIALS', 401, '用户名或密码错误');
      }
      if (a.locked_until && a.locked_until > iso(now)) {
        await fail('locked', a);
        const until = new Date(Date.parse(a.locked_until) + 8 * 3600_000).toISOString().slice(11, 16);
        throw new AppError('ACCOUNT_LOCKED', 423, `密码错误次数过多，账号已锁定，请于 ${until}（北京时间）后再试或联系管理员解锁`);
      }
      const ok = await verifyPassword(password, a.password_hash);
      if (!ok) {
        const failures = a.failed_attempts + 1;
        const lock = failures >= config.loginMaxFailures;
        await db.updateTable('account').set({
          failed_attempts: lock ? 0 : failures,
          locked_until: lock ? iso(new Date(now.getTime() + config.loginLockMinutes * 60_000)) : a.locked_until,
        }).where('id', '=', a.id).execute();
        await fail(lock ? 'bad_password_locked' : 'bad_password', a);
        if (lock) throw new AppError('ACCOUNT_LOCKED', 423, `密码连续错误 ${config.loginMaxFailures} 次，账号已锁定 ${config.loginLockMinutes} 分钟`);
        const left = config.loginMaxFailures - failures;
        throw new AppError('BAD_CREDENTIALS', 401, `用户名或密码错误，再错 ${left} 次账号将被锁定`);
      }
      if (a.status !== 'active') {
        await fail('disabled', a);
        throw new AppError('BAD_CREDENTIALS', 401, '该账号已停用，请联系管理员');
      }
      await db.updateTable('account').set({ failed_attempts: 0, locked_until: null, last_login_at: iso(now) }).where('id', '=', a.id).execute();
      const { token, csrfToken } = await newSession(a, ctx);
      const actor = toActor(a, ctx);
      await audit.record(actor, { action: 'auth.login', targetType: 'account', targetId: a.id });
      return { token, me: await me(actor, csrfToken) };
    },

    /** Resolve a cookie token; expired sessions are removed and reported as such. */
    async resolve(token: string, ctx: RequestContext): Promise<SessionInfo> {
      const id = sha256(token);
      const s = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
      if (!s) throw unauthenticated('登录已失效，请重新登录');
      const now = clock.now();
      const idleLimit = new Date(Date.parse(s.last_seen_at) + config.sessionIdleMinutes * 60_000);
      if (s.expires_at <= iso(now) || idleLimit <= now) {
        await db.deleteFrom('session').where('id', '=', id).execute();
        throw new AppError('SESSION_EXPIRED', 401, '长时间未操作或登录时间过长，请重新登录');
      }
      const a = await db.selectFrom('account').selectAll().where('id', '=', s.account_id).executeTakeFirst();
      if (!a || a.status !== 'active') {
        await db.deleteFrom('session').where('id', '=', id).execute();
        throw unauthenticated('账号已停用，请联系管理员');
      }
      // Touch at most once a minute: idle timeout needs minutes, not every request's write.
      if (now.getTime() - Date.parse(s.last_seen_at) > 60_000) {
        await db.updateTable('session').set({ last_seen_at: iso(now) }).where('id', '=', id).execute();
      }
      return { actor: toActor(a, ctx), sessionId: id, csrfToken: s.csrf_token, mustChangePassword: a.must_change_password === 1 };
    },

    async logout(actor: Actor, sessionId: string) {
      await db.deleteFrom('session').where('id', '=', sessionId).execute();
      await audit.record(actor, { action: 'auth.logout', targetType: 'account', targetId: actor.accountId });
    },

    async changePassword(actor: Actor, sessionId: string, current: string, next: string) {
      const a = await db.selectFrom('account').selectAll().where('id', '=', actor.accountId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(current, a.password_hash))) {
        await audit.record(actor, { action: 'auth.password_change', result: 'failed', targetType: 'account', targetId: a.id, detail: { reason: 'bad_current' } });
        throw badInput('当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
      }
      const problem = checkPasswordPolicy(next, policy, a.username);
      if (problem) throw new AppError('PASSWORD_POLICY', 400, problem, [{ field: 'newPassword', message: problem }]);
      if (await verifyPassword(next, a.password_hash)) throw new AppError('PASSWORD_POLICY', 400, '新密码不能与当前密码相同');
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('account').set({ password_hash: await hashPassword(next), must_change_password: 0, password_changed_at: now, updated_at: now, version: a.version + 1 })
          .where('id', '=', a.id).execute();
        // Other sessions of this account end: whoever knew the old password is out.
        await trx.deleteFrom('session').where('account_id', '=', a.id).where('id', '!=', sessionId).execute();
        await audit.record(actor, { action: 'auth.password_change', targetType: 'account', targetId: a.id }, trx);
      });
      const s = await db.selectFrom('session').select('csrf_token').where('id', '=', sessionId).executeTakeFirstOrThrow();
      return me(actor, s.csrf_token);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
