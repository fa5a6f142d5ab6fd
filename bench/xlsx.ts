// Import and export of 100,000 members through the real services on a fresh SQLite database:
// the DESIGN budgets are import < 30 s and export < 15 s with bounded memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/platform/config.js';
import { openDb } from '../server/src/platform/db/connect.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { systemClock, iso, todayCn } from '../server/src/platform/clock.js';
import { createCipher } from '../server/src/platform/crypto.js';
import { createServices } from '../server/src/services.js';
import type { Actor } from '../server/src/platform/actor.js';
import { bulkLoad } from '../server/src/demo/bulk.js';
import { generateMembers, generateOrgs, orgOptionsFor, DEMO_SIZE } from '../server/src/demo/generate.js';
import { writeMemberExport } from '../server/src/modules/member/member.xlsx.js';

export interface XlsxResult { rows: number; fileMB: number; previewMs: number; commitMs: number; exportMs: number; peakRssMB: number }

export async function benchXlsx(rows = 100_000, log: (s: string) => void = console.log): Promise<XlsxResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-bench-xlsx-'));
  const config = loadConfig({ ZHENDI_DATA_DIR: dir, ZHENDI_LOG_LEVEL: 'silent', ZHENDI_SECRET_KEY: '22'.repeat(32) });
  const db = openDb({ databaseUrl: null, dataDir: dir });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  try {
    await migrateToLatest(db);
    const cipher = createCipher(Buffer.from('22'.repeat(32), 'hex'));
    const services = createServices({ db, config, clock: systemClock, cipher });
    const orgs = generateOrgs(orgOptionsFor(DEMO_SIZE, 11));
    const { orgIds } = await bulkLoad(db.kysely, cipher, { orgs, members: [], today: todayCn(systemClock), now: iso(systemClock.now()) });
    const rootId = orgIds.get(orgs[0].key)!;
    const actor: Actor = { accountId: 1, username: 'bench', displayName: '基准测试', role: 'work_committee_admin', orgId: rootId, memberId: null, ip: null, requestId: null };
    await db.kysely.insertInto('account').values({ id: 1, username: 'bench', display_name: '基准测试', password_hash: 'x', role: 'work_committee_admin', org_id: rootId, member_id: null, status: 'active', must_change_password: 0, failed_attempts: 0, locked_until: null, last_login_at: null, password_changed_at: null, created_at: iso(new Date()), updated_at: iso(new Date()), version: 1 }).execute();

    // The file a secretary would upload: generated members; the org column holds the org code, which is
    // unique (generated names such as 第一党小组 repeat across the city).
    const codeOf = new Map(orgs.map((o) => [o.key, o.code]));
    const file = path.join(dir, 'members.xlsx');
    const gen = generateMembers(orgs, { seed: 11, total: rows, today: todayCn(systemClock) });
    const exportRows = (async function* () {
      for (const m of gen) yield { ...m, orgName: codeOf.get(m.orgKey)! };
    })();
    await writeMemberExport(fs.createWriteStream(file), exportRows as never, {});
    const fileMB = fs.statSync(file).size / 1e6;
    log(`xlsx: wrote ${rows.toLocaleString('en-US')} rows (${fileMB.toFixed(1)} MB)`);

    const t0 = performance.now();
    const job = await services.imports.start(actor, rootId, 'members.xlsx', fs.createReadStream(file));
    const waitFor = async (status: string[]) => {
      for (;;) {
        const j = await services.imports.get(actor, job.id);
        if (status.includes(j.status)) return j;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const previewed = await waitFor(['previewed', 'failed']);
    const previewMs = performance.now() - t0;
    if (previewed.status !== 'previewed' || previewed.problemCount) throw new Error(`preview failed: ${previewed.error ?? JSON.stringify(previewed.problems.slice(0, 3))}`);
    log(`xlsx: preview of ${previewed.validRows} rows in ${(previewMs / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    await services.imports.commit(actor, job.id);
    const done = await waitFor(['done', 'failed']);
    const commitMs = performance.now() - t1;
    if (done.status !== 'done') throw new Error(`commit failed: ${done.error}`);
    log(`xlsx: commit of ${done.insertedRows} rows in ${(commitMs / 1000).toFixed(1)} s`);

    const t2 = performance.now();
    const write = await services.members.exportXlsx(actor, { orgId: rootId, status: 'active' });
    const count = await write(fs.createWriteStream(path.join(dir, 'export.xlsx')));
    const exportMs = performance.now() - t2;
    log(`xlsx: export of ${count} rows in ${(exportMs / 1000).toFixed(1)} s`);
    return { rows, fileMB, previewMs, commitMs, exportMs, peakRssMB: peak / 1e6 };
  } finally {
    clearInterval(sampler);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchXlsx(Number(process.argv[2] ?? 100_000));
  console.log(JSON.stringify(r));
}
