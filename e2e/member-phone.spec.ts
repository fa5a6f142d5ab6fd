// The demo data set in a real browser: a member on a phone sees their own page in large text without
// horizontal scrolling; an organization admin sees only their own organ committee and is refused
// another one's page in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launchBrowser, loginUi, shot, startServer, treeNodes, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';

interface Profile { member: { name: string; orgName: string } | null; org: { name: string } | null }
interface OrgHit { id: number; name: string; type: string }

describe('demo data: member on a phone, org admin limited to its scope', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({}, 'demo');
    // The accounts the demo prints (its output is also what a person reads to log in).
    for (const name of ['demo_wc', 'demo_oc', 'demo_member']) expect(server.output()).toContain(name);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('demo_member lands on 我的信息 at 390x844: own name and branch in large text, nothing wider than the screen', async () => {
    // What the page should show, read from the API as the same member.
    const own = await (await apiLogin(server.url, 'demo_member', DEMO_PASSWORD)).get<Profile>('/api/me/profile');
    expect(own.member).not.toBeNull();
    const { name, orgName } = own.member!;

    const b = await launchBrowser({ width: 390, height: 844 }, { mobile: true });
    const { page } = b;
    const overflow = () => page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
    }));
    try {
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-username').waitFor();
      expect((await overflow()).scrollWidth).toBeLessThanOrEqual(390);
      await shot(page, 'member-phone-01-login');

      await loginUi(page, server.url, 'demo_member', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/me');
      await page.getByText('我的信息', { exact: true }).waitFor();
      const nameEl = page.locator('.zd-me-name');
      await nameEl.waitFor();
      expect(await nameEl.textContent()).toContain(name);
      const orgRow = page.locator('.zd-me-row').filter({ hasText: '所在党组织' });
      expect(await orgRow.locator('.zd-me-value').textContent()).toBe(orgName);
      expect(await page.locator('.zd-me-org').textContent()).toContain(orgName); // the full path under the name

      // Large text: the name well above body size, the organization at least 16 px.
      const px = async (sel: string) =>
        Number.parseFloat(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).fontSize));
      expect(await px('.zd-me-name')).toBeGreaterThanOrEqual(24);
      expect(await px('.zd-me-org')).toBeGreaterThanOrEqual(16);
      expect(await px('.zd-me-row .zd-me-value')).toBeGreaterThanOrEqual(16);
      // Both on screen without scrolling sideways.
      for (const sel of ['.zd-me-name', '.zd-me-org']) {
        const box = (await page.locator(sel).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      const o = await overflow();
      expect(o.scrollWidth).toBeLessThanOrEqual(390);
      expect(o.bodyScrollWidth).toBeLessThanOrEqual(390);
      // Masked personal data only.
      expect(await page.locator('.zd-me-row').filter({ hasText: '身份证号' }).textContent()).toContain('*');
      await page.getByTestId('logout').waitFor();
      await shot(page, 'member-phone-02-me');
      expect(b.pageErrors).toEqual([]);
    } catch (e) {
      await shot(page, 'member-phone-FAILED-me').catch(() => undefined);
      console.error('browser console errors:', b.consoleErrors);
      throw e;
    } finally {
      await b.close();
    }
  });

  it('demo_oc sees only its own organ committee and is told 无权 for another one', async () => {
    // Another organ committee's id, looked up as the work-committee admin.
    const wc = await apiLogin(server.url, 'demo_wc', DEMO_PASSWORD);
    const committees = (await wc.get<OrgHit[]>(`/api/orgs/search?q=${encodeURIComponent('机关党委')}`)).filter((o) => o.type === 'organ_committee');
    const oc = await (await apiLogin(server.url, 'demo_oc', DEMO_PASSWORD)).get<{ orgId: number; orgName: string }>('/api/auth/me');
    const own = oc.orgName;
    const other = committees.find((o) => o.id !== oc.orgId)!;
    expect(own).toBe('青禾市财政局机关党委');
    expect(other).toBeTruthy();

    const b = await launchBrowser();
    const { page } = b;
    try {
      await loginUi(page, server.url, 'demo_oc', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('org-tree').waitFor();
      // The tree has exactly one root, the account's own organ committee (opened to show its branches).
      await expect.poll(async () => (await treeNodes(page)).filter((n) => n.depth === 0).map((n) => n.title)).toEqual([`${own}机关党委`]);
      await expect.poll(async () => (await treeNodes(page)).length).toBeGreaterThan(1);
      const titles = (await treeNodes(page)).map((n) => n.title).join('\n');
      expect(titles).not.toContain('直属机关工作委员会');
      expect(titles).not.toContain(other.name);
      await page.getByText(`${own} · 概况`).waitFor();
      await shot(page, 'member-phone-03-org-admin-tree');

      // Someone else's organ committee, by address: a refusal in Chinese and none of its data.
      await page.goto(`${server.url}/orgs/${other.id}`);
      await page.getByText('无权查看该组织').waitFor();
      await page.getByText('您无权访问该组织的数据').waitFor(); // the server's message, as a toast
      expect(await page.getByText(other.name).count()).toBe(0);
      expect(await page.getByTestId('new-org-button').count()).toBe(0);
      expect(await page.getByRole('button', { name: '返回首页' }).count()).toBe(1);
      await shot(page, 'member-phone-04-org-admin-forbidden');
      expect(b.pageErrors).toEqual([]);
    } catch (e) {
      await shot(page, 'member-phone-FAILED-forbidden').catch(() => undefined);
      console.error('browser console errors:', b.consoleErrors);
      throw e;
    } finally {
      await b.close();
    }
  });
});
