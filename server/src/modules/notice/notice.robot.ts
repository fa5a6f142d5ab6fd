// Chat-robot message formats and request signing (pure): DingTalk custom robot and WeCom group robot, markdown.
import crypto from 'node:crypto';
import { NOTICE_KIND_LABELS, type NoticeKind, type WebhookKind } from '../../../../contracts/notice.js';
import { excerpt } from './notice.text.js';

export interface RobotNotice {
  title: string; body: string; kind: string; senderOrgName: string;
  /** Set when this is a reminder: the robot's org's members who have not read the notice yet. */
  reminder?: { unread: number };
}

/** DingTalk: timestamp (ms) + "\n" + secret, HMAC-SHA256 keyed by the secret, base64, then URL-encoded. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function signedUrl(kind: WebhookKind, url: string, secret: string | null, nowMs: number): string {
  if (kind !== 'dingtalk' || !secret) return url;
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', dingtalkSign(secret, nowMs));
  return u.toString();
}

const kindLabel = (k: string) => NOTICE_KIND_LABELS[k as NoticeKind] ?? '通知';

export function robotPayload(kind: WebhookKind, n: RobotNotice): unknown {
  const head = `${kindLabel(n.kind)} · ${n.senderOrgName}`;
  const tail = '（全文请登录阵地平台，在“我的通知”中查看）';
  // A reminder leads with who has not read it and quotes less of the notice: the group saw it once already.
  const title = n.reminder ? `【提醒】${n.title}` : n.title;
  const lead = n.reminder ? `${n.reminder.unread > 0 ? `本组织还有 ${n.reminder.unread} 名党员未读，` : ''}请尚未阅读的同志及时阅读。\n\n` : '';
  const quote = (max: number) => `${lead}${excerpt(n.body, n.reminder ? Math.min(max, 300) : max)}`;
  if (kind === 'dingtalk') {
    // DingTalk markdown needs a blank line (or two trailing spaces) for a line break.
    const text = `### ${title}\n\n> ${head}\n\n${quote(1500).split('\n').join('  \n')}\n\n${tail}`;
    return { msgtype: 'markdown', markdown: { title, text } };
  }
  // WeCom: content at most 4096 bytes of UTF-8.
  let body = quote(1000);
  const build = () => `**${title}**\n> ${head}\n\n${body}\n\n${tail}`;
  while (Buffer.byteLength(build()) > 4000 && body.length > 10) body = excerpt(body, Math.floor(body.length * 0.8));
  return { msgtype: 'markdown', markdown: { content: build() } };
}

/** Masks the robot's access token (the URL's only secret part) for display. */
export function maskUrl(url: string): string {
  const u = new URL(url);
  for (const [k, v] of u.searchParams) u.searchParams.set(k, v.length > 8 ? `${v.slice(0, 4)}****${v.slice(-4)}` : '****');
  return decodeURIComponent(u.toString());
}

/** https only; http only to the loopback address when ZHENDI_WEBHOOK_ALLOW_HTTP is on (local receivers, tests). */
export function webhookUrlProblem(raw: string, allowHttp: boolean): string | null {
  let u: URL;
  try { u = new URL(raw.trim()); } catch { return '不是有效的网址'; }
  if (u.username || u.password) return '网址中不能包含用户名或密码';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && allowHttp && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return null;
  return '机器人地址必须以 https:// 开头';
}

/** DingTalk and WeCom answer 200 with {"errcode":0} on success; anything else is a failure with its message. */
export function robotResult(status: number, text: string): { ok: boolean; error: string | null } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  try {
    const j = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (typeof j.errcode === 'number' && j.errcode !== 0) return { ok: false, error: `errcode ${j.errcode}: ${String(j.errmsg ?? '').slice(0, 200)}` };
  } catch { /* a receiver that answers 2xx without JSON counts as delivered */ }
  return { ok: true, error: null };
}
