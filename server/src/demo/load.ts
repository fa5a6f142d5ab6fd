// `npm run demo`: a fresh fictional city (青禾市) with ~40 organ committees, ~150 branches, 3,000 members,
// one account per role, base profiles for most organizations and one campaign under way (demo/assessments.ts).
import type { Db } from '../platform/db/connect.js';
import type { Config } from '../platform/config.js';
import { createCipher, hashPassword, loadOrCreateKey } from '../platform/crypto.js';
import { iso, systemClock, todayCn } from '../platform/clock.js';
import { bulkLoad } from './bulk.js';
import { DEMO_PASSWORD, DEMO_SEED, generateDemoData, generateMembers } from './generate.js';
import { CAMPAIGN_AGE_DAYS, DEMO_CAMPAIGN_TITLE, loadDemoCampaign } from './assessments.js';
import { loadDemoDigital } from './digital.js';
import { ROLE_LABELS } from '../../../contracts/enums.js';
import { refreshAccountCounts } from '../modules/notice/notice.accounts.js';

export async function loadDemo(db: Db, config: Config): Promise<string> {
  const cipher = createCipher(loadOrCreateKey(config.secretKey, config.dataDir));
  const today = todayCn(systemClock);
  const now = iso(systemClock.now());
  const data = generateDemoData(today);
  const wanted = new Set(data.accounts.map((a) => a.memberIndex).filter((x) => x !== null));
  const seatHolders = new Set(data.committees.flatMap((t) => t.seats.map((s) => s.memberIndex)).filter((x) => x !== null));
  const { orgIds, memberIds, members } = await bulkLoad(db.kysely, cipher, {
    orgs: data.orgs, members: generateMembers(data.orgs, data.memberOptions), committees: data.committees, today, now,
    keepMemberIds: (m) => wanted.has(m.index) || seatHolders.has(m.index),
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const accountIds = new Map<string, number>();
  for (const a of data.accounts) {
    const row = await db.kysely.insertInto('account').values({
      username: a.username, display_name: a.displayName, password_hash: hash, role: a.role, org_id: orgIds.get(a.orgKey)!,
      member_id: a.memberIndex === null ? null : memberIds.get(a.memberIndex)!, status: 'active', must_change_password: 0,
      failed_attempts: 0, locked_until: null, last_login_at: null, password_changed_at: now, created_at: now, updated_at: now, version: 1,
    }).returning('id').executeTakeFirstOrThrow();
    accountIds.set(a.username, row.id);
  }
  await refreshAccountCounts(db.kysely, orgIds.values()); // notice reach (accounts were added after the bulk load)
  const account = (username: string) => {
    const a = data.accounts.find((x) => x.username === username)!;
    return { id: accountIds.get(username)!, orgKey: a.orgKey, name: a.displayName, username };
  };
  // The digital base before the campaign, so its automatic checks saw columns and the micro channel as they were.
  const member = data.accounts.find((x) => x.username === 'demo_member')!;
  const digital = await loadDemoDigital({
    db, config, cipher, orgs: data.orgs, orgIds, committees: data.committees, memberIds, passwordHash: hash, today, seed: DEMO_SEED,
    campaignAgeDays: CAMPAIGN_AGE_DAYS,
    accounts: { wc: account('demo_wc'), oc: account('demo_oc'), branch: account('demo_branch'), member: { ...account('demo_member'), memberId: memberIds.get(member.memberIndex!)! } },
  });
  const campaign = await loadDemoCampaign({
    db, config, cipher, orgs: data.orgs, orgIds, committees: data.committees, today, now, seed: DEMO_SEED,
    accounts: { wc: account('demo_wc'), oc: account('demo_oc'), branch: account('demo_branch') },
  });
  const c = campaign.counts;
  const lines = [
    `演示数据已生成（虚构的青禾市）：${data.orgs.length} 个党组织，${members} 名党员，${campaign.profiles} 份阵地档案。`,
    `专项工作“${DEMO_CAMPAIGN_TITLE}”（第 ${campaign.campaignId} 号）：${campaign.assessments} 份自评，已验收 ${c.accepted ?? 0}、待审核 ${c.submitted ?? 0}、退回整改 ${c.returned ?? 0}、自评中 ${c.in_progress ?? 0}、未开始 ${c.not_started ?? 0}。`,
    `新型阵地：${digital.columns} 个栏目、${digital.published} 篇已发布文章（门户 /site，工委栏目 /site/c/${digital.portalSlug}），${digital.notices} 条通知、${digital.reads} 条阅读回执（${digital.memberAccounts} 名党员开通了账号），${digital.materials} 份学习资料、${digital.plans} 个学习计划、${digital.sessions} 次学习活动。`,
    `展示屏（${data.orgs.find((o) => o.key === account('demo_oc').orgKey)!.name}党员活动室，免登录）：${digital.displayUrl}`,
    `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...data.accounts.map((a) => `  ${a.username.padEnd(12)} ${ROLE_LABELS[a.role]}  ${data.orgs.find((o) => o.key === a.orgKey)?.name ?? ''}`),
  ];
  return lines.join('\n');
}
