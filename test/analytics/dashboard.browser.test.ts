import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { AGENT_SECRET, tokenFor } from '../agent/support/agentApi';
import { RunningApp, startTestApp } from '../support/testApp';
import { seedConversations } from './support/seedConversations';

const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'supervisor-dashboard.png');
const SHOWN = { timeout: 10_000 };

/** What each chart on the page holds: its labels and every dataset's values. */
type ChartData = Record<
  string,
  { labels: string[]; datasets: Array<{ label: string; data: Array<number | null> }> }
>;

describe('the supervisor dashboard in a real browser', () => {
  let running: RunningApp;
  let channel: ChannelEndpoint;
  let browser: Browser;
  const problems: string[] = [];
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    await seedConversations(running.baseUrl, channel);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await channel?.stop();
  });

  async function openAs(role: 'supervisor' | 'agent'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${running.baseUrl}/agent/dashboard`);
    await page.fill('#token', await tokenFor(role, `${role}-dana`));
    await page.click('#sign-in button[type=submit]');
    return page;
  }

  it('draws the seeded figures as charts (Chart.js from the package) and saves a screenshot', async () => {
    const page = await openAs('supervisor');
    await page.waitForSelector('body[data-loaded]', SHOWN);

    const charts = (await page.evaluate(() => {
      const drawn = (window as unknown as { dashboardCharts: Record<string, { data: unknown }> })
        .dashboardCharts;
      return JSON.parse(
        JSON.stringify(Object.fromEntries(Object.entries(drawn).map(([name, chart]) => [name, chart.data]))),
      );
    })) as ChartData;
    const todayIndex = charts.outcomes?.labels.indexOf(today) ?? -1;
    expect(charts.outcomes?.labels).toHaveLength(7);
    expect(todayIndex).toBe(6);
    expect(charts.outcomes?.datasets.map((set) => [set.label, set.data[todayIndex]])).toEqual([
      ['Resolved', 2],
      ['Escalated', 1],
      ['Abandoned', 1],
    ]);
    expect(charts.rates?.datasets.map((set) => set.data[todayIndex])).toEqual([50, 25, 25]);
    expect(charts.csat?.datasets[0]?.data).toEqual([0, 1, 0, 1, 1]);
    expect(charts.funnel?.datasets[0]?.data).toEqual([2, 1, 1, 1]);
    expect(charts.topics?.labels).toEqual(['file_ended', 'guide_mediation']);
    expect(charts.topics?.datasets[0]?.data).toEqual([2, 1]);
    expect(charts.wait?.datasets[0]?.data[todayIndex]).toEqual(expect.any(Number));

    // Not an empty canvas: every chart has painted pixels of its bars or lines.
    const painted = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas')).map((canvas) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 3] ?? 0) > 0) coloured += 1;
        return { id: canvas.id, coloured, width: canvas.width };
      }),
    );
    expect(painted).toHaveLength(6);
    for (const canvas of painted) {
      expect(canvas.width).toBeGreaterThan(100);
      expect(canvas.coloured).toBeGreaterThan(500);
    }

    await page.locator('#tile-containment', { hasText: '50 %' }).waitFor(SHOWN);
    await page.locator('#tile-csat', { hasText: '3.67 (3)' }).waitFor(SHOWN);
    await page
      .locator('#not-understood td', {
        hasText: 'can you bake a cake for [name], [amount], phone [phone], [email]',
      })
      .waitFor(SHOWN);

    const download = page.waitForEvent('download');
    await page.click('#csv');
    expect((await download).suggestedFilename()).toMatch(/^assistant-figures-.*\.csv$/);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('tells an agent without the supervisor role that the dashboard is not for them', async () => {
    const page = await openAs('agent');
    await page.locator('#notice', { hasText: 'This dashboard is for supervisors only.' }).waitFor(SHOWN);
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    const status = await page.evaluate(
      async (token) => {
        const response = await fetch('/api/agent/analytics', {
          headers: { authorization: `Bearer ${token}` },
        });
        return response.status;
      },
      await tokenFor('agent'),
    );
    expect(status).toBe(403);
    await page.close();
  });
});
