// Members: list and search in scope, full profile (audited view), create, edit, transfer, export.
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database, MemberRow, OrgRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Cipher } from '../../platform/crypto.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type { OrgRepo } from '../org/org.repo.js';
import { summaryTerms } from '../org/org.member-stats.js';
import type { MemberCreateBody, MemberListQuery, MemberUpdateBody } from '../../../../contracts/schemas.js';
import { PAGE_SIZE_DEFAULT } from '../../../../contracts/limits.js';
import type { MemberFilter, MemberRepo } from './member.repo.js';
import { presentDetail, presentListItem } from './member.presenter.js';
import { memberColumns } from './member.rules.js';
import { writeMemberExport } from './member.xlsx.js';

export function createMemberService(deps: { db: Kysely<Database>; repo: MemberRepo; orgs: OrgRepo; access: Access; audit: Audit; cipher: Cipher; clock: Clock }) {
  const { db, repo, orgs, access, audit, cipher, clock } = deps;

  async function load(id: number): Promise<MemberRow> {
    const m = await repo.byId(id);
    if (!m) throw notFound('党员');
    return m;
  }
  async function detail(m: MemberRow) {
    const org = (await orgs.byId(m.org_id))!;
    const path = [...(await orgs.ancestors(m.org_id)).map((a) => a.name), org.name].join(' / ');
    return presentDetail(m, cipher, { name: org.name, path }, await repo.transfers(m.id));
  }
  /** Where members may be placed: an active organization below the work committee. */
  async function placeableOrg(orgId: number): Promise<OrgRow> {
    const org = await orgs.byId(orgId);
    if (!org) throw notFound('组织');
    if (org.status !== 'active') throw badInput('该组织已撤销，不能接收党员');
    if (org.type === 'work_committee') throw badInput('党员应编入机关党委、党总支、党支部或党小组，不能直接编入机关工委');
    return org;
  }
  async function scopeFilter(actor: Actor, q: Pick<MemberListQuery, 'orgId' | 'q' | 'status' | 'category'>, permission: 'member.read' | 'member.export'): Promise<MemberFilter> {
    const scopeOrgId = q.orgId ?? actor.orgId;
    await access.require(actor, permission, scopeOrgId);
    return { scopeOrgId, q: q.q, status: q.status, category: q.category };
  }
  const duplicateId = async (hash: string, actor: Actor) => {
    const other = await repo.byIdHash(hash);
    if (!other) return badInput('身份证号重复');
    const visible = await access.inScope(actor, other.org_id);
    return badInput(visible ? `该身份证号已登记为党员“${other.name}”` : '该身份证号已在系统中登记，请联系其所在组织办理组织关系转接',
      [{ field: 'idNumber', message: '身份证号已存在' }]);
  };

  return {
    async list(actor: Actor, q: MemberListQuery) {
      const filter = await scopeFilter(actor, q, 'member.read');
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
      const terms = summaryTerms(filter);
      const [rows, total] = await Promise.all([
        repo.list(filter, (page - 1) * pageSize, pageSize),
        // The per-org summaries answer every status choice (全部状态 too) without counting a million rows; a name search counts.
        terms ? orgs.memberSummaryTotal(filter.scopeOrgId, terms) : repo.count(filter),
      ]);
      return { items: rows.map(presentListItem), total, page, pageSize };
    },
    async get(actor: Actor, id: number) {
      const m = await load(id);
      if (actor.role === 'member') {
        if (actor.memberId !== id) await access.deny(actor, 'member.read', { type: 'member', id });
      } else if (!(await access.can(actor, 'member.read', m.org_id))) {
        await access.deny(actor, 'member.read', { type: 'member', id }, '您无权查看该党员的信息');
      }
      await audit.record(actor, { action: 'member.view', targetType: 'member', targetId: id, orgId: m.org_id });
      return detail(m);
    },
    async create(actor: Actor, body: MemberCreateBody) {
      await access.require(actor, 'member.write', body.orgId);
      const org = await placeableOrg(body.orgId);
      const cols = memberColumns(body, cipher, todayCn(clock));
      if (await repo.byIdHash(cols.id_number_hash)) throw await duplicateId(cols.id_number_hash, actor);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insert(trx, { ...cols, org_id: org.id, root_id: org.root_id, status: 'active', created_at: now, updated_at: now, version: 1 });
        await orgs.refreshMemberCounts(trx, [org.id]);
        await audit.record(actor, { action: 'member.create', targetType: 'member', targetId: newId, orgId: org.id, detail: { name: cols.name } }, trx);
        return newId;
      }).catch(async (e) => { if (isUniqueViolation(e)) throw await duplicateId(cols.id_number_hash, actor); throw e; });
      return detail(await load(id));
    },
    async update(actor: Actor, id: number, body: MemberUpdateBody) {
      const m = await load(id);
      await access.require(actor, 'member.write', m.org_id);
      const cols = memberColumns(body, cipher, todayCn(clock));
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        const ok = await repo.update(trx, id, body.version, { ...cols, status: body.status, updated_at: now });
        if (!ok) throw conflict();
        await orgs.refreshMemberCounts(trx, [m.org_id]);
        const changed = Object.keys(body).filter((k) => k !== 'version' && k !== 'idNumber' && k !== 'phone');
        await audit.record(actor, { action: 'member.update', targetType: 'member', targetId: id, orgId: m.org_id, detail: { fields: changed, status: body.status } }, trx);
      }).catch(async (e) => { if (isUniqueViolation(e)) throw await duplicateId(cols.id_number_hash, actor); throw e; });
      return detail(await load(id));
    },
    async transfer(actor: Actor, id: number, body: { toOrgId: number; transferDate: string; reason?: string | null; version: number }) {
      const m = await load(id);
      await access.require(actor, 'member.write', m.org_id);
      await access.require(actor, 'member.write', body.toOrgId);
      const to = await placeableOrg(body.toOrgId);
      if (to.id === m.org_id) throw badInput('转入组织与当前所在组织相同');
      if (m.status !== 'active') throw badInput('只有在册党员可以办理组织关系转接');
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        const ok = await repo.update(trx, id, body.version, { org_id: to.id, root_id: to.root_id, updated_at: now });
        if (!ok) throw conflict();
        await trx.insertInto('member_transfer').values({
          member_id: id, from_org_id: m.org_id, to_org_id: to.id, transfer_date: body.transferDate, reason: body.reason?.trim() || null, actor_id: actor.accountId, at: now,
        }).execute();
        await orgs.refreshMemberCounts(trx, [m.org_id, to.id]);
        await trx.updateTable('account').set({ org_id: to.id }).where('member_id', '=', id).where('role', '=', 'member').execute();
        await audit.record(actor, { action: 'member.transfer', targetType: 'member', targetId: id, orgId: to.id, detail: { from: m.org_id, to: to.id } }, trx);
      });
      return detail(await load(id));
    },
    /** Streams the filtered list as .xlsx; the export itself is audited with its row count. */
    /** Checks access first (a denial is a clean 403), then returns the writer that streams the rows. */
    async exportXlsx(actor: Actor, q: Pick<MemberListQuery, 'orgId' | 'q' | 'status' | 'category'>): Promise<(out: Writable) => Promise<number>> {
      const filter = await scopeFilter(actor, q, 'member.export');
      return async (out) => {
      const rows = async function* () {
        for await (const batch of repo.iterate(filter)) {
          for (const r of batch) {
            yield {
              name: r.name, gender: r.gender, ethnicity: r.ethnicity, birthDate: r.birth_date, idNumber: cipher.decrypt(r.id_number_enc),
              phone: r.phone_enc ? cipher.decrypt(r.phone_enc) : null, education: r.education, joinDate: r.join_date, category: r.category,
              probationStart: r.probation_start, probationEnd: r.probation_end, orgName: r.org_name, post: r.post, status: r.status,
            };
          }
        }
      };
      const count = await writeMemberExport(out, rows(), { title: '党员信息' });
      await audit.record(actor, { action: 'member.export', targetType: 'org', targetId: filter.scopeOrgId, orgId: filter.scopeOrgId, detail: { rows: count, filter: { q: q.q, status: q.status, category: q.category } } });
      return count;
      };
    },
    async ownProfile(actor: Actor) {
      if (!actor.memberId) return { member: null, orgId: actor.orgId };
      const m = await load(actor.memberId);
      await audit.record(actor, { action: 'member.view', targetType: 'member', targetId: m.id, orgId: m.org_id, detail: 'self' });
      return { member: await detail(m), orgId: m.org_id };
    },
  };
}
export type MemberService = ReturnType<typeof createMemberService>;
