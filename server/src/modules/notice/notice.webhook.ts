// Chat-robot settings per org (off by default; URL and secret encrypted at rest), the delivery log, and the
// delivery job the job runner calls: due deliveries are posted, failures retried with backoff, then given up.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Cipher } from '../../platform/crypto.js';
import type { Config } from '../../platform/config.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type { DeliveryList, DeliveryStatus, Webhook, WebhookBody, WebhookKind } from '../../../../contracts/notice.js';
import { maskUrl, robotPayload, robotResult, signedUrl, webhookUrlProblem } from './notice.robot.js';
import { reachedColumn } from './notice.repo.js';

/** Minutes to wait after the n-th failed attempt; after the last, the delivery is given up. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
const BATCH = 20;
const TIMEOUT_MS = 10_000;

export function createWebhookService(deps: { db: Kysely<Database>; access: Access; audit: Audit; cipher: Cipher; clock: Clock; config: Config }) {
  const { db, access, audit, cipher, clock, config } = deps;

  async function org(orgId: number) {
    const o = await db.selectFrom('org').select(['id', 'status']).where('id', '=', orgId).executeTakeFirst();
    if (!o) throw notFound('组织');
    return o;
  }
  const present = (orgId: number, w: Database['notice_webhook'] | undefined): Webhook => w
    ? { orgId, configured: true, kind: w.kind as WebhookKind, urlMasked: w.url_masked, hasSecret: !!w.secret_enc, enabled: w.enabled === 1, updatedAt: w.updated_at, version: w.version }
    : { orgId, configured: false, kind: null, urlMasked: null, hasSecret: false, enabled: false, updatedAt: null, version: 0 };
  const row = (orgId: number) => db.selectFrom('notice_webhook').selectAll().where('org_id', '=', orgId).executeTakeFirst();

  return {
    async get(actor: Actor, orgId: number): Promise<Webhook> {
      await access.require(actor, 'notice.webhook', orgId);
      await org(orgId);
      return present(orgId, await row(orgId));
    },
    async save(actor: Actor, orgId: number, body: WebhookBody): Promise<Webhook> {
      await access.require(actor, 'notice.webhook', orgId);
      await org(orgId);
      const cur = await row(orgId);
      if ((cur?.version ?? 0) !== body.version) throw conflict();
      const url = body.url?.trim();
      if (!cur && !url) throw badInput('请填写机器人地址', [{ field: 'url', message: '请填写机器人地址' }]);
      if (url) {
        const p = webhookUrlProblem(url, config.webhookAllowHttp);
        if (p) throw badInput(p, [{ field: 'url', message: p }]);
      }
      const secret = body.secret === undefined ? undefined : body.secret?.trim() || null;
      const now = iso(clock.now());
      const cols = {
        kind: body.kind, enabled: body.enabled ? 1 : 0, updated_by: actor.accountId, updated_at: now,
        ...(url ? { url_enc: cipher.encrypt(url), url_masked: maskUrl(url) } : {}),
        ...(secret !== undefined ? { secret_enc: secret ? cipher.encrypt(secret) : null } : {}),
      };
      await db.transaction().execute(async (trx) => {
        if (cur) {
          const r = await trx.updateTable('notice_webhook').set({ ...cols, version: cur.version + 1 }).where('org_id', '=', orgId).where('version', '=', cur.version).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw conflict();
        } else {
          await trx.insertInto('notice_webhook').values({ org_id: orgId, url_enc: '', url_masked: '', secret_enc: null, ...cols, version: 1 }).execute();
        }
        await audit.record(actor, { action: 'notice.webhook', targetType: 'org', targetId: orgId, orgId, detail: { kind: body.kind, enabled: body.enabled, urlChanged: !!url, secretChanged: secret !== undefined } }, trx);
      });
      return present(orgId, await row(orgId));
    },
    async deliveries(actor: Actor, orgId: number): Promise<DeliveryList> {
      await access.require(actor, 'notice.webhook', orgId);
      const rows = await db.selectFrom('notice_delivery as d').innerJoin('notice as n', 'n.id', 'd.notice_id')
        .select(['d.id', 'd.notice_id', 'n.title', 'd.remind_id', 'd.kind', 'd.status', 'd.attempts', 'd.http_status', 'd.error', 'd.next_attempt_at', 'd.created_at', 'd.updated_at'])
        .where('d.org_id', '=', orgId).orderBy('d.id', 'desc').limit(100).execute();
      return {
        items: rows.map((r) => ({
          id: r.id, noticeId: r.notice_id, noticeTitle: r.title, reminder: r.remind_id !== null, kind: r.kind as WebhookKind, status: r.status as DeliveryStatus, attempts: r.attempts,
          httpStatus: r.http_status, error: r.error, nextAttemptAt: r.next_attempt_at, createdAt: r.created_at, updatedAt: r.updated_at,
        })),
      };
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;

/** The job: posts due deliveries (oldest first, a batch per pass). Runs only on the process holding the job lease. */
export function createDeliveryJob(deps: { db: Kysely<Database>; cipher: Cipher; clock: Clock; config: Config; fetch?: typeof fetch }) {
  const { db, cipher, clock, config } = deps;
  const doFetch = deps.fetch ?? fetch;
  return {
    name: 'notice.webhook',
    async run(): Promise<void> {
      const now = iso(clock.now());
      const due = await db.selectFrom('notice_delivery as d')
        .innerJoin('notice as n', 'n.id', 'd.notice_id').innerJoin('org as so', 'so.id', 'n.sender_org_id')
        .leftJoin('notice_webhook as w', 'w.org_id', 'd.org_id')
        // For a reminder: how many of the robot's org have not read it yet, at the time of posting.
        .innerJoin('org as o', 'o.id', 'd.org_id')
        .leftJoin('notice_org_stat as st', (j) => j.onRef('st.notice_id', '=', 'd.notice_id').onRef('st.org_id', '=', 'd.org_id'))
        .select(['d.id', 'd.attempts', 'd.kind', 'd.remind_id', 'n.title', 'n.body', 'n.kind as notice_kind', 'n.audience', 'so.name as sender_org_name',
          'w.url_enc', 'w.secret_enc', 'w.enabled', 'w.kind as hook_kind', 'o.member_account_count', 'o.post_account_count', 'st.read_count'])
        .where('d.status', '=', 'pending').where('d.next_attempt_at', '<=', now)
        .orderBy('d.next_attempt_at').orderBy('d.id').limit(BATCH).execute();
      for (const d of due) {
        const attempts = d.attempts + 1;
        let ok = false; let httpStatus: number | null = null; let error: string | null = null; let giveUp = false;
        if (!d.url_enc || d.enabled !== 1) {
          error = '该组织的群机器人已停用或已删除'; giveUp = true;
        } else {
          try {
            const url = cipher.decrypt(d.url_enc);
            const problem = webhookUrlProblem(url, config.webhookAllowHttp);
            if (problem) { error = problem; giveUp = true; } else {
              const kind = (d.hook_kind ?? d.kind) as WebhookKind;
              const res = await doFetch(signedUrl(kind, url, d.secret_enc ? cipher.decrypt(d.secret_enc) : null, clock.now().getTime()), {
                method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' },
                body: JSON.stringify(robotPayload(kind, {
                  title: d.title, body: d.body, kind: d.notice_kind, senderOrgName: d.sender_org_name,
                  reminder: d.remind_id === null ? undefined
                    : { unread: Math.max(0, Number(d[reachedColumn(d.audience)]) - Number(d.read_count ?? 0)) },
                })),
                redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS),
              });
              httpStatus = res.status;
              const r = robotResult(res.status, await res.text().catch(() => ''));
              ok = r.ok; error = r.error;
            }
          } catch (e) {
            error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : '发送失败';
          }
        }
        const last = giveUp || attempts >= MAX_ATTEMPTS;
        const at = clock.now();
        await db.updateTable('notice_delivery').set({
          status: ok ? 'sent' : last ? 'failed' : 'pending', attempts, http_status: httpStatus, error: ok ? null : error,
          next_attempt_at: ok || last ? null : iso(new Date(at.getTime() + RETRY_MINUTES[attempts - 1] * 60_000)), updated_at: iso(at),
        }).where('id', '=', d.id).execute();
      }
    },
  };
}
