// Browser-test support: the real server in a child process on a fresh SQLite directory, Debian's Chromium
// driven by playwright-core, and screenshots saved under test-results/screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { freePort } from '../scripts/pg-cluster.js';

const root = path.resolve(import.meta.dirname, '..');
export const SHOT_DIR = path.join(root, 'test-results', 'screenshots');

export interface Server { url: string; dataDir: string; output: () => string; stop(): Promise<void> }

export async function startServer(env: Record<string, string> = {}, command: 'start' | 'demo' = 'start'): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-e2e-'));
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/main.ts', command], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ZHENDI_DATA_DIR: dataDir, ZHENDI_LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, dataDir, output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page (a React crash shows up here), for a final "no errors" check. */
  pageErrors: string[];
  /** console.error lines, printed when a test fails (expected 4xx answers appear here too). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(
  viewport = { width: 1366, height: 800 },
  opts: { mobile?: boolean } = {},
): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    // A phone: honours <meta name="viewport">, touch events; a page wider than the screen then really overflows.
    ...(opts.mobile ? { isMobile: true, hasTouch: true } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  return {
    context, page, pageErrors, consoleErrors,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login form and waits until the browser has left /login. */
export async function loginUi(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export interface ApiSession {
  csrfToken: string;
  /** The login answer: who this session is (orgId among it). */
  me: { csrfToken: string; orgId: number | null };
  get<T = unknown>(p: string): Promise<T>;
  post<T = unknown>(p: string, body?: unknown): Promise<T>;
  put<T = unknown>(p: string, body?: unknown): Promise<T>;
}

/** A session for the API alone (test set-up and look-ups): the cookie plus the X-CSRF-Token header on writes. */
export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const me = (await r.json()) as { csrfToken: string; orgId: number | null };
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${p}`, {
      method,
      headers: {
        cookie, accept: 'application/json',
        ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { csrfToken: me.csrfToken, me, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), put: (p, b) => call('PUT', p, b) };
}

/** The rows the org tree shows: depth (0 = a root of the account's scope) and text (name + type label). */
export async function treeNodes(page: Page): Promise<{ depth: number; title: string }[]> {
  // rc-tree keeps an aria-hidden, invisible node for measuring the indent: not a row.
  return page.getByTestId('org-tree').locator('.ant-tree-treenode:not([aria-hidden])').evaluateAll((nodes) =>
    nodes.map((n) => ({
      depth: n.querySelectorAll('.ant-tree-indent-unit').length,
      title: (n.querySelector('.ant-tree-title')?.textContent ?? '').trim(),
    })));
}

/** An antd motion (zoom, slide, fade) running on an element: a class such as ant-zoom-appear or ant-slide-up-leave-active. */
const MOTION = '-(appear|enter|leave)(-|\\s|$)';

/** Waits until no antd motion runs on the element or its ancestors: a click while a popup still moves can be lost. */
export async function settled(loc: Locator): Promise<void> {
  await until('the animation to end', () => loc.evaluate((el, motion) => {
    for (let e: Element | null = el; e; e = e.parentElement) if (new RegExp(motion).test(e.getAttribute('class') ?? '')) return false;
    return true;
  }, MOTION, { timeout: 2000 }));
}

/** Opens an admin menu item by its labels: a group first when the item sits in one ('系统管理', '审计日志'). */
export async function clickMenu(page: Page, ...labels: string[]): Promise<void> {
  const [first, ...rest] = labels;
  // The header menu keeps hidden copies of its items for measuring: click the visible ones only.
  await page.locator('.zd-header').getByRole('menuitem', { name: first! }).filter({ visible: true }).first().click();
  for (const label of rest) {
    const item = page.locator('.ant-menu-submenu-popup').getByRole('menuitem', { name: label }).filter({ visible: true }).first();
    await item.waitFor();
    await settled(item);
    await item.click();
  }
}

/** Polls `fn` until it returns true (stable waits without fixed sleeps). */
export async function until(what: string, fn: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await fn()) return;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Answers the open antd confirm dialog with its primary button and waits until it has gone. The click waits for the
 * zoom-in to end: a click while the dialog is still scaling can land on the mask and be lost, leaving the dialog open
 * (seen in CI). A dialog still open and idle a second after a click is clicked again.
 */
export async function confirmDialog(page: Page): Promise<void> {
  // One read of the page per poll: a locator read racing the dialog's removal would wait for it to come back.
  const state = () => page.evaluate((motion) => {
    const el = document.querySelector('.ant-modal-confirm');
    if (!el) return 'closed';
    if (new RegExp(motion).test(el.className)) return 'moving';
    return el.querySelector('.ant-modal-confirm-btns .ant-btn-primary.ant-btn-loading') ? 'busy' : 'open';
  }, MOTION);
  await until('the confirm dialog to open', async () => (await state()) === 'open');
  let clickedAt = 0;
  await until('the confirm dialog to close', async () => {
    const s = await state();
    if (s === 'closed') return true;
    if (s === 'open' && Date.now() - clickedAt > 1000) {
      clickedAt = Date.now();
      await page.locator('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary').click({ timeout: 2000 });
    }
    return false;
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  const file = path.join(SHOT_DIR, `${name}.png`);
  // Web fonts and CJK glyph fallback must be settled, and no antd message toast half-faded.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
