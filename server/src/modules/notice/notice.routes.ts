import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { sendXlsx, fileStamp } from '../../platform/http/xlsx-reply.js';
import { IdParams } from '../../../../contracts/schemas.js';
import {
  DeliveryList, Inbox, InboxNotice, InboxQuery, Notice, NoticeList, NoticeListQuery, NoticeRemindBody, NoticeRemindResult, NoticeSendBody,
  NoticeStats, NoticeStatsQuery, NoticeSummary, Webhook, WebhookBody,
} from '../../../../contracts/notice.js';
import type { Audit } from '../../platform/audit.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { NoticeService } from './notice.service.js';
import type { InboxService } from './notice.inbox.js';
import type { WebhookService } from './notice.webhook.js';
import { writeNoticeStatsXlsx } from './notice.xlsx.js';

export function registerNoticeRoutes(app: App, deps: { notices: NoticeService; inbox: InboxService; webhooks: WebhookService; audit: Audit; jobs: JobRunner }) {
  const { notices, inbox, webhooks, audit } = deps;
  const tags = ['notices'];
  app.addHook('onClose', async () => { await deps.jobs.stop(); });

  app.post('/api/notices', { schema: { tags, summary: '发送通知（微党建）', body: NoticeSendBody, response: { 200: NoticeSummary } } },
    async (req) => notices.send(actorOf(req), req.body));
  app.get('/api/notices', { schema: { tags, summary: '已发送的通知（本组织及下级发出的）', querystring: NoticeListQuery, response: { 200: NoticeList } } },
    async (req) => notices.list(actorOf(req), req.query));
  app.get('/api/notices/:id', { schema: { tags, summary: '通知详情', params: IdParams, response: { 200: Notice } } },
    async (req) => notices.get(actorOf(req), req.params.id));
  app.get('/api/notices/:id/stats', { schema: { tags, summary: '送达与阅读统计（按组织）', params: IdParams, querystring: NoticeStatsQuery, response: { 200: NoticeStats } } },
    async (req) => notices.stats(actorOf(req), req.params.id, req.query));
  app.get('/api/notices/:id/stats/export', { schema: { tags, summary: '导出送达与阅读统计（Excel）', params: IdParams, querystring: NoticeStatsQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const q = { sort: req.query.sort, order: req.query.order };
      const first = await notices.stats(actor, req.params.id, { ...q, page: 1, pageSize: 1 });
      await audit.record(actor, { action: 'notice.export', targetType: 'notice', targetId: first.notice.id, orgId: first.notice.senderOrg.id });
      const title = first.notice.title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 40);
      return sendXlsx(req, reply, `${title}_阅读统计_${fileStamp()}.xlsx`,
        (out) => writeNoticeStatsXlsx(out, first, (page, pageSize) => notices.stats(actor, first.notice.id, { ...q, page, pageSize })));
    });
  app.post('/api/notices/:id/remind', { schema: { tags, summary: '提醒未读党员（全部范围或其中一个组织）', params: IdParams, body: NoticeRemindBody, response: { 200: NoticeRemindResult } } },
    async (req) => notices.remind(actorOf(req), req.params.id, req.body));

  app.get('/api/inbox', { schema: { tags, summary: '我的通知（收件箱）', querystring: InboxQuery, response: { 200: Inbox } } },
    async (req) => inbox.inbox(actorOf(req), req.query));
  app.post('/api/inbox/:id/open', { schema: { tags, summary: '打开通知（记录已读）', params: IdParams, response: { 200: InboxNotice } } },
    async (req) => inbox.open(actorOf(req), req.params.id));

  app.get('/api/notice-webhooks/:id', { schema: { tags, summary: '群机器人推送设置', params: IdParams, response: { 200: Webhook } } },
    async (req) => webhooks.get(actorOf(req), req.params.id));
  app.put('/api/notice-webhooks/:id', { schema: { tags, summary: '保存群机器人推送设置', params: IdParams, body: WebhookBody, response: { 200: Webhook } } },
    async (req) => webhooks.save(actorOf(req), req.params.id, req.body));
  app.get('/api/notice-webhooks/:id/deliveries', { schema: { tags, summary: '群机器人推送记录', params: IdParams, response: { 200: DeliveryList } } },
    async (req) => webhooks.deliveries(actorOf(req), req.params.id));
}
