// The demo's micro channel at scale: member accounts (an organ committee at a time, as it rolls the channel out)
// and the receipts of the members who opened each notice. Thousands of rows, so they go in by batches rather
// than one service call each; every summary the services keep is written from the same rows in the same step:
// org.member_account_count / post_account_count (refreshAccountCounts, as the account service does),
// notice_org_stat and notice.read_count (as markRead adds them one read at a time).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/types.js';
import { refreshAccountCounts } from '../modules/notice/notice.accounts.js';
import { mulberry32 } from './generate.js';

const SALT_ACCOUNTS = 0xacc7;
const SALT_READS = 0x4ead;
const within = (key: string, top: string) => key === top || key.startsWith(`${top}.`);

/**
 * Gives `share` of the active members under an organ committee a member account (username dy<member id>, the
 * demo password), except under `skipKey` (demo_branch's org: its browser test expects demo_member alone there).
 */
export async function addMemberAccounts(k: Kysely<Database>, a: {
  ocId: number; share: number; hash: string; at: string; seed: number; keyOf: ReadonlyMap<number, string>; skipKey: string;
}): Promise<number> {
  if (a.share <= 0) return 0;
  const rng = mulberry32((a.seed ^ SALT_ACCOUNTS ^ Math.imul(a.ocId, 0x9e3779b1)) >>> 0);
  const members = await k.selectFrom('member as m').innerJoin('org_closure as c', 'c.descendant_id', 'm.org_id')
    .leftJoin('account as a', 'a.member_id', 'm.id')
    .select(['m.id', 'm.name', 'm.org_id']).where('c.ancestor_id', '=', a.ocId).where('m.status', '=', 'active').where('a.id', 'is', null)
    .orderBy('m.id').execute();
  const rows = members.filter((m) => !within(a.keyOf.get(m.org_id) ?? '', a.skipKey) && rng() < a.share).map((m) => ({
    username: `dy${m.id}`, display_name: m.name, password_hash: a.hash, role: 'member', org_id: m.org_id, member_id: m.id, status: 'active',
    must_change_password: 0, failed_attempts: 0, locked_until: null, last_login_at: null, password_changed_at: a.at, created_at: a.at, updated_at: a.at, version: 1,
  }));
  for (let i = 0; i < rows.length; i += 200) await k.insertInto('account').values(rows.slice(i, i + 200)).execute();
  await refreshAccountCounts(k, rows.map((r) => r.org_id));
  return rows.length;
}

export interface SentNotice {
  id: number; sentAt: number; audience: 'all' | 'post'; targets: string[];
  /** How keenly this notice is read (0..1), times the reader's committee's engagement. */
  pull: number;
}

/**
 * Receipts of the member-account holders covered by each notice (the inbox rule: a target is the reader's org or
 * an ancestor of it, all targets here take the subtree), read some hours after sending (or after the reader got an
 * account), never after `end`.
 * `engagement` is per organ committee; `skipMemberId` (demo_member) reads through the inbox service instead.
 */
export async function addReceipts(k: Kysely<Database>, a: {
  notices: readonly SentNotice[]; end: number; seed: number; keyOf: ReadonlyMap<number, string>;
  engagement: (orgKey: string) => number; skipMemberId: number;
}): Promise<number> {
  const rng = mulberry32((a.seed ^ SALT_READS) >>> 0);
  const readers = await k.selectFrom('account as a').innerJoin('member as m', 'm.id', 'a.member_id')
    .select(['m.id', 'm.org_id', 'm.post', 'a.created_at']).where('a.role', '=', 'member').where('a.status', '=', 'active')
    .where('m.status', '=', 'active').where('m.id', '<>', a.skipMemberId).orderBy('m.id').execute();
  const rows: { notice_id: number; member_id: number; org_id: number; read_at: string }[] = [];
  const stats = new Map<string, number>();
  for (const n of a.notices) {
    for (const r of readers) {
      const key = a.keyOf.get(r.org_id) ?? '';
      if (!n.targets.some((t) => within(key, t))) continue;
      if (n.audience === 'post' && !r.post?.trim()) continue;
      // The inbox shows older notices too: a member with a newer account reads them from then on. What came in
      // the last days has not been read by everyone yet.
      const from = Math.max(n.sentAt, Date.parse(r.created_at));
      const fresh = Math.min(1, (a.end - from) / (4 * 86_400_000));
      if (rng() >= n.pull * a.engagement(key) * fresh) continue;
      const at = Math.min(a.end, from + 600_000 + Math.floor(-Math.log(1 - rng()) * 18 * 3_600_000));
      rows.push({ notice_id: n.id, member_id: r.id, org_id: r.org_id, read_at: new Date(at).toISOString() });
      const s = `${n.id}:${r.org_id}`;
      stats.set(s, (stats.get(s) ?? 0) + 1);
    }
  }
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('notice_read').values(rows.slice(i, i + 500)).execute();
    const statRows = [...stats].map(([s, n]) => { const [noticeId, orgId] = s.split(':').map(Number); return { notice_id: noticeId!, org_id: orgId!, read_count: n }; });
    for (let i = 0; i < statRows.length; i += 500) {
      await trx.insertInto('notice_org_stat').values(statRows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['notice_id', 'org_id']).doUpdateSet({ read_count: sql`notice_org_stat.read_count + excluded.read_count` })).execute();
    }
    for (const n of a.notices) {
      await trx.updateTable('notice').set({ read_count: sql`(select count(*) from notice_read r where r.notice_id = ${n.id})` }).where('id', '=', n.id).execute();
    }
    // Whoever read something has logged in then.
    await sql`update account set last_login_at = (select max(r.read_at) from notice_read r where r.member_id = account.member_id)
      where role = 'member' and last_login_at is null and exists (select 1 from notice_read r where r.member_id = account.member_id)`.execute(trx);
  });
  return rows.length;
}
