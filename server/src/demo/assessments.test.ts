import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_FACTS } from '../../../contracts/standard.js';
import { WRITABLE_FACT_NAMES } from '../../../contracts/schemas.js';
import { deriveTier, loadPack, STANDARDS_DIR } from '../modules/standard/standard.pack.js';
import { openDb, type Db } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { syncShippedPacks } from '../modules/standard/standard.service.js';
import { DEMO_SEED, DEMO_SIZE, generateOrgs, orgOptionsFor } from './generate.js';
import { DEMO_CAMPAIGN_TITLE, generateBaseProfiles } from './assessments.js';
import { loadDemo } from './load.js';

describe('demo base profiles', () => {
  const orgs = generateOrgs(orgOptionsFor(DEMO_SIZE, DEMO_SEED));
  const members = new Map(orgs.map((o, i) => [o.key, o.type === 'branch' ? 10 + (i % 20) : 0]));

  it('are deterministic, cover most assessed orgs and only use writable facts of the right type', async () => {
    const a = generateBaseProfiles(orgs, members, DEMO_SEED);
    expect(generateBaseProfiles(orgs, members, DEMO_SEED)).toEqual(a);
    const assessed = orgs.filter((o) => ['organ_committee', 'general_branch', 'branch'].includes(o.type));
    expect(a.size).toBeGreaterThan(assessed.length * 0.7);
    expect(a.size).toBeLessThan(assessed.length);
    for (const [key, facts] of a) {
      expect(assessed.some((o) => o.key === key)).toBe(true);
      for (const [name, v] of Object.entries(facts)) {
        expect(WRITABLE_FACT_NAMES).toContain(name);
        const spec = BASE_FACTS[name as keyof typeof BASE_FACTS];
        if (spec.type === 'boolean') expect(typeof v).toBe('boolean');
        else if (spec.type === 'integer') expect(Number.isInteger(v)).toBe(true);
        else if (spec.type === 'number') expect(typeof v).toBe('number');
        else if (spec.type === 'enum') expect(spec.values).toContain(v);
        else expect(typeof v).toBe('string');
        if ('min' in spec && typeof v === 'number') expect(v).toBeGreaterThanOrEqual(spec.min);
        if ('max' in spec && typeof v === 'number') expect(v).toBeLessThanOrEqual(spec.max);
      }
    }
    const pack = await loadPack(path.join(STANDARDS_DIR, 'jinhua-2015.json'));
    const tiers = new Map<number | null, number>();
    for (const [key, facts] of a) {
      const t = deriveTier(pack, { ...facts, memberCount: members.get(key) ?? 0 });
      tiers.set(t, (tiers.get(t) ?? 0) + 1);
    }
    expect([...tiers.keys()].sort()).toEqual([1, 2, 3]);
    for (const n of tiers.values()) expect(n).toBeGreaterThan(a.size * 0.1);
  });

  it('name duty holders from the committee when given people', () => {
    const people = new Map(orgs.map((o) => [o.key, ['张三', '李四']]));
    const a = generateBaseProfiles(orgs, members, DEMO_SEED, new Set(), people);
    const named = [...a.values()].filter((f) => Object.keys(f).some((k) => k.startsWith('dutyHolders.') && k.endsWith('Name')));
    if ('dutyHolders.channelAdminName' in BASE_FACTS) {
      expect(named.length).toBeGreaterThan(a.size / 2);
      for (const f of named) for (const [k, v] of Object.entries(f)) if (k.endsWith('Name')) expect(['张三', '李四']).toContain(v);
    } else expect(named.length).toBe(0);
  });

  it('always include the orgs asked for', () => {
    const always = new Set(orgs.filter((o) => o.type === 'branch').map((o) => o.key));
    const a = generateBaseProfiles(orgs, members, DEMO_SEED, always);
    for (const k of always) expect(a.has(k)).toBe(true);
  });
});

describe('demo campaign (loadDemo)', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-demo-'));
    db = openDb({ databaseUrl: null, dataDir: dir });
    await migrateToLatest(db);
    await syncShippedPacks(db.kysely, systemClock, { log: () => {} });
    const config = loadConfig({ ZHENDI_DATA_DIR: dir, ZHENDI_LOG_LEVEL: 'silent' });
    await loadDemo(db, config);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has one campaign with assessments in every state and summaries that agree with them', async () => {
    const k = db.kysely;
    const campaign = await k.selectFrom('campaign').selectAll().executeTakeFirstOrThrow();
    expect(campaign.title).toBe(DEMO_CAMPAIGN_TITLE);
    const statuses = await k.selectFrom('assessment').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    for (const s of ['not_started', 'in_progress', 'submitted', 'returned', 'accepted']) expect(byStatus[s]).toBeGreaterThan(0);
    const rollup = await k.selectFrom('campaign_rollup').select(['status', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('org_id', '=', campaign.scope_org_id).groupBy('status').execute();
    for (const r of rollup) expect(Number(r.n)).toBe(byStatus[r.status] ?? 0);
    const failed = await k.selectFrom('assessment_item').select((eb) => eb.fn.countAll<number>().as('n')).where('failed', '=', 1).executeTakeFirstOrThrow();
    const summed = await k.selectFrom('campaign_failed').select((eb) => eb.fn.sum<number>('n').as('n')).where('org_id', '=', campaign.scope_org_id).executeTakeFirstOrThrow();
    expect(Number(summed.n)).toBe(Number(failed.n));
    expect(Number(failed.n)).toBeGreaterThan(0);
    const burn = await k.selectFrom('campaign_progress').select(['day', 'accepted', 'submitted', 'total'])
      .where('org_id', '=', campaign.scope_org_id).orderBy('day').execute();
    expect(burn.length).toBeGreaterThan(30);
    expect(burn[0]!.day).toBe(campaign.started_on);
    const last = burn[burn.length - 1]!;
    expect([last.accepted, last.submitted]).toEqual([byStatus.accepted, byStatus.submitted]);
  });

  it('gives demo_branch its own assessment in progress and demo_oc a submitted child to review', async () => {
    const k = db.kysely;
    const account = (u: string) => k.selectFrom('account').select('org_id').where('username', '=', u).executeTakeFirstOrThrow();
    const branch = await account('demo_branch');
    const own = await k.selectFrom('assessment').select('status').where('org_id', '=', branch.org_id!).executeTakeFirstOrThrow();
    expect(own.status).toBe('in_progress');
    const oc = await account('demo_oc');
    const toReview = await k.selectFrom('assessment').select('id').where('parent_org_id', '=', oc.org_id!).where('status', '=', 'submitted').execute();
    expect(toReview.length).toBeGreaterThan(0);
  });
});
