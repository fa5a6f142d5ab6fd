// `npm test`: the whole suite, as CI runs it.
//   1. type check (server and web)
//   2. unit, module and HTTP tests on SQLite
//   3. the same tests on PostgreSQL (ZHENDI_TEST_PG_URL, or a throwaway cluster when PostgreSQL is installed)
//   4. browser tests in Chromium against the built app
// Set ZHENDI_TEST_SKIP=pg,e2e,typecheck to skip parts locally; CI skips nothing (ZHENDI_TEST_STRICT=1 fails
// when PostgreSQL or Chromium is missing instead of skipping).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pgAvailable, startCluster } from './pg-cluster.js';

const root = path.resolve(import.meta.dirname, '..');
const skip = new Set((process.env.ZHENDI_TEST_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const strict = process.env.ZHENDI_TEST_STRICT === '1' || process.env.CI === 'true';
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const problems: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) problems.push(label);
  return r.status === 0;
}

/** File filters given on the command line that belong to a project (browser specs live in e2e/). */
const filtersFor = (project: string) => only.filter((f) => (project === 'e2e') === /(^|\/)e2e\//.test(f.replace(/^\.\//, '')));

function vitest(label: string, project: string, env: Record<string, string> = {}) {
  const mine = filtersFor(project);
  if (only.length > 0 && mine.length === 0) return; // filters name only the other project's files
  const out = path.join(os.tmpdir(), `zhendi-vitest-${process.pid}-${project}-${Date.now()}.json`);
  const args = [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...mine];
  const ok = run(label, process.execPath, args, env);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    fs.rmSync(out);
    if (r.numTotalTests === 0) { problems.push(`${label}: no tests ran`); failed++; }
  } else if (!ok) failed++;
}

function want(part: string) { return !skip.has(part); }

if (want('typecheck')) {
  run('类型检查 / type check', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  run('类型检查（网页） / type check (web)', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'web/tsconfig.json', '--noEmit']);
}

vitest('服务端测试（SQLite） / server tests on SQLite', 'server', { ZHENDI_TEST_PG_URL: '' });

if (want('pg')) {
  if (process.env.ZHENDI_TEST_PG_URL) {
    vitest('服务端测试（PostgreSQL） / server tests on PostgreSQL', 'server');
  } else if (pgAvailable()) {
    const cluster = await startCluster();
    try {
      vitest('服务端测试（PostgreSQL 临时实例） / server tests on a throwaway PostgreSQL', 'server', { ZHENDI_TEST_PG_URL: cluster.url });
    } finally {
      cluster.stop();
    }
  } else if (strict) {
    problems.push('PostgreSQL not installed (expected under /usr/lib/postgresql/15/bin)');
    failed++;
  } else {
    console.log('\n（未安装 PostgreSQL，跳过 PostgreSQL 测试 / PostgreSQL not installed: skipped）');
  }
}

if (want('e2e')) {
  if (fs.existsSync('/usr/bin/chromium')) {
    if (run('构建网页 / build web', process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ensure-web-build.ts'])) {
      vitest('浏览器测试 / browser tests (Chromium)', 'e2e');
    } else failed++;
  } else if (strict) {
    problems.push('Chromium not installed at /usr/bin/chromium');
    failed++;
  } else {
    console.log('\n（未安装 Chromium，跳过浏览器测试 / Chromium not installed: browser tests skipped）');
  }
}

console.log('');
if (problems.length) console.log(`未通过 / failed steps: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(problems.length || failed ? 1 : 0);
