// Base profile (阵地档案) of each organization: the facts about its base, the tier the current standard's rule
// derives from them (with the member count from the member roll), and an ancestor admin's override with a reason.
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { BaseProfileRow, Database, OrgRow, StandardVersionRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { BASE_FACTS, type BaseFactName, type StandardPack } from '../../../../contracts/standard.js';
import type { BaseProfile, BaseProfileUpdateBody, TierOverrideBody, WritableBaseFacts } from '../../../../contracts/schemas.js';
import type { OrgRepo } from '../org/org.repo.js';
import { currentStandard } from '../standard/standard.repo.js';
import { deriveTier } from '../standard/standard.pack.js';
import type { BaseProfileRepo } from './base-profile.repo.js';

interface Standard { row: StandardVersionRow; pack: StandardPack }

export function createBaseProfileService(deps: { db: Kysely<Database>; repo: BaseProfileRepo; orgs: OrgRepo; access: Access; audit: Audit; clock: Clock }) {
  const { db, repo, orgs, access, audit, clock } = deps;
  // Published versions never change, so a parsed pack is kept per row id (and row version, to be safe).
  const packs = new Map<string, StandardPack>();

  async function standard(): Promise<Standard | null> {
    const row = await currentStandard(db);
    if (!row) return null;
    const key = `${row.id}:${row.row_version}`;
    let pack = packs.get(key);
    if (!pack) { pack = JSON.parse(row.content) as StandardPack; packs.set(key, pack); }
    return { row, pack };
  }
  async function loadOrg(id: number): Promise<OrgRow> {
    const row = await orgs.byId(id);
    if (!row) throw notFound('组织');
    return row;
  }
  const factsOf = (row: BaseProfileRow | undefined): WritableBaseFacts => (row ? JSON.parse(row.facts) as WritableBaseFacts : {});
  /** The tier the standard's rule gives: the org's facts plus memberCount from the member roll. */
  const derive = (std: Standard | null, facts: WritableBaseFacts, org: OrgRow) =>
    std ? deriveTier(std.pack, { ...facts, memberCount: org.member_count }) : null;
  const tierName = (std: Standard | null, tier: number | null) =>
    tier === null ? null : std?.pack.tiers.find((t) => t.tier === tier)?.name ?? null;
  const event = (actor: Actor, orgId: number, action: string, detail: string) => ({
    org_id: orgId, action, detail, actor_id: actor.accountId, actor_name: actor.displayName, at: iso(clock.now()),
  });

  async function present(org: OrgRow): Promise<BaseProfile> {
    const [row, std, events] = await Promise.all([repo.byOrg(org.id), standard(), repo.events(org.id)]);
    const facts = factsOf(row);
    // Derived live, so a change of the member roll or a newly published standard shows at once; every write
    // stores the tier of that moment in tier_derived (with the standard version used) for lists and campaigns.
    const tierDerived = derive(std, facts, org);
    const tierOverride = row?.tier_override ?? null;
    const tier = tierOverride ?? tierDerived;
    return {
      orgId: org.id, orgName: org.name, facts, memberCount: org.member_count,
      tier, tierDerived, tierOverride,
      overrideReason: row?.override_reason ?? null, overrideBy: row?.override_by_name ?? null, overrideAt: row?.override_at ?? null,
      standard: std ? { id: std.row.id, packId: std.row.pack_id, version: std.row.version, title: std.row.title } : null,
      tierName: tierName(std, tier),
      version: row?.version ?? 0, updatedAt: row?.updated_at ?? null,
      history: events.map((e) => ({ id: e.id, action: e.action, detail: e.detail, actorName: e.actor_name, at: e.at })),
    };
  }

  /** Insert the profile (expected version 0) or update it under the optimistic lock; 409 either way when stale. */
  async function save(trx: Transaction<Database>, orgId: number, expected: number, existing: BaseProfileRow | undefined, patch: Partial<Omit<BaseProfileRow, 'org_id' | 'version'>> & { updated_at: string }) {
    if (!existing) {
      if (expected !== 0) throw conflict();
      await repo.insert(trx, {
        org_id: orgId, facts: '{}', tier_derived: null, tier_override: null, override_reason: null, override_by: null,
        override_by_name: null, override_at: null, standard_version_id: null, updated_by: null, ...patch, version: 1,
      });
      return;
    }
    if (!(await repo.update(trx, orgId, expected, patch))) throw conflict();
  }
  const rethrowRace = (e: unknown): never => { throw isUniqueViolation(e) ? conflict() : e; };

  return {
    async get(actor: Actor, id: number) {
      await access.require(actor, 'org.read', id);
      return present(await loadOrg(id));
    },

    async update(actor: Actor, id: number, body: Static<typeof BaseProfileUpdateBody>) {
      const org = await loadOrg(id);
      await access.require(actor, 'base.write', id);
      if (org.status !== 'active') throw badInput('已撤销的组织不能修改阵地档案');
      const existing = await repo.byOrg(id);
      if ((existing?.version ?? 0) !== body.version) throw conflict();
      const facts = clean(body.facts);
      const std = await standard();
      const derived = derive(std, facts, org);
      const before = factsOf(existing);
      const changed = (Object.keys(BASE_FACTS) as BaseFactName[]).filter((k) => k !== 'memberCount'
        && JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((facts as Record<string, unknown>)[k]));
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await save(trx, id, body.version, existing, {
          facts: JSON.stringify(facts), tier_derived: derived, standard_version_id: std?.row.id ?? null, updated_by: actor.accountId, updated_at: now,
        });
        const names = changed.map((k) => BASE_FACTS[k].label);
        let detail = changed.length === 0 ? '保存阵地档案（无变化）'
          : `更新阵地档案：${names.slice(0, 5).join('；')}${names.length > 5 ? ` 等 ${names.length} 项` : ''}`;
        const oldDerived = existing?.tier_derived ?? null;
        if (existing && oldDerived !== derived) detail += `；按档案推定的类别由“${tierName(std, oldDerived) ?? '未定'}”变为“${tierName(std, derived) ?? '未定'}”`;
        await repo.addEvent(trx, event(actor, id, 'update', detail));
        await audit.record(actor, { action: 'base.update', targetType: 'org', targetId: id, orgId: id, detail: { changed, tierDerived: derived, standard: std ? `${std.row.pack_id}@${std.row.version}` : null } }, trx);
      }).catch(rethrowRace);
      return present(await loadOrg(id));
    },

    async overrideTier(actor: Actor, id: number, body: Static<typeof TierOverrideBody>) {
      const org = await loadOrg(id);
      await access.require(actor, 'base.override', id);
      // Only an admin above the org decides on its tier: an org admin may not override its own org's tier.
      // A work-committee admin may override anything in its tree, its root included.
      if (actor.role !== 'work_committee_admin' && actor.orgId === id) {
        await access.deny(actor, 'base.override', { type: 'org', id }, '不能调整本组织的阵地类别，请由上级组织调整');
      }
      if (org.status !== 'active') throw badInput('已撤销的组织不能调整阵地类别');
      const reason = body.reason?.trim() ?? '';
      const std = await standard();
      if (body.tier !== null) {
        if (reason.length < 2) throw badInput('调整阵地类别必须填写原因（2 至 200 字）', [{ field: 'reason', message: '请填写调整原因（2 至 200 字）' }]);
        if (!std) throw badInput('尚无已发布的标准，不能调整阵地类别');
        if (!std.pack.tiers.some((t) => t.tier === body.tier)) {
          throw badInput(`标准“${std.row.title}”中没有第 ${body.tier} 类阵地`, [{ field: 'tier', message: `可选：${std.pack.tiers.map((t) => t.name).join('、')}` }]);
        }
      }
      const existing = await repo.byOrg(id);
      if ((existing?.version ?? 0) !== body.version) throw conflict();
      const derived = derive(std, factsOf(existing), org);
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await save(trx, id, body.version, existing, body.tier === null
          ? { tier_override: null, override_reason: null, override_by: null, override_by_name: null, override_at: null,
            tier_derived: derived, standard_version_id: std?.row.id ?? null, updated_by: actor.accountId, updated_at: now }
          : { tier_override: body.tier, override_reason: reason, override_by: actor.accountId, override_by_name: actor.displayName, override_at: now,
            tier_derived: derived, standard_version_id: std!.row.id, updated_by: actor.accountId, updated_at: now });
        const detail = body.tier === null
          ? `取消阵地类别调整，恢复按档案推定的“${tierName(std, derived) ?? '未定'}”${reason ? `，原因：${reason}` : ''}`
          : `将阵地类别调整为“${tierName(std, body.tier)}”（按档案推定为“${tierName(std, derived) ?? '未定'}”），原因：${reason}`;
        await repo.addEvent(trx, event(actor, id, 'override', detail));
        await audit.record(actor, { action: 'base.override', targetType: 'org', targetId: id, orgId: id, detail: { tier: body.tier, tierDerived: derived, reason: reason || null } }, trx);
      }).catch(rethrowRace);
      return present(await loadOrg(id));
    },
  };
}
export type BaseProfileService = ReturnType<typeof createBaseProfileService>;

/** Trimmed strings; an empty string is no value (the fact is unknown), so it is dropped. */
function clean(facts: WritableBaseFacts): WritableBaseFacts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') { const t = v.trim(); if (t) out[k] = t; continue; }
    out[k] = v;
  }
  return out as WritableBaseFacts;
}
