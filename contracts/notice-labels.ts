// Notice enums, Chinese labels and limits (no schema library: member pages import these and stay small).
export const NOTICE_KINDS = ['theory', 'activity', 'work'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { theory: '理论学习', activity: '活动通知', work: '工作安排' };
/** Roles targeting: every member, or only members holding a post (member.post: secretaries, committee members...). */
export const NOTICE_AUDIENCES = ['all', 'post'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, string> = { all: '全体党员', post: '有职务的党员（书记、委员等）' };
export const WEBHOOK_KINDS = ['dingtalk', 'wecom'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
export const WEBHOOK_KIND_LABELS: Record<WebhookKind, string> = { dingtalk: '钉钉群机器人', wecom: '企业微信群机器人' };
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: '等待发送', sent: '已送达', failed: '发送失败' };
export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 10000;
export const NOTICE_TARGETS_MAX = 200;

