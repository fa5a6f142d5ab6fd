// The benchmark data set: the LARGE_SIZE preset of the demo generator (about 50,000 organizations,
// committees for each of them, 1,000,000 members), loaded with the same bulkLoad the demo uses.
// SQLite files are cached in bench/out so re-runs skip the load; PostgreSQL is loaded each run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/src/platform/db/types.js';
import { openDb, type Db } from '../server/src/platform/db/connect.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { createCipher } from '../server/src/platform/crypto.js';
import { iso, systemClock, todayCn } from '../server/src/platform/clock.js';
import { bulkLoad } from '../server/src/demo/bulk.js';
import { DEMO_SEED, LARGE_SIZE, generateCommittees, generateMembers, generateOrgs, orgOptionsFor } from '../server/src/demo/generate.js';
import { fmtDuration } from './measure.js';
import { coverageTargets, type CoverageTargets } from './coverage.js';
import { contentTargets, type ContentTargets } from './content.js';

export interface LoadInfo {
  orgs: number;
  members: number;
  committeeTerms: number;
  committeeSeats: number;
  loadMs: number;
  loadedAt: string;
}

export interface SqliteDataset { file: string; cached: boolean; info: LoadInfo }

/** Orgs, committees and the member stream, all from the fixed seed. */
function generate(members: number, today: string) {
  const orgs = generateOrgs(orgOptionsFor(LARGE_SIZE, DEMO_SEED));
  const memberOptions = { seed: DEMO_SEED, total: members, today };
  const committees = generateCommittees(orgs, { seed: DEMO_SEED, today, members: memberOptions });
  const seatHolders = new Set(committees.flatMap((t) => t.seats.map((s) => s.memberIndex)).filter((x) => x !== null));
  return { orgs, memberOptions, committees, seatHolders };
}

/** Generates and bulk-loads everything into an empty, migrated database, printing progress. */
export async function loadDataset(db: Db, key: Buffer, members: number, log: (s: string) => void): Promise<LoadInfo> {
  const started = performance.now();
  const today = todayCn(systemClock);
  const now = iso(systemClock.now());
  const data = generate(members, today);
  log(`generated ${data.orgs.length.toLocaleString('en')} orgs and ${data.committees.length.toLocaleString('en')} committee terms in ${fmtDuration(performance.now() - started)}; loading ${members.toLocaleString('en')} members…`);
  const seats = data.committees.reduce((s, t) => s + t.seats.length, 0);
  let lastReport = performance.now();
  await bulkLoad(db.kysely, createCipher(key), {
    orgs: data.orgs, members: generateMembers(data.orgs, data.memberOptions), committees: data.committees, today, now,
    keepMemberIds: (m) => data.seatHolders.has(m.index),
    onProgress: (what, n) => {
      const elapsed = performance.now() - started;
      if (what === 'orgs') return log(`  orgs and closure rows written (${fmtDuration(elapsed)})`);
      if (performance.now() - lastReport < 15_000 && n < members) return;
      lastReport = performance.now();
      const rate = n / (elapsed / 1000);
      log(`  members ${n.toLocaleString('en')} / ${members.toLocaleString('en')}  (${fmtDuration(elapsed)}, ${Math.round(rate).toLocaleString('en')}/s, ~${fmtDuration(((members - n) / rate) * 1000)} left)`);
    },
  });
  return {
    orgs: data.orgs.length, members, committeeTerms: data.committees.length, committeeSeats: seats,
    loadMs: performance.now() - started, loadedAt: new Date().toISOString(),
  };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What shapes a loaded file: the migrations, the generator and loader, the member columns. */
const SOURCES = ['server/src/platform/db/migrations', 'server/src/platform/db/migrate.ts', 'server/src/demo',
  'server/src/modules/member/member.rules.ts', 'server/src/modules/member/member.normalize.ts'];

/** A hash of those sources (tests excluded): when it changes, a cached file no longer matches the code. */
export function sourceFingerprint(): string {
  const files = SOURCES.flatMap((s) => {
    const abs = path.join(ROOT, s);
    return fs.statSync(abs).isDirectory()
      ? fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }).map((f) => path.join(abs, f)) : [abs];
  }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** The key that encrypts ID numbers and phones in the bench data; kept in bench/out beside the files. */
export function benchKey(outDir: string): Buffer {
  const file = path.join(outDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

/** A loaded SQLite file for these sizes: reused when a complete one exists, else loaded (also with `fresh`). */
export async function ensureSqlite(opts: { outDir: string; members: number; fresh: boolean; log: (s: string) => void }): Promise<SqliteDataset> {
  const { outDir, members, log } = opts;
  const key = benchKey(outDir);
  const keyId = crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
  const sources = sourceFingerprint();
  const base = path.join(outDir, `zhendi-large-${members}.sqlite`);
  const metaFile = `${base}.json`;
  if (!opts.fresh && fs.existsSync(base) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as LoadInfo & { keyId: string; sources?: string };
    if (meta.keyId === keyId && meta.members === members && meta.sources === sources) {
      log(`reusing the loaded SQLite database ${path.relative(process.cwd(), base)} (loaded ${meta.loadedAt} in ${fmtDuration(meta.loadMs)}; --fresh reloads)`);
      return { file: base, cached: true, info: meta };
    }
    if (meta.sources !== sources) log(`the migrations or the data generator changed since ${path.relative(process.cwd(), base)} was loaded (${meta.loadedAt}): reloading`);
  }
  // Load into a temporary name, then rename: an interrupted load never looks like a cache hit.
  const tmp = `${base}.loading`;
  for (const f of [base, metaFile, tmp, `${tmp}-wal`, `${tmp}-shm`, `${base}-wal`, `${base}-shm`]) fs.rmSync(f, { force: true });
  log(`loading a fresh SQLite database ${path.relative(process.cwd(), base)}`);
  const db = openDb({ databaseUrl: null, dataDir: outDir, sqliteFile: tmp });
  let info: LoadInfo;
  try {
    await migrateToLatest(db);
    info = await loadDataset(db, key, members, log);
  } finally {
    await db.close();
  }
  fs.renameSync(tmp, base);
  fs.writeFileSync(metaFile, JSON.stringify({ ...info, keyId, sources }, null, 2));
  log(`SQLite load done in ${fmtDuration(info.loadMs)}`);
  return { file: base, cached: false, info };
}

export interface Targets {
  rootId: number;
  organ: { id: number; name: string; orgs: number; members: number };
  branch: { id: number; name: string; orgs: number; members: number };
  /** The coverage campaign of (f) and its scopes, when the database has it. */
  coverage?: (CoverageTargets & { rootAssessments: number; rootChildren: number }) | null;
  /** The articles and member accounts of (g) and (h), when the database has the content data. */
  content?: ContentTargets | null;
}

/** The orgs the measurements use: the root, the organ committee whose subtree is nearest 25 orgs, and its first branch with members. */
export async function pickTargets(db: Kysely<Database>): Promise<Targets> {
  const root = await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const sizes = await db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.type', '=', 'organ_committee').groupBy(['o.id', 'o.name']).execute();
  const organ = sizes.map((s) => ({ ...s, n: Number(s.n) }))
    .sort((a, b) => Math.abs(a.n - 25) - Math.abs(b.n - 25) || a.id - b.id)[0];
  if (!organ) throw new Error('no organ committee in the bench database');
  const branch = await db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
    .select(['o.id', 'o.name']).where('c.ancestor_id', '=', organ.id).where('o.type', '=', 'branch').where('o.member_count', '>', 0)
    .orderBy('o.id').executeTakeFirstOrThrow();
  const subtree = async (id: number) => {
    const r = await db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
      .select([(eb) => eb.fn.countAll<number>().as('orgs'), sql<number>`coalesce(sum(o.member_count), 0)`.as('members')])
      .where('c.ancestor_id', '=', id).executeTakeFirstOrThrow();
    return { orgs: Number(r.orgs), members: Number(r.members) };
  };
  const cov = await coverageTargets(db, organ.id, branch.id);
  const rootChildren = Number((await db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', root.id).executeTakeFirstOrThrow()).n);
  const rootAssessments = cov ? Number((await db.selectFrom('assessment').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', cov.campaignId).executeTakeFirstOrThrow()).n) : 0;
  return {
    rootId: root.id,
    organ: { id: organ.id, name: organ.name, ...(await subtree(organ.id)) },
    branch: { id: branch.id, name: branch.name, ...(await subtree(branch.id)) },
    coverage: cov ? { ...cov, rootAssessments, rootChildren } : null,
    content: await contentTargets(db),
  };
}
