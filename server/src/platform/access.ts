// Central authorization: deny by default, by role and by org subtree, checked per record.
import type { Kysely } from 'kysely';
import type { Database } from './db/types.js';
import type { Actor } from './actor.js';
import type { Role } from '../../../contracts/enums.js';
import type { Audit } from './audit.js';
import { forbidden } from './errors.js';

export type Permission =
  | 'org.read' | 'org.write' | 'committee.write'
  | 'member.read' | 'member.write' | 'member.import' | 'member.export'
  | 'account.manage' | 'audit.read'
  | 'standard.read' | 'standard.write'
  | 'base.write' | 'base.override'
  | 'campaign.read' | 'campaign.write'
  | 'assessment.read' | 'assessment.write' | 'assessment.review' | 'assessment.inspect'
  | 'study.read' | 'study.write' | 'display.manage' | 'slides.read' | 'slides.write'
  | 'content.read' | 'content.write' | 'content.review'
  | 'notice.send' | 'notice.read' | 'notice.webhook' | 'notice.inbox'
  | 'search.read';

const ADMINS: Role[] = ['work_committee_admin', 'org_admin'];
/** Which roles may ever hold a permission; the org scope is checked on top of this. */
const POLICY: Record<Permission, readonly Role[]> = {
  'org.read': ADMINS,
  'org.write': ADMINS,
  'committee.write': ADMINS,
  'member.read': ADMINS,
  'member.write': ADMINS,
  'member.import': ADMINS,
  'member.export': ADMINS,
  'account.manage': ADMINS,
  'audit.read': ['work_committee_admin'],
  'standard.read': ['work_committee_admin'],
  'standard.write': ['work_committee_admin'],
  // Base profiles: an org admin describes its own org and its subtree; overriding a tier is for an admin of a
  // strict ancestor (checked in the service: an org admin may not override its own org's tier).
  'base.write': ADMINS,
  'base.override': ADMINS,
  // Campaigns are started and closed by the work committee; every admin reads those that cover its org.
  'campaign.read': ADMINS,
  'campaign.write': ['work_committee_admin'],
  // An assessment is read in the org's subtree scope (its own admins and every ancestor's). The service narrows
  // writing to the org's own admins and reviewing to the admins of the org's parent.
  'assessment.read': ADMINS,
  'assessment.write': ADMINS,
  'assessment.review': ADMINS,
  // Inspectors are work-committee staff, within their own committee's tree.
  'assessment.inspect': ['work_committee_admin'],
  // Notices: admins send within their scope (targets inside the sender org's subtree) and read the statistics of
  // notices sent from orgs in their scope; webhooks are set by the org's admins. Everyone with a linked member
  // reads their own inbox (scoped by the member's org in the service).
  'notice.send': ADMINS,
  'notice.read': ADMINS,
  'notice.webhook': ADMINS,
  'notice.inbox': ['work_committee_admin', 'org_admin', 'member'],
  // Study: an org's admins keep its materials, plans and sessions; materials are read by the owner's whole subtree.
  'study.read': ADMINS,
  'study.write': ADMINS,
  // Wall display tokens of an org; the screensaver slides are the work committee's, downloaded by every admin.
  'display.manage': ADMINS,
  'slides.read': ADMINS,
  'slides.write': ['work_committee_admin'],
  // Columns and articles: written by the admins of the column's org or above; reviewed (published) by the same.
  'content.read': ADMINS,
  'content.write': ADMINS,
  'content.review': ADMINS,
  // Search: everyone signed in; what each finds is scoped in the service (modules/search).
  'search.read': ['work_committee_admin', 'org_admin', 'member'],
};

export interface Access {
  /** Throws FORBIDDEN (and audits the denial) unless the actor holds `permission` over `orgId`. */
  require(actor: Actor, permission: Permission, orgId?: number | null): Promise<void>;
  /** The same check, answering instead of throwing; no audit. */
  can(actor: Actor, permission: Permission, orgId?: number | null): Promise<boolean>;
  inScope(actor: Actor, orgId: number): Promise<boolean>;
  isGlobal(actor: Actor): boolean;
  deny(actor: Actor, permission: string, target?: { type: string; id: string | number } | null, message?: string): Promise<never>;
}

export function createAccess(deps: { db: Kysely<Database>; audit: Audit }): Access {
  const isGlobal = (actor: Actor) => actor.role === 'work_committee_admin' && actor.orgId === null;
  async function inScope(actor: Actor, orgId: number): Promise<boolean> {
    if (isGlobal(actor)) return true;
    if (actor.orgId === null) return false;
    const row = await deps.db.selectFrom('org_closure').select('depth')
      .where('ancestor_id', '=', actor.orgId).where('descendant_id', '=', orgId).executeTakeFirst();
    return row !== undefined;
  }
  async function can(actor: Actor, permission: Permission, orgId?: number | null) {
    if (!POLICY[permission]?.includes(actor.role)) return false;
    if (orgId === undefined) return true;
    if (orgId === null) return isGlobal(actor);
    return inScope(actor, orgId);
  }
  async function deny(actor: Actor, permission: string, target?: { type: string; id: string | number } | null, message?: string): Promise<never> {
    await deps.audit.record(actor, {
      action: 'access.denied', result: 'denied', targetType: target?.type ?? null, targetId: target?.id ?? null,
      detail: { permission },
    });
    throw forbidden(message);
  }
  return {
    isGlobal,
    inScope,
    can,
    deny,
    async require(actor, permission, orgId) {
      if (await can(actor, permission, orgId)) return;
      await deny(actor, permission, orgId == null ? null : { type: 'org', id: orgId },
        orgId == null ? '您无权进行此操作' : '您无权访问该组织的数据');
    },
  };
}
