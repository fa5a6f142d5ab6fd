// Reading the audit trail: work-committee admins only, within their tree; newest first, keyset paged.
import type { Writable } from 'node:stream';
import ExcelJS from '../../platform/excel.js';
import { sql, type Kysely } from 'kysely';
import type { Database, AuditRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { likeText } from '../../platform/db/connect.js';
import { likeEscape } from '../../platform/db/dialect.js';
import type { AuditEntry } from '../../../../contracts/schemas.js';
import { AUDIT_ACTION_LABELS, AUDIT_RESULT_LABELS, ROLE_LABELS, type AuditResult, type Role } from '../../../../contracts/enums.js';

export interface AuditQuery { actor?: string; action?: string; targetType?: string; targetId?: string; result?: AuditResult; from?: string; to?: string; beforeId?: number; pageSize?: number }

export function createAuditReadService(deps: { db: Kysely<Database>; access: Access; audit: Audit }) {
  const { db, access, audit } = deps;
  const present = (r: AuditRow): AuditEntry => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role, orgId: r.org_id, ip: r.ip, action: r.action,
    targetType: r.target_type, targetId: r.target_id, result: r.result as AuditResult, requestId: r.request_id, detail: r.detail,
  });
  function query(actor: Actor, q: AuditQuery) {
    let qb = db.selectFrom('audit_log').selectAll();
    if (!access.isGlobal(actor)) {
      // Entries about this tree: its orgs, or made by accounts bound to its orgs.
      const sub = (eb: any) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', actor.orgId!);
      qb = qb.where((eb) => eb.or([eb('org_id', 'in', sub(eb)), eb('actor_id', 'in', eb.selectFrom('account').select('id').where('org_id', 'in', sub(eb)))]));
    }
    if (q.actor?.trim()) qb = qb.where(likeText(sql.ref('actor_name'), `%${likeEscape(q.actor.trim())}%`));
    if (q.action) qb = qb.where('action', '=', q.action);
    if (q.targetType) qb = qb.where('target_type', '=', q.targetType);
    if (q.targetId) qb = qb.where('target_id', '=', q.targetId);
    if (q.result) qb = qb.where('result', '=', q.result);
    if (q.from) qb = qb.where('at', '>=', q.from);
    if (q.to) qb = qb.where('at', '<=', q.to);
    return qb;
  }
  return {
    async search(actor: Actor, q: AuditQuery) {
      await access.require(actor, 'audit.read');
      const pageSize = q.pageSize ?? 50;
      let qb = query(actor, q);
      if (q.beforeId) qb = qb.where('id', '<', q.beforeId);
      const rows = await qb.orderBy('id', 'desc').limit(pageSize + 1).execute();
      const items = rows.slice(0, pageSize).map(present);
      return { items, nextBeforeId: rows.length > pageSize ? items[items.length - 1].id : null };
    },
    async exportXlsx(actor: Actor, q: AuditQuery): Promise<(out: Writable) => Promise<number>> {
      await access.require(actor, 'audit.read');
      return async (out) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
        const ws = wb.addWorksheet('审计日志');
        ws.columns = [
          { header: '时间', key: 'at', width: 22 }, { header: '操作人', key: 'actor', width: 24 }, { header: '角色', key: 'role', width: 12 },
          { header: 'IP', key: 'ip', width: 16 }, { header: '操作', key: 'action', width: 18 }, { header: '对象', key: 'target', width: 16 },
          { header: '结果', key: 'result', width: 8 }, { header: '请求编号', key: 'rid', width: 38 }, { header: '详情', key: 'detail', width: 60 },
        ];
        let before: number | null = null; // no sentinel: PostgreSQL refuses 2^53 against an integer column
        let count = 0;
        for (;;) {
          let page = query(actor, q);
          if (before !== null) page = page.where('id', '<', before);
          const rows = await page.orderBy('id', 'desc').limit(1000).execute();
          for (const r of rows) {
            ws.addRow({
              at: new Date(Date.parse(r.at) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19), actor: r.actor_name,
              role: r.actor_role ? ROLE_LABELS[r.actor_role as Role] ?? r.actor_role : '', ip: r.ip,
              action: AUDIT_ACTION_LABELS[r.action as keyof typeof AUDIT_ACTION_LABELS] ?? r.action,
              target: r.target_type ? `${r.target_type}#${r.target_id ?? ''}` : '', result: AUDIT_RESULT_LABELS[r.result as AuditResult] ?? r.result,
              rid: r.request_id, detail: r.detail,
            }).commit();
            count++;
          }
          if (rows.length < 1000) break;
          before = rows[rows.length - 1].id;
        }
        ws.commit();
        await wb.commit();
        await audit.record(actor, { action: 'audit.export', detail: { rows: count } });
        return count;
      };
    },
  };
}
export type AuditReadService = ReturnType<typeof createAuditReadService>;
