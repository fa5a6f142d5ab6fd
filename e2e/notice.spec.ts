// The micro channel in a real browser on the demo data: the branch admin sends a notice from the admin pages,
// the member reads it on a phone (unread dot, large text, receipt on open), and the admin's read rate moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launchBrowser, loginUi, shot, startServer, until, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';
const TITLE = '关于开展十一月主题党日活动的通知';
const BODY = '时间：11 月 28 日（周五）下午 3 点\n地点：机关三楼党员活动室\n请全体党员准时参加。';

describe('notices: send as an admin, read as a member on a phone, see the read rate move', () => {
  let server: Server;
  beforeAll(async () => { server = await startServer({}, 'demo'); });
  afterAll(async () => { await server?.stop(); });

  it('demo_branch sends, demo_member reads on a phone, the rate goes from 0% to 100%', async () => {
    const admin = await launchBrowser({ width: 1366, height: 860 });
    const phone = await launchBrowser({ width: 390, height: 844 }, { mobile: true });
    try {
      // 1. The branch admin sends a notice to the branch and everything under it.
      const a = admin.page;
      await loginUi(a, server.url, 'demo_branch', DEMO_PASSWORD);
      await a.goto(`${server.url}/notices`);
      await a.getByTestId('notice-new').first().click();
      await a.getByTestId('notice-title').fill(TITLE);
      await a.getByTestId('notice-body').fill(BODY);
      await shot(a, 'notice-01-send-form');
      await a.getByTestId('notice-send').click();
      await a.waitForURL((u) => /^\/notices\/\d+$/.test(u.pathname));
      const noticeId = Number(new URL(a.url()).pathname.split('/').pop());
      await a.getByTestId('notice-stats-table').waitFor();
      const rate = () => a.getByTestId('read-rate').locator('.ant-statistic-content').textContent();
      await until('stats loaded at 0%', async () => (await rate())?.trim() === '0%');
      await shot(a, 'notice-02-stats-unread');

      // 2. The member opens the inbox on a phone: the notice is there, unread, in large text.
      const p = phone.page;
      await loginUi(p, server.url, 'demo_member', DEMO_PASSWORD);
      await p.waitForURL((u) => u.pathname === '/me');
      await p.getByTestId('me-inbox').click();
      await p.waitForURL((u) => u.pathname === '/inbox');
      const item = p.getByTestId('inbox-item').filter({ hasText: TITLE });
      await item.waitFor();
      expect(await item.locator('.zd-inbox-dot').count()).toBe(1);
      const px = Number.parseFloat(await item.locator('.zd-inbox-title').evaluate((el) => getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(18);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(p, 'notice-03-phone-inbox-unread');
      await item.click();
      await p.waitForURL((u) => u.pathname === `/inbox/${noticeId}`);
      const detail = p.getByTestId('notice-detail');
      await detail.waitFor();
      expect(await detail.locator('.zd-notice-body').textContent()).toBe(BODY);
      expect(await p.locator('.zd-notice-read').textContent()).toContain('已读');
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(p, 'notice-04-phone-detail');
      await p.goBack();
      await until('dot gone', async () => (await p.getByTestId('inbox-item').filter({ hasText: TITLE }).locator('.zd-inbox-dot').count()) === 0);
      await shot(p, 'notice-05-phone-inbox-read');

      // 3. The admin sees the read rate move (the page refreshes itself; reload to be quick).
      await a.reload();
      await until('rate moved to 100%', async () => (await rate())?.trim() === '100%');
      const stats = await (await apiLogin(server.url, 'demo_branch', DEMO_PASSWORD)).get<{ totals: { reached: number; read: number } }>(`/api/notices/${noticeId}/stats`);
      expect(stats.totals).toEqual(expect.objectContaining({ read: 1, reached: 1 }));
      await shot(a, 'notice-06-stats-read');
      expect(admin.pageErrors).toEqual([]);
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await admin.close();
      await phone.close();
    }
  }, 120_000);
});
