// Per-organization member summaries: the one rule for every writer of member rows (OrgRepo.refreshMemberCounts
// after create, edit, status change, transfer and import; the demo and bench bulk loader while it inserts).
// A member row counts in its own org's column for its status; an active probationary member also counts in
// probationary_count. Summed over a subtree they answer the member list's totals without counting the rows.
import { MEMBER_STATUSES, type MemberStatus } from '../../../../contracts/enums.js';
import type { OrgTable } from '../../platform/db/types.js';

/** The org column counting the members of each status (在册 keeps its original name, member_count). */
export const STATUS_COUNT_COLUMN = {
  active: 'member_count', transferred_out: 'transferred_out_count', deceased: 'deceased_count', removed: 'removed_count',
} as const satisfies Record<MemberStatus, keyof OrgTable>;

export type MemberStatColumn = (typeof STATUS_COUNT_COLUMN)[MemberStatus] | 'probationary_count';
export type MemberStats = Record<MemberStatColumn, number>;
/** The summary columns an org starts with at zero (the database default), beside member_count and probationary_count. */
export type OtherStatusCountColumn = Exclude<MemberStatColumn, 'member_count' | 'probationary_count'>;

export const emptyMemberStats = (): MemberStats =>
  ({ member_count: 0, transferred_out_count: 0, deceased_count: 0, removed_count: 0, probationary_count: 0 });

/** Adds `n` members of this status and category to an org's summary. */
export function tallyMember(s: MemberStats, status: string, category: string, n = 1): void {
  const column = STATUS_COUNT_COLUMN[status as MemberStatus];
  if (!column) throw new Error(`member status “${status}” has no summary column`);
  s[column] += n;
  if (status === 'active' && category === 'probationary') s.probationary_count += n;
}

/** A list total as summary columns with their signs, or null when only counting the rows can answer (a name search). */
export function summaryTerms(f: { q?: string; status?: string; category?: string }): [MemberStatColumn, 1 | -1][] | null {
  if (f.q?.trim()) return null;
  if (!f.status) return f.category ? null : MEMBER_STATUSES.map((s) => [STATUS_COUNT_COLUMN[s], 1]);
  const column = STATUS_COUNT_COLUMN[f.status as MemberStatus];
  if (!column) return null;
  if (!f.category) return [[column, 1]];
  // Categories are summarized for 在册 members only: every member is either full or probationary.
  if (f.status !== 'active') return null;
  if (f.category === 'probationary') return [['probationary_count', 1]];
  if (f.category === 'full') return [['member_count', 1], ['probationary_count', -1]];
  return null;
}
