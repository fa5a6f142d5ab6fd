// 站内搜索 end to end on the demo data: a branch admin keeps a study material and sends a notice; the header's
// search box finds both for the two-character term 党建, highlighted; the public site's search box answers
// without a session and shows no internal content. Screenshots of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launchBrowser, loginUi, shot, startServer, until, type Browser, type Server } from './support.js';

const DEMO_PASSWORD = 'Demo@2026zd';

describe('search: the admin header box and the public site', () => {
  let server: Server;
  let pc: Browser | undefined;
  beforeAll(async () => { server = await startServer({}, 'demo'); });
  afterAll(async () => { await pc?.close(); await server?.stop(); });

  it('finds a material and a notice with 党建 highlighted; the public site shows none of them', async () => {
    const url = server.url;
    const api = await apiLogin(url, 'demo_branch', DEMO_PASSWORD);
    const me = await api.get<{ orgId: number }>('/api/auth/me');
    await api.post('/api/study/materials', { ownerOrgId: me.orgId, kind: 'article', title: '基层党建阵地建设学习资料', body: '加强党建引领，建好用好活动阵地。' });
    await api.post('/api/notices', { senderOrgId: me.orgId, kind: 'work', audience: 'all', title: '关于开展党建述职的通知', body: '请各位党员做好准备。', targets: [{ orgId: me.orgId, subtree: true }] });

    pc = await launchBrowser();
    const p = pc.page;
    await loginUi(p, url, 'demo_branch', DEMO_PASSWORD);
    const box = p.getByTestId('header-search').locator('input');
    await box.fill('党建');
    await box.press('Enter');
    await p.waitForURL(/\/search\?q=/);
    await until('hits are shown', async () => (await p.getByTestId('search-hit').count()) >= 2);
    const marks = await p.locator('[data-testid="search-hit"] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['党建']));
    expect(await p.getByText('基层党建阵地建设学习资料').count()).toBeGreaterThan(0);
    await shot(p, 'search-01-admin');

    await p.goto(`${url}/site?q=${encodeURIComponent('党建')}`);
    expect(await p.locator('h1').textContent()).toContain('搜索：党建');
    expect(await p.getByText('关于开展党建述职的通知').count()).toBe(0);
    expect(await p.getByText('基层党建阵地建设学习资料').count()).toBe(0);
    await shot(p, 'search-02-public-site');
  });
});
