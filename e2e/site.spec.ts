// 栏目文章 end to end on the demo data: a branch admin opens the branch's column, writes an article with a
// heading, a bold phrase and a photo in the admin pages, submits it and publishes it; then, on a phone and
// without logging in, the public site shows it on the portal, the column page and the article page, readable
// without sideways scrolling, the photo loaded, and the Atom feed lists it. Screenshots of each step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMenu, launchBrowser, loginUi, shot, startServer, until, type Browser, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';
const TITLE = '第一党支部开展“学党章、守党规”主题党日活动';
const SLUG = 'e2e-dyzb';

describe('site: publish an article as an admin and read it on the public site on a phone', () => {
  let server: Server;
  let pc: Browser | undefined;
  let phone: Browser | undefined;
  let tmp: string;
  beforeAll(async () => {
    server = await startServer({}, 'demo');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-e2e-site-'));
  });
  afterAll(async () => {
    await pc?.close();
    await phone?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes, submits and publishes in the admin pages; the phone reads it on /site', async () => {
    const url = server.url;
    const photo = path.join(tmp, '活动照片.jpg');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 30, b: 40 } } }).jpeg().toFile(photo);

    pc = await launchBrowser();
    const p = pc.page;
    try {
      await loginUi(p, url, 'demo_branch', DEMO_PASSWORD);
      // The menu leads to 栏目文章; the branch has no column yet, so the settings tab is open.
      await clickMenu(p, '新型阵地', '栏目文章');
      await p.waitForURL(/\/columns/);
      const settings = p.getByTestId('column-settings');
      await settings.getByLabel('网址标识').fill(SLUG);
      await settings.getByRole('button', { name: '开设栏目' }).click();
      // Once opened, the page turns to the column's articles.
      await until('the column is opened', async () => (await p.getByRole('button', { name: '写文章' }).count()) > 0);
      // A column that has published nothing is not updated in time: the page says so, and so does the home page.
      expect(await p.getByTestId('column-freshness').innerText()).toContain('本栏目还没有发布过文章');
      await p.goto(`${url}/`);
      await until('the to-do on the home page', async () => (await p.getByTestId('todo-column-stale').count()) === 1);
      expect(await p.getByTestId('todo-column-stale').innerText()).toContain('尚未发布');
      await shot(p, 'site-00-home-column-todo');
      await p.goto(`${url}/columns`);
      await p.getByRole('button', { name: '写文章' }).waitFor();
      await p.getByRole('tab', { name: '栏目设置' }).click();
      await until('the settings show the public link', async () => (await p.getByRole('link', { name: '查看公开页面' }).count()) > 0);
      await shot(p, 'site-01-column-settings');

      await p.getByRole('tab', { name: '文章' }).click();
      await p.getByRole('button', { name: '写文章' }).click();
      await p.waitForURL((u) => u.pathname === '/columns/articles/new');
      await p.getByTestId('article-title').fill(TITLE);
      const body = p.getByTestId('article-body');
      await body.click();
      await p.keyboard.type('活动安排');
      await p.getByRole('button', { name: '标题', exact: true }).click();
      await p.keyboard.press('End');
      await p.keyboard.press('Enter');
      await p.keyboard.type('全体党员集中学习党章，重温入党誓词。');
      // The photo goes in at the caret (the article is saved first so the file has somewhere to belong).
      await p.locator('input[type=file][accept="image/*"]').setInputFiles(photo);
      await until('the photo is in the editor', async () => (await body.locator('img').count()) === 1);
      await until('the photo shows', () => body.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
      await until('the address names the saved article', () => /\/columns\/articles\/\d+$/.test(new URL(p.url()).pathname));
      await p.getByRole('button', { name: '保存' }).click();
      await shot(p, 'site-02-editor');

      await p.getByRole('button', { name: '提交审核' }).click();
      await until('pending', async () => (await p.getByText('待审核', { exact: true }).count()) > 0);
      // The branch admin is an admin of the column's org: it may review and publish.
      await p.getByRole('button', { name: '审核通过并发布' }).click();
      await until('published', async () => (await p.getByText('文章已发布。如需修改，请先撤下。').count()) > 0);
      const publicHref = await p.getByRole('link', { name: '查看公开页面' }).getAttribute('href');
      expect(publicHref).toMatch(/^\/site\/a\/\d+$/);
      await shot(p, 'site-03-published');
      await p.goto(`${url}/columns`);
      await until('the list shows it as published', async () => (await p.getByTestId('articles-table').getByText(TITLE).count()) === 1);
      await until('the column is fresh now', async () => (await p.getByTestId('column-freshness').innerText()).includes('（今天）'));
      await shot(p, 'site-04-article-list');
      await p.goto(`${url}/`);
      await p.getByText('各类党组织数量').waitFor();
      await until('no column to-do any more', async () => (await p.getByTestId('todo-column-stale').count()) === 0);
      expect(pc.pageErrors).toEqual([]);

      // ---- a reader on a phone, not logged in ----
      phone = await launchBrowser({ width: 390, height: 844 }, { mobile: true });
      const m = phone.page;
      const noSideways = async () => expect(await m.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const portal = await m.goto(`${url}/site`);
      expect(portal!.status()).toBe(200);
      expect(portal!.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await m.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await expect(m.getByRole('link', { name: TITLE })).toBeTruthy();
      expect(await m.getByRole('link', { name: TITLE }).count()).toBe(1);
      // The stylesheet applies (the CSP allows it): the header bar is red.
      expect(await m.locator('header.top').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(200, 16, 46)');
      await noSideways();
      await shot(m, 'site-05-phone-portal');

      await m.getByRole('link', { name: TITLE }).click();
      await m.waitForURL((u) => u.pathname === publicHref);
      expect(await m.title()).toContain(TITLE);
      expect(await m.locator('article h2').first().textContent()).toBe('活动安排');
      const img = m.locator('article .body img');
      await until('the public photo loads', () => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0));
      expect(await img.evaluate((i) => i.getBoundingClientRect().width)).toBeLessThanOrEqual(390);
      expect(await m.locator('script').count()).toBe(0);
      await noSideways();
      await shot(m, 'site-06-phone-article');

      await m.getByRole('link', { name: /党建专栏/ }).first().click();
      await m.waitForURL((u) => u.pathname === `/site/c/${SLUG}`);
      expect(await m.getByRole('link', { name: TITLE }).count()).toBe(1);
      await noSideways();
      await shot(m, 'site-07-phone-column');

      const feed = await fetch(`${url}/site/c/${SLUG}/feed.atom`);
      expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await feed.text()).toContain(`<title type="text">${TITLE.replace(/"/g, '&quot;')}</title>`);
      const missing = await m.goto(`${url}/site/a/999999`);
      expect(missing!.status()).toBe(404);
      expect(await m.locator('h1').textContent()).toBe('页面不存在');
      expect(phone.pageErrors).toEqual([]);
    } catch (e) {
      await shot(p, 'site-failure-pc').catch(() => undefined);
      if (phone) await shot(phone.page, 'site-failure-phone').catch(() => undefined);
      console.error('pc console:', pc?.consoleErrors, 'phone console:', phone?.consoleErrors, '\nserver:', server.output().slice(-3000));
      throw e;
    }
  }, 180_000);
});
