// 标准管理 in a real browser on the demo data: the work-committee admin reads the shipped Jinhua pack,
// copies it to 1.1.0, changes the draft's coverage deadline and publishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMenu, confirmDialog, launchBrowser, loginUi, settled, shot, startServer, until, type Browser, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';
const JINHUA = '金华市直机关党建阵地建设“双推进”标准';

describe('standards: read, clone, edit and publish a pack', () => {
  let server: Server;
  let b: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({}, 'demo');
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  it('demo_wc opens the Jinhua pack, clones it to 1.1.0, edits the deadline and publishes the draft', async () => {
    b = await launchBrowser();
    const { page } = b;
    try {
      await loginUi(page, server.url, 'demo_wc', DEMO_PASSWORD);
      await clickMenu(page, '阵地建设', '标准管理');
      await page.waitForURL((u) => u.pathname === '/standards');
      const rows = page.getByTestId('standards-table').locator('tbody tr.ant-table-row');
      await until('standards listed', async () => (await rows.count()) >= 2);
      await shot(page, 'standards-01-list');

      // The shipped pack, rendered.
      await rows.filter({ hasText: JINHUA }).getByRole('link').click();
      await page.waitForURL(/\/standards\/\d+$/);
      const originalUrl = page.url();
      await expect.poll(() => page.getByTestId('standard-title').textContent()).toBe(JINHUA);
      expect(await page.getByTestId('coverage-deadline').textContent()).toBe('2016-06-30');
      expect(await page.getByTestId('requirement').count()).toBe(26);
      expect(await page.getByTestId('tier-section').count()).toBe(3);
      const perTier = await page.getByTestId('tier-section').evaluateAll((s) => s.map((x) => x.querySelectorAll('[data-testid=requirement]').length));
      expect(perTier.reduce((a, n) => a + n, 0)).toBe(26);
      expect(perTier.every((n) => n > 0)).toBe(true);
      expect(await page.getByText('活动室类型 = 专用').count()).toBeGreaterThan(0);
      expect(await page.getByText('已发布的标准不可修改，请复制为新版本').count()).toBe(1);
      await shot(page, 'standards-02-detail');

      // Clone to 1.1.0: a draft opens.
      await page.getByRole('button', { name: '复制为新版本' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '新版本号' });
      await settled(dialog);
      await dialog.getByLabel('新版本号').fill('1.1.0');
      await shot(page, 'standards-03-clone-dialog');
      await dialog.getByRole('button', { name: '复制' }).click();
      await page.waitForURL((u) => /\/standards\/\d+$/.test(u.pathname) && u.href !== originalUrl);
      await expect.poll(() => page.getByTestId('standard-status').first().textContent()).toBe('草稿');
      expect(await page.locator('.zd-page-title').textContent()).toContain('1.1.0');
      await shot(page, 'standards-04-draft');

      // Edit the coverage deadline.
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/standards\/\d+\/edit$/);
      const deadline = page.locator('#std-coverageDeadline');
      await deadline.click();
      await deadline.press('ControlOrMeta+a');
      await deadline.fill('2027-06-30');
      await deadline.press('Enter');
      await expect.poll(() => deadline.inputValue()).toBe('2027-06-30');
      await shot(page, 'standards-05-edit');
      await page.getByTestId('standard-save').click();
      await page.waitForURL(/\/standards\/\d+$/);
      await expect.poll(() => page.getByTestId('coverage-deadline').textContent()).toBe('2027-06-30');
      await shot(page, 'standards-06-saved');

      // Publish.
      await page.getByRole('button', { name: '发布' }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.waitFor();
      await shot(page, 'standards-07-publish-confirm');
      expect(await confirm.locator('.ant-modal-confirm-btns .ant-btn-primary').textContent()).toMatch(/发\s*布/);
      await confirmDialog(page);
      await expect.poll(() => page.getByTestId('standard-status').first().textContent()).toBe('已发布');
      await page.getByText('已发布的标准不可修改，请复制为新版本').waitFor();
      expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);
      await shot(page, 'standards-08-published');

      // The list shows both versions of the Jinhua pack as published.
      await page.getByRole('button', { name: '返回列表' }).click();
      await page.waitForURL((u) => u.pathname === '/standards');
      const jinhua = rows.filter({ hasText: JINHUA });
      await until('two Jinhua versions', async () => (await jinhua.count()) === 2);
      expect(await jinhua.filter({ hasText: '1.1.0' }).textContent()).toContain('已发布');
      await shot(page, 'standards-09-list-after');

      expect(b.pageErrors).toEqual([]);
    } catch (e) {
      console.error('console errors:', b.consoleErrors);
      await shot(page, 'standards-failure').catch(() => undefined);
      throw e;
    }
  }, 180_000);
});
