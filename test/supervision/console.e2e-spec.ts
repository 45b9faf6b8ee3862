/**
 * Supervisor console in a real browser (acceptance 2): Debian's Chromium driven by playwright-core.
 * Opens the page, pastes a supervisor token, filters to overdue transfers, opens one, presses (催办) the
 * owing police office, and sees the press in the case timeline (live); screenshots under test-output/.
 *
 * Needs the dev dependency `playwright-core` and the apt package `chromium` (/usr/bin/chromium; skipped
 * with a message when it is missing). Chinese text renders in screenshots with a CJK font installed
 * (apt-get install fonts-noto-cjk). The deadline clock of the transfer is published on the
 * workflow topic as the worker publishes it, so this test does not depend on the worker.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { endpoints } from '../support/endpoints';
import { eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, POL, type Opened } from '../transfer/transfer-driver';
import { deadlineEvents, publish } from './inject';

const CHROMIUM = '/usr/bin/chromium';
const ready = existsSync(CHROMIUM);
if (!ready) process.stderr.write(`[console.e2e] skipped: needs ${CHROMIUM} (apt-get install chromium)\n`);

const H = 3_600_000;
const OUT = path.resolve(__dirname, '../../test-output');

(ready ? describe : describe.skip)('supervisor console in Chromium', () => {
  const sys = new TestSystem(['enforcement', 'police', 'supervision'], { supervision: { SUPERVISION_SWEEP_MS: '1000' } });
  let browser: BrowserContext;
  let page: Page;
  let userDir: string;
  let late: Opened;
  const errors: string[] = [];

  beforeAll(async () => {
    await sys.start();
    const a = agencies(sys, { police: true, procuratorate: false });
    late = await openAndSend(a, 'browser-late');
    await openAndSend(a, 'browser-on-time');
    const now = Date.now();
    // the worker's transfer.receipt clock for `late`: 24 h, ran out 6 h ago
    await publish(endpoints().kafkaBrokers, sys.suffix, deadlineEvents({
      linkedCaseId: late.linkedCaseId, subjectId: late.transferId, ruleId: 'transfer.receipt', owingAgencyId: POL,
      startedAt: new Date(now - 30 * H), dueAt: new Date(now - 6 * H), then: ['missed'],
    }));
    const sup = { get: (u: string) => fetch(`${sys.url('supervision')}${u}`, { headers: { authorization: `Bearer ${sys.token('procuratorate:210100', ['supervisor'])}` } }).then((r) => r.json() as Promise<{ status: string }>) };
    await eventually(() => sup.get(`/steps/${encodeURIComponent(`${late.transferId}/transfer.receipt`)}`), (s) => s.status === 'overdue', 'overdue in the projection');

    mkdirSync(OUT, { recursive: true });
    userDir = mkdtempSync(path.join(tmpdir(), 'casebridge-chromium-'));
    // a fresh profile per run (Playwright takes the user data dir as a parameter, not as --user-data-dir)
    browser = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    });
    page = browser.pages()[0] ?? await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // the console runs under a strict Content-Security-Policy (#13 item 16): anything it blocks is a failure
    page.on('console', (m) => { if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) errors.push(m.text()); });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
    await sys.stop();
  }, 60_000);

  it('filters to overdue transfers, opens one, presses, and sees the update', async () => {
    await page.goto(`${sys.url('supervision')}/`);
    // Chinese by default; paste a token (stored in localStorage)
    expect(await page.locator('h1').textContent()).toBe('督办台');
    await page.locator('#token').fill(sys.token('procuratorate:210100', ['supervisor'], 'sup-sun'));
    await page.locator('#token-form button[type=submit]').click();
    await page.locator('#live.live-on').waitFor({ timeout: 15_000 });
    await page.locator('#totals .card').first().waitFor();

    // filter: overdue transfer.receipt steps (transfers never received)
    await page.locator('#f-status').selectOption('overdue');
    await page.locator('#f-rule').selectOption('transfer.receipt');
    await page.locator('#filters button[type=submit]').click();
    await page.waitForFunction(`location.hash.includes('status=overdue') && location.hash.includes('ruleId=transfer.receipt')
      && document.querySelectorAll('#steps-table tbody tr').length === 1`, undefined, { timeout: 15_000 });
    const row = page.locator(`#steps-table tbody tr[data-step="${late.transferId}/transfer.receipt"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('.badge').textContent()).toContain('逾期');
    await page.screenshot({ path: path.join(OUT, 'supervision-console-list.png'), fullPage: true });

    // open the case: steps with their explanation and the cross-agency timeline
    await row.locator('a.case-link').click();
    const step = page.locator(`article.step[data-step="${late.transferId}/transfer.receipt"]`);
    await step.waitFor();
    expect(await step.textContent()).toContain('未签回执');
    expect(await page.locator('#timeline').textContent()).toContain('transfer.sent');

    // press (催办) the owing police office
    await step.locator('button.press').click();
    await page.locator('#action-dialog[open]').waitFor();
    await page.locator('#action-message').fill('移送已逾期未签收回执，请立即签收。');
    await page.locator('#action-submit').click();
    // the update: the press appears in the timeline and on the step
    await page.locator('#timeline li.tl-supervision').filter({ hasText: '移送已逾期未签收回执' }).waitFor({ timeout: 15_000 });
    await page.waitForFunction(`document.querySelector('article.step[data-step="${late.transferId}/transfer.receipt"]')?.textContent.includes('催办: 1')`, undefined, { timeout: 15_000 });
    await page.screenshot({ path: path.join(OUT, 'supervision-console-case.png'), fullPage: true });

    // the press reached the police inbox
    const pol = agencies(sys, { police: true, procuratorate: false }).pol;
    await eventually(() => pol.get<{ kind: string }[]>(`/inbox?linkedCaseId=${late.linkedCaseId}`), (i) => i.some((x) => x.kind === 'supervision.pressed'), 'police inbox');

    // English switch
    await page.locator('#lang').click();
    expect(await page.locator('h1').textContent()).toBe('Supervisor console');
    expect(errors).toEqual([]);
  });
});
