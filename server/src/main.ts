// CLI: start | migrate | demo. Configuration errors stop start-up with one bilingual line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { openDb } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { systemClock } from './platform/clock.js';
import { buildApp } from './app.js';
import { ensureAdmin } from './modules/account/account.service.js';
import { syncShippedPacks } from './modules/standard/standard.service.js';

async function start(config: Config, opts: { demo?: boolean } = {}) {
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  // Shipped standard packs become published records; a bad file is logged and skipped, never fatal.
  const synced = await syncShippedPacks(db.kysely, systemClock);
  if (synced.inserted.length) console.log(`已导入标准包：${synced.inserted.join('、')}`);
  if (opts.demo) {
    const { loadDemo } = await import('./demo/load.js');
    const summary = await loadDemo(db, config);
    console.log(summary);
  }
  const password = config.adminPassword ?? randomAdminPassword();
  if (await ensureAdmin(db.kysely, systemClock, password)) {
    console.log(config.adminPassword
      ? '已创建系统管理员账号 admin（密码取自 ZHENDI_ADMIN_PASSWORD），首次登录须修改密码。'
      : `已创建系统管理员账号 admin，初始密码：${password}\n（只显示这一次；首次登录须修改密码）`);
  }
  const { app, services } = await buildApp({ config, db });
  const close = async () => { await app.close(); await db.close(); process.exit(0); };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  services.jobs.start(); // background jobs (webhook deliveries); only the process holding the DB lease runs them
  console.log(`阵地已启动：http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}  （数据库：${db.dialect === 'sqlite' ? path.join(config.dataDir, 'zhendi.sqlite') : 'PostgreSQL'}）`);
}

/** 16 characters from all four classes, so it always satisfies the default policy. */
function randomAdminPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!'];
  const chars = sets.map((s) => s[crypto.randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 16) chars.push(all[crypto.randomInt(all.length)]);
  return chars.sort(() => crypto.randomInt(3) - 1).join('');
}

async function main() {
  const cmd = process.argv[2] ?? 'start';
  let config: Config;
  try {
    config = loadConfig();
    if (cmd === 'demo') {
      // The demo runs on its own fresh SQLite file, never on the real data or a configured PostgreSQL.
      const dataDir = path.join(config.dataDir, 'demo');
      fs.rmSync(dataDir, { recursive: true, force: true });
      config = Object.freeze({ ...config, dataDir, databaseUrl: null });
    }
  } catch (e) {
    if (e instanceof ConfigError) { console.error(e.message); process.exit(2); }
    throw e;
  }
  if (cmd === 'start') return start(config);
  if (cmd === 'demo') return start(config, { demo: true });
  if (cmd === 'migrate') {
    const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const done = await migrateToLatest(db);
    console.log(done.length ? `已执行迁移：${done.join(', ')}` : '数据库已是最新结构');
    await db.close();
    return;
  }
  console.error(`未知命令“${cmd}”。可用：start | migrate | demo / Unknown command "${cmd}". Use: start | migrate | demo`);
  process.exit(2);
}

main().catch((e) => {
  console.error('启动失败 / Start-up failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
