// Notices (微党建): sending and statistics for admins, the inbox for members, chat-robot settings per org.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type * as N from '@contracts/notice';
import { api, download } from './client';

export type NoticeSummary = Static<typeof N.NoticeSummary>;
export type Notice = Static<typeof N.Notice>;
export type NoticeList = Static<typeof N.NoticeList>;
export type NoticeSendBody = Static<typeof N.NoticeSendBody>;
export type NoticeStats = Static<typeof N.NoticeStats>;
export type NoticeStatsQuery = Static<typeof N.NoticeStatsQuery>;
export type NoticeOrgStat = Static<typeof N.NoticeOrgStat>;
export type Inbox = Static<typeof N.Inbox>;
export type InboxItem = Static<typeof N.InboxItem>;
export type InboxNotice = Static<typeof N.InboxNotice>;
export type Webhook = Static<typeof N.Webhook>;
export type WebhookBody = Static<typeof N.WebhookBody>;
export type Delivery = Static<typeof N.Delivery>;
export type DeliveryList = Static<typeof N.DeliveryList>;

export const noticeKeys = {
  all: ['notices'] as const,
  list: (orgId: number) => ['notices', 'list', orgId] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  stats: (id: number, q: NoticeStatsQuery) => ['notices', 'stats', id, q] as const,
  webhook: (orgId: number) => ['notices', 'webhook', orgId] as const,
  deliveries: (orgId: number) => ['notices', 'deliveries', orgId] as const,
  inbox: ['inbox'] as const,
  inboxNotice: (id: number) => ['inbox', 'notice', id] as const,
};

export const sentNotices = (orgId: number, before?: number) => api.get<NoticeList>('/api/notices', { orgId, before, limit: 20 });
export const noticeQuery = (id: number) => queryOptions({ queryKey: noticeKeys.detail(id), queryFn: () => api.get<Notice>(`/api/notices/${id}`) });
export const noticeStatsQuery = (id: number, q: NoticeStatsQuery) => queryOptions({
  queryKey: noticeKeys.stats(id, q), queryFn: () => api.get<NoticeStats>(`/api/notices/${id}/stats`, q), placeholderData: keepPreviousData,
});
export const sendNotice = (body: NoticeSendBody) => api.post<NoticeSummary>('/api/notices', body, { silent: true });
export const remindNotice = (id: number, orgId?: number) => api.post<Static<typeof N.NoticeRemindResult>>(`/api/notices/${id}/remind`, orgId ? { orgId } : {});
export const exportNoticeStats = (n: Pick<NoticeSummary, 'id' | 'title'>, q: Pick<NoticeStatsQuery, 'sort' | 'order'>) =>
  download(`/api/notices/${n.id}/stats/export`, q, `${n.title}-阅读统计.xlsx`);

export const webhookQuery = (orgId: number) => queryOptions({ queryKey: noticeKeys.webhook(orgId), queryFn: () => api.get<Webhook>(`/api/notice-webhooks/${orgId}`) });
export const deliveriesQuery = (orgId: number) => queryOptions({ queryKey: noticeKeys.deliveries(orgId), queryFn: () => api.get<DeliveryList>(`/api/notice-webhooks/${orgId}/deliveries`) });
export const saveWebhook = (orgId: number, body: WebhookBody) => api.put<Webhook>(`/api/notice-webhooks/${orgId}`, body);

export const inboxPage = (before?: number) => api.get<Inbox>('/api/inbox', { before, limit: 20 });
/** Opening a notice records the read receipt (a POST: no state change on GET). */
export const openNotice = (id: number) => api.post<InboxNotice>(`/api/inbox/${id}/open`, undefined, { silent: true });
