// Wall display and screensaver end to end on the demo data: the branch admin makes a display token in the admin
// pages; a second browser with no session opens /display/<token> at 1920x1080 and sees it rotate; cut from the
// network it keeps showing the last good data with the "离线" mark, and recovers; the admin downloads the
// clean-governance screensaver ZIP, rendered in the browser: 1920x1080 PNGs named 01.png.. and 使用说明.txt.
// Last, with the server stopped, the TV opens the display afresh and starts from the copy its service worker kept.
import fs from 'node:fs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginUi, settled, shot, startServer, until, type Browser, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';

describe('wall display and screensaver', () => {
  let server: Server;
  let admin: Browser | undefined;
  let tv: Browser | undefined;
  beforeAll(async () => { server = await startServer({}, 'demo'); });
  afterAll(async () => {
    await admin?.close();
    await tv?.close();
    await server?.stop();
  });

  it('pairs a display with a token, rotates, survives a network drop, and downloads the screensaver ZIP', async () => {
    admin = await launchBrowser();
    const page = admin.page;
    await loginUi(page, server.url, 'demo_branch', DEMO_PASSWORD);
    await page.goto(`${server.url}/displays`);
    await page.getByTestId('display-new').click();
    const create = page.getByRole('dialog').getByRole('button', { name: /创\s*建/ });
    await settled(create);
    await create.click();
    const urlText = (await page.getByTestId('display-url').innerText()).trim();
    expect(urlText).toMatch(/\/display\/[0-9a-f]{32}$/);
    await shot(page, 'display-token-created');
    await page.getByRole('button', { name: '我已记下地址' }).click();

    // ---- the TV: a fresh browser, no session, 1920x1080 ----
    tv = await launchBrowser({ width: 1920, height: 1080 });
    const screen = tv.page;
    await screen.goto(`${urlText}?rotate=2&refresh=5`);
    const title = () => screen.locator('#wall .panel .title').innerText();
    await until('the first panel', async () => (await screen.locator('#wall .panel[data-kind]').count()) === 1);
    const first = await title();
    expect(first).toBe('入党誓词');
    expect(await screen.locator('#wall .lines').innerText()).toContain('永不叛党');
    await shot(screen, 'display-oath-1920');
    await until('rotation to the next panel', async () => (await title()) !== first, 10_000);
    const second = await title();
    await shot(screen, 'display-rotated-1920');
    expect(await screen.locator('#offline').isHidden()).toBe(true);
    // The page fits the TV: nothing scrolls.
    const overflow = await screen.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);

    // ---- network drop: the next refresh fails, the last good data stays on screen with the mark ----
    await tv.context.setOffline(true);
    await until('the offline mark', () => screen.locator('#offline').isVisible(), 15_000);
    const during = await title();
    await until('rotation while offline', async () => (await title()) !== during, 10_000);
    expect(await screen.locator('#wall .lines p').count()).toBeGreaterThan(0);
    expect(await screen.locator('#offline').innerText()).toBe('离线');
    await shot(screen, 'display-offline-1920');
    // The last good data is in localStorage for a reload without network.
    const saved = await screen.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zhendi-display:')).length);
    expect(saved).toBe(1);
    await tv.context.setOffline(false);
    await until('back online', () => screen.locator('#offline').isHidden(), 15_000);
    expect([first, second]).not.toContain('');

    // ---- the screensaver ZIP, rendered in the admin's browser ----
    await page.goto(`${server.url}/displays`);
    const button = page.getByTestId('screensaver-download');
    await until('slides loaded', async () => /（[1-9]\d* 张）/.test(await button.innerText()));
    const count = Number(/（(\d+) 张）/.exec(await button.innerText())![1]);
    await shot(page, 'display-admin-slides');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(/-廉政屏保\.zip$/);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file!));
    const names = Object.keys(zip.files).sort();
    const pngs = names.filter((n) => n.endsWith('.png'));
    expect(pngs).toHaveLength(count);
    expect(pngs[0]).toBe('01.png');
    expect(names).toContain('使用说明.txt');
    expect(await zip.file('使用说明.txt')!.async('string')).toContain('屏幕保护程序');
    for (const n of pngs) {
      const meta = await sharp(await zip.file(n)!.async('nodebuffer')).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1920, 1080]);
    }
    // Keep one slide as a screenshot of what the screensaver shows.
    fs.writeFileSync(`${fs.realpathSync('test-results')}/screenshots/screensaver-01.png`, await zip.file('01.png')!.async('nodebuffer'));
    expect(admin.pageErrors).toEqual([]);
    expect(tv.pageErrors).toEqual([]);
  }, 180_000);

  it('records a study session with attendance from the roll and sees it in the organization statistics', async () => {
    const page = admin!.page;
    await page.goto(`${server.url}/study`);
    await page.getByTestId('session-new').click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await dialog.getByLabel('学习主题').fill('学习《中国共产党廉洁自律准则》');
    await dialog.getByTestId('attendance-load').click();
    const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    await until('the roll', async () => (await rows.count()) > 1);
    const expected = await rows.count();
    await rows.first().locator('input[type=checkbox]').uncheck();
    await rows.first().getByPlaceholder(/缺席原因/).fill('公出');
    await shot(page, 'study-session-attendance');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await until('the session in the list', async () => (await page.getByText('学习《中国共产党廉洁自律准则》').count()) > 0);
    await page.getByRole('tab', { name: '学习统计' }).click();
    await until('the statistics', async () => (await page.getByText(`${expected} / ${expected - 1}`).count()) > 0);
    await shot(page, 'study-stats');
    expect(admin!.pageErrors).toEqual([]);
  }, 120_000);

  // Last: it stops the server.
  it('starts from its kept copy when the server cannot be reached (a TV switched on during an outage)', async () => {
    const screen = tv!.page;
    const address = screen.url();
    // The service worker takes over the open page, which keeps its page, script and style after a good load.
    await until('the service worker in control', () => screen.evaluate(() => navigator.serviceWorker.controller !== null));
    await until('the page kept', () => screen.evaluate(async () => (await (await caches.open('zhendi-display-v1')).keys()).length === 3));
    await server.stop();
    await screen.close();
    const cold = await tv!.context.newPage();
    const errors: string[] = [];
    cold.on('pageerror', (e) => errors.push(String(e)));
    await cold.goto(address);
    await until('the last good data on screen', async () => (await cold.locator('#wall .panel[data-kind]').count()) === 1);
    expect((await cold.locator('#wall .panel .title').innerText()).length).toBeGreaterThan(0);
    await until('the offline mark', () => cold.locator('#offline').isVisible());
    await shot(cold, 'display-cold-start-offline-1920');
    expect(errors).toEqual([]);
  }, 60_000);
});
