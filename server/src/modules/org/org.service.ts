// Organization tree: create, rename, move a subtree, dissolve (kept, never deleted), and read in scope.
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Database, OrgRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Clock, iso, todayCn, addMonths } from '../../platform/clock.js';
import { badInput, conflict, forbidden, notFound } from '../../platform/errors.js';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS, type OrgType } from '../../../../contracts/enums.js';
import type { OrgCreateBody, OrgDissolveBody, OrgMoveBody, OrgUpdateBody } from '../../../../contracts/schemas.js';
import { TERM_WARNING_MONTHS } from '../../../../contracts/limits.js';
import { type OrgRepo } from './org.repo.js';
import { presentOrg, presentTreeNode } from './org.presenter.js';

export function createOrgService(deps: { db: Kysely<Database>; repo: OrgRepo; access: Access; audit: Audit; clock: Clock }) {
  const { db, repo, access, audit, clock } = deps;

  async function load(id: number): Promise<OrgRow> {
    const row = await repo.byId(id);
    if (!row) throw notFound('组织');
    return row;
  }
  async function present(row: OrgRow) {
    const [path, counts, totals] = await Promise.all([
      repo.ancestors(row.id), repo.childCounts([row.id]), repo.subtreeMemberTotals(row.id),
    ]);
    return presentOrg(row, { path, childCount: counts.get(row.id) ?? 0, subtreeMemberCount: totals.members });
  }
  async function presentNodes(rows: OrgRow[]) {
    const counts = await repo.childCounts(rows.map((r) => r.id));
    return rows.map((r) => presentTreeNode(r, counts.get(r.id) ?? 0));
  }
  /** The org an admin is bound to may not be moved, dissolved or renamed by that admin. */
  function isOwnScopeRoot(actor: Actor, id: number) {
    return actor.orgId === id && actor.role !== 'work_committee_admin';
  }
  const event = (actor: Actor, orgId: number, action: string, detail: string) => ({
    org_id: orgId, action, detail, actor_id: actor.accountId, actor_name: actor.displayName, at: iso(clock.now()),
  });

  return {
    async roots(actor: Actor) {
      await access.require(actor, 'org.read');
      if (access.isGlobal(actor)) return presentNodes(await repo.roots());
      return presentNodes([await load(actor.orgId!)]);
    },
    async children(actor: Actor, parentId: number, includeDissolved: boolean) {
      await access.require(actor, 'org.read', parentId);
      return presentNodes(await repo.children(parentId, includeDissolved));
    },
    async search(actor: Actor, q: string) {
      await access.require(actor, 'org.read');
      const rows = await repo.search(access.isGlobal(actor) ? null : actor.orgId, q.trim(), 20);
      const parents = new Map((await repo.byIds([...new Set(rows.map((r) => r.parent_id).filter((x): x is number => x !== null))])).map((p) => [p.id, p.name]));
      return (await presentNodes(rows)).map((n) => ({ ...n, parentName: n.parentId === null ? null : parents.get(n.parentId) ?? null }));
    },
    async get(actor: Actor, id: number) {
      await access.require(actor, 'org.read', id);
      return present(await load(id));
    },
    async stats(actor: Actor, id: number) {
      await access.require(actor, 'org.read', id);
      await load(id);
      const [byType, totals] = await Promise.all([repo.countsByType(id), repo.subtreeMemberTotals(id)]);
      const limit = addMonths(todayCn(clock), TERM_WARNING_MONTHS);
      const expiring = await db.selectFrom('committee_term as t').innerJoin('org as o', 'o.id', 't.org_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(await repo.inSubtree(id)).where('t.is_current', '=', 1).where('o.status', '=', 'active')
        .where('t.end_date', '<=', limit).executeTakeFirstOrThrow();
      return { orgCount: totals.orgs, byType, memberCount: totals.members, probationaryCount: totals.probationary, expiringTerms: Number(expiring.n) };
    },
    async history(actor: Actor, id: number) {
      await access.require(actor, 'org.read', id);
      return (await repo.events(id)).map((e) => ({ id: e.id, action: e.action, detail: e.detail, actorName: e.actor_name, at: e.at }));
    },
    async create(actor: Actor, body: Static<typeof OrgCreateBody>) {
      const parent = body.parentId === null ? null : await repo.byId(body.parentId);
      if (parent === undefined) throw notFound('上级组织');
      await access.require(actor, 'org.write', body.parentId);
      if (parent === null) {
        if (body.type !== 'work_committee') throw badInput('顶级组织只能是机关工委');
      } else {
        if (parent.status !== 'active') throw badInput('上级组织已撤销，不能新建下级组织');
        if (!ORG_CHILD_TYPES[parent.type as OrgType].includes(body.type)) {
          throw badInput(`${ORG_TYPE_LABELS[parent.type as OrgType]}下不能设立${ORG_TYPE_LABELS[body.type]}`);
        }
      }
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insert(trx, {
          parent_id: parent?.id ?? null, root_id: parent?.root_id ?? 0, name: body.name.trim(), short_name: body.shortName?.trim() || null,
          code: body.code?.trim() || null, type: body.type, status: 'active', sort_order: 0, member_count: 0, probationary_count: 0,
          dissolved_at: null, dissolve_reason: null, created_at: now, updated_at: now, version: 1,
        });
        if (parent === null) await trx.updateTable('org').set({ root_id: newId }).where('id', '=', newId).execute();
        await repo.addEvent(trx, event(actor, newId, 'create', `新建${ORG_TYPE_LABELS[body.type]}“${body.name}”`));
        await audit.record(actor, { action: 'org.create', targetType: 'org', targetId: newId, orgId: newId, detail: { name: body.name, type: body.type, parentId: body.parentId } }, trx);
        return newId;
      }).catch(rethrowUnique);
      return present(await load(id));
    },
    async update(actor: Actor, id: number, body: Static<typeof OrgUpdateBody>) {
      const row = await load(id);
      await access.require(actor, 'org.write', id);
      if (isOwnScopeRoot(actor, id)) throw forbidden('不能修改本账号所属的组织本身，请联系上级管理员');
      if (row.status !== 'active') throw badInput('已撤销的组织不能修改');
      const patch: Partial<OrgRow> = { updated_at: iso(clock.now()) };
      if (body.name !== undefined) patch.name = body.name.trim();
      if (body.shortName !== undefined) patch.short_name = body.shortName?.trim() || null;
      if (body.code !== undefined) patch.code = body.code?.trim() || null;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, body.version, patch))) throw conflict();
        const detail = patch.name && patch.name !== row.name ? `名称由“${row.name}”改为“${patch.name}”` : '修改组织信息';
        await repo.addEvent(trx, event(actor, id, 'update', detail));
        await audit.record(actor, { action: 'org.update', targetType: 'org', targetId: id, orgId: id, detail: { from: row.name, ...body } }, trx);
      }).catch(rethrowUnique);
      return present(await load(id));
    },
    async move(actor: Actor, id: number, body: Static<typeof OrgMoveBody>) {
      const row = await load(id);
      const target = await repo.byId(body.newParentId);
      if (!target) throw notFound('目标上级组织');
      await access.require(actor, 'org.write', id);
      await access.require(actor, 'org.write', target.id);
      if (isOwnScopeRoot(actor, id)) throw forbidden('不能移动本账号所属的组织本身');
      if (row.parent_id === null) throw badInput('顶级组织不能移动');
      if (row.status !== 'active' || target.status !== 'active') throw badInput('已撤销的组织不能参与移动');
      if (await repo.isAncestor(id, target.id)) throw badInput('不能把组织移动到它自己或它的下级组织之下');
      if (!ORG_CHILD_TYPES[target.type as OrgType].includes(row.type as OrgType)) {
        throw badInput(`${ORG_TYPE_LABELS[target.type as OrgType]}下不能设立${ORG_TYPE_LABELS[row.type as OrgType]}`);
      }
      const oldParent = row.parent_id ? await repo.byId(row.parent_id) : undefined;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, body.version, { updated_at: iso(clock.now()) }))) throw conflict();
        await repo.moveSubtree(trx, id, target.id, target.root_id);
        await repo.addEvent(trx, event(actor, id, 'move', `由“${oldParent?.name ?? ''}”移至“${target.name}”`));
        await audit.record(actor, { action: 'org.move', targetType: 'org', targetId: id, orgId: id, detail: { from: row.parent_id, to: target.id } }, trx);
      });
      return present(await load(id));
    },
    async dissolve(actor: Actor, id: number, body: Static<typeof OrgDissolveBody>) {
      const row = await load(id);
      await access.require(actor, 'org.write', id);
      if (isOwnScopeRoot(actor, id)) throw forbidden('不能撤销本账号所属的组织本身');
      if (row.status !== 'active') throw badInput('该组织已撤销');
      if ((await repo.activeDescendantCount(id)) > 0) throw badInput('该组织还有未撤销的下级组织，请先撤销或移走下级组织');
      if (row.member_count > 0) throw badInput(`该组织还有 ${row.member_count} 名在册党员，请先办理组织关系转接`);
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        const ok = await repo.update(trx, id, body.version, { status: 'dissolved', dissolved_at: now, dissolve_reason: body.reason, updated_at: now });
        if (!ok) throw conflict();
        await trx.updateTable('committee_term').set({ is_current: 0 }).where('org_id', '=', id).execute();
        await repo.addEvent(trx, event(actor, id, 'dissolve', `撤销组织，原因：${body.reason}`));
        await audit.record(actor, { action: 'org.dissolve', targetType: 'org', targetId: id, orgId: id, detail: { reason: body.reason } }, trx);
      });
      return present(await load(id));
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;

function rethrowUnique(e: unknown): never {
  if (isUniqueViolation(e)) throw badInput('组织编码已被同一机关工委下的其他组织使用');
  throw e;
}
