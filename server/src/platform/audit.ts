// Append-only audit trail: logins, denials, writes, exports, views of personal data.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/types.js';
import type { Actor, RequestContext } from './actor.js';
import type { AuditAction, AuditResult } from '../../../contracts/enums.js';
import { type Clock, iso } from './clock.js';

export interface AuditEvent {
  action: AuditAction;
  result?: AuditResult;
  targetType?: string | null;
  targetId?: string | number | null;
  orgId?: number | null;
  detail?: string | Record<string, unknown> | null;
}

export interface Audit {
  /** Record an action by a known actor; pass `trx` to commit the entry with the change it describes. */
  record(actor: Actor, event: AuditEvent, trx?: Transaction<Database>): Promise<void>;
  /** Record an action by someone not (yet) known, e.g. a failed login. */
  recordAnonymous(ctx: RequestContext & { actorName?: string | null; actorId?: number | null; actorRole?: string | null; orgId?: number | null }, event: AuditEvent): Promise<void>;
}

export function createAudit(deps: { db: Kysely<Database>; clock: Clock }): Audit {
  const insert = async (row: Database['audit_log'] extends infer T ? Omit<{ [K in keyof T]: any }, 'id'> : never, trx?: Transaction<Database>) => {
    await (trx ?? deps.db).insertInto('audit_log').values(row).execute();
  };
  const detailText = (d: AuditEvent['detail']) => (d == null ? null : typeof d === 'string' ? d : JSON.stringify(d));
  /** One row shape for both entry points: who, from where, what, on which target, with what result. */
  const row = (who: { id: number | null; name: string | null; role: string | null; orgId: number | null; ip: string | null; requestId: string | null }, e: AuditEvent) => ({
    at: iso(deps.clock.now()),
    actor_id: who.id,
    actor_name: who.name,
    actor_role: who.role,
    org_id: e.orgId ?? who.orgId,
    ip: who.ip,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId == null ? null : String(e.targetId),
    result: e.result ?? 'ok',
    request_id: who.requestId,
    detail: detailText(e.detail),
  });
  return {
    async record(actor, e, trx) {
      await insert(row({ id: actor.accountId, name: `${actor.displayName}（${actor.username}）`, role: actor.role, orgId: actor.orgId, ip: actor.ip, requestId: actor.requestId }, e), trx);
    },
    async recordAnonymous(ctx, e) {
      await insert(row({ id: ctx.actorId ?? null, name: ctx.actorName ?? null, role: ctx.actorRole ?? null, orgId: ctx.orgId ?? null, ip: ctx.ip, requestId: ctx.requestId }, e));
    },
  };
}
