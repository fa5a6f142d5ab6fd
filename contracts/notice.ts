// Notices (微党建): send to a scope, members' inbox with read receipts, reach and read statistics per org,
// reminders, and outbound chat-robot webhooks per org. Request and response schemas shared by server and web.
import { Type, type Static, type TSchema } from 'typebox';
import { DELIVERY_STATUSES, NOTICE_AUDIENCES, NOTICE_BODY_MAX, NOTICE_KINDS, NOTICE_TARGETS_MAX, NOTICE_TITLE_MAX, WEBHOOK_KINDS } from './notice-labels.js';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

export * from './notice-labels.js';

const Target = Obj({ orgId: Id, subtree: Type.Boolean({ description: 'true: the org and every org under it' }) });
const TargetView = Obj({ orgId: Id, name: Type.String(), subtree: Type.Boolean() });

export const NoticeSendBody = Obj({
  senderOrgId: Id,
  kind: Type.Enum(NOTICE_KINDS),
  audience: Type.Enum(NOTICE_AUDIENCES),
  title: Type.String({ minLength: 2, maxLength: NOTICE_TITLE_MAX }),
  body: Type.String({ minLength: 1, maxLength: NOTICE_BODY_MAX, description: 'plain text; line breaks are kept' }),
  targets: Type.Array(Target, { minItems: 1, maxItems: NOTICE_TARGETS_MAX }),
});
export type NoticeSendBody = Static<typeof NoticeSendBody>;

export const NoticeSummary = Obj({
  id: Id,
  kind: Type.Enum(NOTICE_KINDS),
  audience: Type.Enum(NOTICE_AUDIENCES),
  title: Type.String(),
  senderOrg: Obj({ id: Id, name: Type.String() }),
  targets: Type.Array(TargetView),
  sentBy: Nullable(Type.String()),
  sentAt: Type.String(),
  readCount: Type.Integer(),
  remindCount: Type.Integer(),
  lastRemindedAt: Nullable(Type.String()),
});
export type NoticeSummary = Static<typeof NoticeSummary>;
export const Notice = Obj({ ...NoticeSummary.properties, body: Type.String() });
export type Notice = Static<typeof Notice>;
export const NoticeListQuery = Obj({ orgId: Type.Optional(Id), before: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) });
export const NoticeList = Obj({ items: Type.Array(NoticeSummary), nextBefore: Nullable(Id) });
export type NoticeList = Static<typeof NoticeList>;

export const NOTICE_STAT_SORTS = ['name', 'reached', 'read', 'rate'] as const;
export const NoticeStatsQuery = Obj({
  sort: Type.Optional(Type.Enum(NOTICE_STAT_SORTS)),
  order: Type.Optional(Type.Enum(['asc', 'desc'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type NoticeStatsQuery = Static<typeof NoticeStatsQuery>;
export const NoticeOrgStat = Obj({ orgId: Id, name: Type.String(), reached: Type.Integer(), read: Type.Integer(), rate: Nullable(Type.Number()) });
export type NoticeOrgStat = Static<typeof NoticeOrgStat>;
export const NoticeStats = Obj({
  notice: NoticeSummary,
  totals: Obj({ orgs: Type.Integer(), reached: Type.Integer(), read: Type.Integer(), rate: Nullable(Type.Number()) }),
  items: Type.Array(NoticeOrgStat),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type NoticeStats = Static<typeof NoticeStats>;
export const NoticeRemindBody = Obj({ orgId: Type.Optional(Id) });
export const NoticeRemindResult = Obj({
  ok: Type.Boolean(), remindCount: Type.Integer(),
  robots: Type.Integer({ description: 'chat robots the reminder is posted to (enabled, in the reminded scope, with unread members)' }),
});

// ---- inbox (members, on a phone) ----
export const InboxItem = Obj({
  id: Id, kind: Type.Enum(NOTICE_KINDS), title: Type.String(), senderOrgName: Type.String(), sentAt: Type.String(),
  read: Type.Boolean(), reminded: Type.Boolean({ description: 'unread and the sender sent a reminder' }),
});
export type InboxItem = Static<typeof InboxItem>;
export const InboxQuery = Obj({ before: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) });
export const Inbox = Obj({ items: Type.Array(InboxItem), reminded: Type.Array(InboxItem), unread: Type.Integer(), nextBefore: Nullable(Id) });
export type Inbox = Static<typeof Inbox>;
export const InboxNotice = Obj({
  id: Id, kind: Type.Enum(NOTICE_KINDS), title: Type.String(), body: Type.String(), senderOrgName: Type.String(), sentAt: Type.String(), readAt: Type.String(),
});
export type InboxNotice = Static<typeof InboxNotice>;

// ---- webhooks ----
export const Webhook = Obj({
  orgId: Id, configured: Type.Boolean(), kind: Nullable(Type.Enum(WEBHOOK_KINDS)), urlMasked: Nullable(Type.String()), hasSecret: Type.Boolean(),
  enabled: Type.Boolean(), updatedAt: Nullable(Type.String()), version: Type.Integer(),
});
export type Webhook = Static<typeof Webhook>;
export const WebhookBody = Obj({
  kind: Type.Enum(WEBHOOK_KINDS),
  url: Type.Optional(Type.String({ maxLength: 500, description: 'omit to keep the stored URL' })),
  secret: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'DingTalk signing secret (SEC...); null removes it, omit to keep' }))),
  enabled: Type.Boolean(),
  version: Type.Integer({ minimum: 0 }),
});
export type WebhookBody = Static<typeof WebhookBody>;
export const Delivery = Obj({
  id: Id, noticeId: Id, noticeTitle: Type.String(), reminder: Type.Boolean({ description: 'a reminder of the notice, not the notice itself' }),
  kind: Type.Enum(WEBHOOK_KINDS), status: Type.Enum(DELIVERY_STATUSES), attempts: Type.Integer(),
  httpStatus: Nullable(Type.Integer()), error: Nullable(Type.String()), nextAttemptAt: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
});
export type Delivery = Static<typeof Delivery>;
export const DeliveryList = Obj({ items: Type.Array(Delivery) });
export type DeliveryList = Static<typeof DeliveryList>;
