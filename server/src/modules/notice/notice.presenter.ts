// Rows to API shapes.
import type { Selectable } from 'kysely';
import type { NoticeTable } from '../../platform/db/types.js';
import type { Notice, NoticeKind, NoticeAudience, NoticeSummary, InboxItem } from '../../../../contracts/notice.js';

type SummaryRow = Pick<Selectable<NoticeTable>, 'id' | 'kind' | 'audience' | 'title' | 'sender_org_id' | 'target_summary' | 'sent_by_name' | 'sent_at' | 'read_count' | 'remind_count' | 'last_reminded_at'> & { sender_org_name: string };

export const rate = (read: number, reached: number): number | null => (reached > 0 ? Math.min(1, Math.round((read / reached) * 1000) / 1000) : null);

export function presentSummary(n: SummaryRow): NoticeSummary {
  return {
    id: n.id, kind: n.kind as NoticeKind, audience: n.audience as NoticeAudience, title: n.title,
    senderOrg: { id: n.sender_org_id, name: n.sender_org_name },
    targets: JSON.parse(n.target_summary) as NoticeSummary['targets'],
    sentBy: n.sent_by_name, sentAt: n.sent_at, readCount: Number(n.read_count), remindCount: Number(n.remind_count), lastRemindedAt: n.last_reminded_at,
  };
}
export function presentNotice(n: SummaryRow & { body: string }): Notice {
  return { ...presentSummary(n), body: n.body };
}
export function presentInboxItem(r: { id: number; kind: string; title: string; sent_at: string; sender_org_name: string; read_at: string | null; reminded: unknown }): InboxItem {
  const read = r.read_at !== null;
  return { id: r.id, kind: r.kind as NoticeKind, title: r.title, senderOrgName: r.sender_org_name, sentAt: r.sent_at, read, reminded: !read && Boolean(Number(r.reminded)) };
}
