// The whole HTTP path: the app in its own process as `npm start` runs it (bench/processes.ts), a bench account
// made directly in the database, a real login, then plain fetch requests carrying the session cookie.
import type { Kysely } from 'kysely';
import type { Database } from '../server/src/platform/db/types.js';
import { hashPassword } from '../server/src/platform/crypto.js';
import { loadFor, timeIt, fmtMs } from './measure.js';
import { GROUPS, caseLine, httpCases, type CaseResult, type ConcurrentResult } from './cases.js';
import type { Targets } from './dataset.js';

export const BENCH_PASSWORD = 'Bench@2026zd';
/** wc: work-committee admin bound to the root org; sys: work-committee admin without an org (like `admin`). */
export const BENCH_ACCOUNTS = { wc: 'bench_wc', sys: 'bench_sys' } as const;

/** A work-committee admin bound to `orgId` (null: the system-wide administrator), usable at once. */
export async function ensureAccount(db: Kysely<Database>, username: string, orgId: number | null): Promise<void> {
  const now = new Date().toISOString();
  const hash = await hashPassword(BENCH_PASSWORD);
  const existing = await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst();
  const fields = {
    display_name: `压测账号 ${username}`, password_hash: hash, role: 'work_committee_admin', org_id: orgId, status: 'active',
    must_change_password: 0, failed_attempts: 0, locked_until: null, updated_at: now,
  };
  if (existing) {
    await db.updateTable('account').set(fields).where('id', '=', existing.id).execute();
    return;
  }
  await db.insertInto('account').values({
    ...fields, username, member_id: null, last_login_at: null, password_changed_at: now, created_at: now, version: 1,
  }).execute();
}

/** Logs in through POST /api/auth/login; returns the Cookie header to send. */
export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${body.slice(0, 300)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhendi_session='));
  if (!cookie) throw new Error('login answered 200 without a session cookie');
  return cookie;
}

/** GET returning the parsed JSON; anything but 200 is an error (so a broken route never looks fast). */
export async function getJson(base: string, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** The HTTP client side, run in bench/run.ts against the app's process. */
export async function runHttp(base: string, t: Targets, opts: { httpRequests: number; concurrency: number; concurrentSeconds: number; only?: string[] }, log: (s: string) => void)
  : Promise<{ cases: CaseResult[]; concurrent: ConcurrentResult[] }> {
  log(GROUPS.http);
  const cookies = { wc: await login(base, BENCH_ACCOUNTS.wc), sys: await login(base, BENCH_ACCOUNTS.sys) };
  log(`  app listening on ${base}; logged in as ${BENCH_ACCOUNTS.wc} (work-committee admin of the root) and ${BENCH_ACCOUNTS.sys} (no org)`);
  const cases: CaseResult[] = [];
  let group = 'http';
  const wanted = (c: { group?: string }) => !opts.only || opts.only.includes(c.group ?? 'http');
  for (const c of httpCases(t).filter(wanted)) {
    if ((c.group ?? 'http') !== group) { group = c.group ?? 'http'; log(GROUPS[c.group ?? 'http']); }
    const requests = c.requests ?? opts.httpRequests;
    const { stat, last } = await timeIt(() => getJson(base, c.path, cookies[c.as]), { warmup: Math.min(10, Math.ceil(requests / 10)), iterations: requests, maxMs: 30_000 });
    const body = last as { items?: unknown[]; total?: number; memberCount?: number; orgCount?: number; totals?: { total: number; accepted: number }; byChild?: unknown[]; burnUp?: unknown[]; mostFailed?: unknown[] };
    const detail = body.totals
      ? `${body.totals.total.toLocaleString('en')} assessments (${body.totals.accepted.toLocaleString('en')} accepted), ${body.byChild?.length.toLocaleString('en')} children, ${body.burnUp?.length} burn-up days, ${body.mostFailed?.length} most failed`
      : body.items ? `${body.items.length} items of ${body.total?.toLocaleString('en')}` : `${body.orgCount?.toLocaleString('en')} orgs, ${body.memberCount?.toLocaleString('en')} members`;
    cases.push({ id: c.id, group: c.group ?? 'http', label: c.label, budget: c.budget, stat, detail });
    log(caseLine(cases[cases.length - 1]!));
  }
  const concurrent: ConcurrentResult[] = [];
  for (const c of httpCases(t).filter((x) => wanted(x) && (x.id === 'http.members' || x.id === 'http.stats' || x.id === 'cov.dash.root'))) {
    const r = await loadFor(async () => { await getJson(base, c.path, cookies[c.as]); }, opts.concurrency, opts.concurrentSeconds * 1000);
    concurrent.push({ id: c.id, label: c.label, concurrency: opts.concurrency, seconds: opts.concurrentSeconds, ...r });
    log(`  ${opts.concurrency} concurrent loops for ${opts.concurrentSeconds} s: ${c.label}: ${Math.round(r.perSecond)} req/s, p50 ${fmtMs(r.stat.p50)} ms, p95 ${fmtMs(r.stat.p95)} ms${r.errors ? `, ${r.errors} errors` : ''}`);
  }
  return { cases, concurrent };
}
