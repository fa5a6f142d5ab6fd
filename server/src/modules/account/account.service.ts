// Accounts: who may log in, with which role and over which org subtree.
import { sql, type Kysely } from 'kysely';
import type { Database, AccountRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import { type Clock, iso } from '../../platform/clock.js';
import { checkPasswordPolicy, hashPassword } from '../../platform/crypto.js';
import { likeText } from '../../platform/db/connect.js';
import { isUniqueViolation, likeEscape } from '../../platform/db/dialect.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../platform/errors.js';
import type { Account } from '../../../../contracts/schemas.js';
import type { Role, AccountStatus } from '../../../../contracts/enums.js';
import { PAGE_SIZE_DEFAULT } from '../../../../contracts/limits.js';
import { memberOrgOf, refreshAccountCounts } from '../notice/notice.accounts.js';

export function createAccountService(deps: { db: Kysely<Database>; access: Access; audit: Audit; clock: Clock; config: Config }) {
  const { db, access, audit, clock, config } = deps;
  const policy = { minLength: config.passwordMinLength, minClasses: config.passwordMinClasses };

  function present(a: AccountRow & { org_name: string | null }): Account {
    return {
      id: a.id, username: a.username, displayName: a.display_name, role: a.role as Role, orgId: a.org_id, orgName: a.org_name,
      memberId: a.member_id, status: a.status as AccountStatus, locked: !!a.locked_until && a.locked_until > iso(clock.now()),
      mustChangePassword: a.must_change_password === 1, lastLoginAt: a.last_login_at, createdAt: a.created_at, version: a.version,
    };
  }
  const withOrg = () => db.selectFrom('account').leftJoin('org', 'org.id', 'account.org_id').selectAll('account').select('org.name as org_name');
  async function load(id: number) {
    const a = await withOrg().where('account.id', '=', id).executeTakeFirst();
    if (!a) throw notFound('账号');
    return a;
  }
  /** An admin manages accounts strictly inside its scope; the system administrator is managed by nobody else. */
  async function requireManage(actor: Actor, a: AccountRow) {
    if (a.org_id === null) {
      if (!access.isGlobal(actor)) await access.deny(actor, 'account.manage', { type: 'account', id: a.id });
      return;
    }
    await access.require(actor, 'account.manage', a.org_id);
    if (a.role === 'work_committee_admin' && actor.role !== 'work_committee_admin') await access.deny(actor, 'account.manage', { type: 'account', id: a.id });
  }
  function policyProblem(pw: string, username: string) {
    const p = checkPasswordPolicy(pw, policy, username);
    if (p) throw new AppError('PASSWORD_POLICY', 400, p);
  }

  return {
    async list(actor: Actor, q: { orgId?: number; q?: string; role?: Role; page?: number; pageSize?: number }) {
      const scope = q.orgId ?? actor.orgId;
      await access.require(actor, 'account.manage', scope);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
      let qb = withOrg();
      if (scope !== null) qb = qb.where('account.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', scope));
      if (q.role) qb = qb.where('account.role', '=', q.role);
      if (q.q?.trim()) {
        const p = `%${likeEscape(q.q.trim())}%`;
        qb = qb.where((eb) => eb.or([likeText(sql.ref('account.username'), p), likeText(sql.ref('account.display_name'), p)]));
      }
      const [rows, total] = await Promise.all([
        qb.orderBy('account.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
        qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(present), total: Number(total.n), page, pageSize };
    },
    async create(actor: Actor, body: { username: string; displayName: string; role: Role; orgId: number; memberId?: number | null; initialPassword: string }) {
      await access.require(actor, 'account.manage', body.orgId);
      const org = await db.selectFrom('org').select(['id', 'type', 'status', 'parent_id']).where('id', '=', body.orgId).executeTakeFirst();
      if (!org) throw notFound('组织');
      if (org.status !== 'active') throw badInput('该组织已撤销');
      if (body.role === 'work_committee_admin') {
        if (actor.role !== 'work_committee_admin') throw forbidden('只有工委管理员可以创建工委管理员账号');
        if (org.parent_id !== null) throw badInput('工委管理员账号须归属于机关工委（顶级组织）');
      }
      let orgId = body.orgId;
      if (body.role === 'member' && !body.memberId) throw badInput('党员账号须关联一名党员', [{ field: 'memberId', message: '请选择党员' }]);
      if (body.memberId) {
        // Any role: the linked member's full profile is what /api/me/profile shows this account.
        const m = await db.selectFrom('member').select(['id', 'org_id']).where('id', '=', body.memberId).executeTakeFirst();
        if (!m || !(await access.inScope(actor, m.org_id))) throw badInput('所选党员不存在或不在您的管理范围内');
        const taken = await db.selectFrom('account').select('username').where('member_id', '=', m.id).executeTakeFirst();
        if (taken) throw badInput(`该党员已有账号“${taken.username}”`, [{ field: 'memberId', message: '该党员已有账号' }]);
        if (body.role === 'member') orgId = m.org_id;
      }
      policyProblem(body.initialPassword, body.username);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('account').values({
          username: body.username, display_name: body.displayName.trim(), password_hash: await hashPassword(body.initialPassword), role: body.role,
          org_id: orgId, member_id: body.role === 'member' ? body.memberId! : body.memberId ?? null, status: 'active', must_change_password: 1,
          failed_attempts: 0, locked_until: null, last_login_at: null, password_changed_at: null, created_at: now, updated_at: now, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await refreshAccountCounts(trx, [await memberOrgOf(trx, body.memberId)]);
        await audit.record(actor, { action: 'account.create', targetType: 'account', targetId: id, orgId, detail: { username: body.username, role: body.role } }, trx);
        return id;
      }).catch((e) => { if (isUniqueViolation(e)) throw badInput(`用户名“${body.username}”已被使用`, [{ field: 'username', message: '用户名已被使用' }]); throw e; });
      return present(await load(id));
    },
    async update(actor: Actor, id: number, body: { displayName?: string; status?: AccountStatus; unlock?: boolean; version: number }) {
      const a = await load(id);
      await requireManage(actor, a);
      if (id === actor.accountId && body.status === 'disabled') throw badInput('不能停用自己的账号');
      const patch: Partial<AccountRow> = { updated_at: iso(clock.now()), version: a.version + 1 };
      if (body.displayName !== undefined) patch.display_name = body.displayName.trim();
      if (body.status !== undefined) patch.status = body.status;
      if (body.unlock) { patch.locked_until = null; patch.failed_attempts = 0; }
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('account').set(patch).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        if (body.status === 'disabled') await trx.deleteFrom('session').where('account_id', '=', id).execute();
        if (body.status !== undefined) await refreshAccountCounts(trx, [await memberOrgOf(trx, a.member_id)]);
        await audit.record(actor, { action: 'account.update', targetType: 'account', targetId: id, orgId: a.org_id, detail: { displayName: body.displayName, status: body.status, unlock: body.unlock } }, trx);
      });
      return present(await load(id));
    },
    async resetPassword(actor: Actor, id: number, newPassword: string) {
      const a = await load(id);
      await requireManage(actor, a);
      policyProblem(newPassword, a.username);
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('account').set({ password_hash: await hashPassword(newPassword), must_change_password: 1, failed_attempts: 0, locked_until: null, updated_at: now, version: a.version + 1 })
          .where('id', '=', id).execute();
        await trx.deleteFrom('session').where('account_id', '=', id).execute();
        await audit.record(actor, { action: 'account.reset_password', targetType: 'account', targetId: id, orgId: a.org_id }, trx);
      });
      return { ok: true };
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;

/** First start on an empty database: the system administrator `admin`, who must change the password at first login. */
export async function ensureAdmin(db: Kysely<Database>, clock: Clock, password: string): Promise<boolean> {
  const existing = await db.selectFrom('account').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return false;
  const now = iso(clock.now());
  await db.insertInto('account').values({
    username: 'admin', display_name: '系统管理员', password_hash: await hashPassword(password), role: 'work_committee_admin', org_id: null,
    member_id: null, status: 'active', must_change_password: 1, failed_attempts: 0, locked_until: null, last_login_at: null,
    password_changed_at: null, created_at: now, updated_at: now, version: 1,
  }).execute();
  return true;
}
