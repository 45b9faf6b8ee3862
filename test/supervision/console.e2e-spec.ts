/**
 * Supervisor console in a real browser (acceptance 2): Debian's Chromium driven by playwright-core.
 * Opens the page, pastes a supervisor token, filters to overdue transfers, opens one, presses (催办) the
 * owing police office, and sees the press in the case timeline (live); screenshots under test-output/ of the
 * list and the case page in Chinese and in English (issue 15). Checks that the Chinese page holds no English
 * words outside ids (code elements) and statute abbreviations, that every agency is shown by its official
 * name from the agency directory (never as a raw id), and that every day-counted due date reads as its last
 * day ending at 24:00.
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
const D = 24 * H;
/** Latin words allowed on the Chinese page outside code elements: statute abbreviations (deadlines.md). */
const STATUTE = [
  'R310',
  'E17',
  'GA',
  'JR',
  'CPL',
  'CivPL',
  'ALL',
  'CivJI',
  'PILJI',
  'PILR21',
  'EnvPIL',
  'EDC',
  'EDCR22',
  'APL',
  'REP19',
];

/** Visible text of the page without code elements (ids), the language switch and form values. */
const visibleText = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
  const clone = document.body.cloneNode(true);
  for (const el of clone.querySelectorAll('code, #lang, script, style, [hidden], option')) el.remove();
  document.body.append(clone);
  clone.style.position = 'absolute';
  const text = clone.innerText;
  clone.remove();
  // file names an officer uploaded (监测报告.pdf) are data, not wording
  return text.replace(/[^\\s（）「」“”]+\\.[A-Za-z0-9]{2,4}\\b/g, ' ');
})()`);

/** Every <time> whose instant is 00:00 Beijing time must read as the day before, 24:00. */
const midnightProblems = (page: Page): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll('time[datetime]')].flatMap((el) => {
  const ms = Date.parse(el.getAttribute('datetime') ?? '');
  if (Number.isNaN(ms) || new Date(ms + 8 * 3600000).toISOString().slice(11, 23) !== '00:00:00.000') return [];
  return (el.textContent ?? '').includes('24:00') ? [] : [el.getAttribute('datetime') + ' shown as ' + el.textContent];
})`);
const OUT = path.resolve(__dirname, '../../test-output');

/**
 * Waits until `expression` is true in the page. Not page.waitForFunction: it polls by evaluating its predicate
 * inside the page, which the console's Content-Security-Policy (script-src 'self', no 'unsafe-eval') rightly
 * refuses; page.evaluate runs through the DevTools protocol, outside the page's CSP.
 */
async function waitInPage(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(expression)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting in the page for: ${expression}`);
}

(ready ? describe : describe.skip)('supervisor console in Chromium', () => {
  const sys = new TestSystem(['enforcement', 'police', 'supervision'], {
    supervision: { SUPERVISION_SWEEP_MS: '1000' },
  });
  let browser: BrowserContext;
  let page: Page;
  let userDir: string;
  let late: Opened;
  let lastDayEnd: Date;
  const errors: string[] = [];

  beforeAll(async () => {
    await sys.start();
    const a = agencies(sys, { police: true, procuratorate: false });
    late = await openAndSend(a, '逾期');
    await openAndSend(a, '按期');
    const now = Date.now();
    // the worker's transfer.receipt clock for `late`: 24 h, ran out 6 h ago
    await publish(
      endpoints().kafkaBrokers,
      sys.suffix,
      deadlineEvents({
        linkedCaseId: late.linkedCaseId,
        subjectId: late.transferId,
        ruleId: 'transfer.receipt',
        owingAgencyId: POL,
        startedAt: new Date(now - 30 * H),
        dueAt: new Date(now - 6 * H),
        then: ['missed'],
      }),
    );
    // and a day-counted clock: the filing review, due at 24:00 (Beijing) of its last day, three days on
    lastDayEnd = new Date(Math.ceil((now + 8 * H) / D) * D - 8 * H + 2 * D);
    await publish(
      endpoints().kafkaBrokers,
      sys.suffix,
      deadlineEvents({
        linkedCaseId: late.linkedCaseId,
        subjectId: late.transferId,
        ruleId: 'transfer.filing-review',
        owingAgencyId: POL,
        startedAt: new Date(now - H),
        dueAt: lastDayEnd,
      }),
    );
    const sup = {
      get: (u: string) =>
        fetch(`${sys.url('supervision')}${u}`, {
          headers: { authorization: `Bearer ${sys.token('procuratorate:210100', ['supervisor'])}` },
        }).then((r) => r.json() as Promise<{ status: string }>),
    };
    await eventually(
      () => sup.get(`/steps/${encodeURIComponent(`${late.transferId}/transfer.receipt`)}`),
      (s) => s.status === 'overdue',
      'overdue in the projection',
    );
    await eventually(
      () => sup.get(`/steps/${encodeURIComponent(`${late.transferId}/transfer.filing-review`)}`),
      (s) => s.status === 'on-time',
      'the filing review in the projection',
    );

    mkdirSync(OUT, { recursive: true });
    userDir = mkdtempSync(path.join(tmpdir(), 'casebridge-chromium-'));
    // a fresh profile per run (Playwright takes the user data dir as a parameter, not as --user-data-dir)
    browser = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1360, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    // the console runs under a strict Content-Security-Policy (#13 item 16): anything it blocks is a failure
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
    });
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
    await waitInPage(
      page,
      `location.hash.includes('status=overdue') && location.hash.includes('ruleId=transfer.receipt')
      && document.querySelectorAll('#steps-table tbody tr').length === 1`,
      15_000,
    );
    const row = page.locator(`#steps-table tbody tr[data-step="${late.transferId}/transfer.receipt"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('.badge').textContent()).toContain('逾期');
    // the agency by its official name (directory), the id only as a tooltip
    expect(await row.locator('.agency').textContent()).toBe('沈阳市公安局');
    expect(await row.locator('.agency').getAttribute('title')).toBe(POL);
    expect(await row.textContent()).toContain('公安机关在移送书回执上签字');
    await page.screenshot({ path: path.join(OUT, 'supervision-console-list.zh.png'), fullPage: true });

    // all open steps of the region: every agency by name, every day-counted due date as its last day 24:00
    await page.locator('#filters button[type=reset]').click();
    await waitInPage(page, `document.querySelectorAll('#steps-table tbody tr').length >= 3`, 15_000);
    const y = (d: Date) => new Date(d.getTime() + 8 * H - 1);
    const lastDayText = `${y(lastDayEnd).getUTCFullYear()}年${y(lastDayEnd).getUTCMonth() + 1}月${y(lastDayEnd).getUTCDate()}日 24:00 前`;
    const filingRow = page.locator(`#steps-table tbody tr[data-step="${late.transferId}/transfer.filing-review"]`);
    expect(await filingRow.locator('time').textContent()).toBe(lastDayText);
    expect(await filingRow.textContent()).toContain('还剩 ');
    expect(await midnightProblems(page)).toEqual([]);
    const list = await visibleText(page);
    expect(list).not.toMatch(/(enforcement|police|procuratorate|court):\d{6}/);
    const names = await page.locator('#steps-table .agency, #agency-table .agency').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    for (const n of names) expect(n).toMatch(/^(沈阳市公安局|沈阳市生态环境局|沈阳市人民检察院)$/);
    expect((list.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w: string) => !STATUTE.includes(w))).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'supervision-console-list.png'), fullPage: true });

    // open the case: steps with their explanation and the cross-agency timeline
    await page.goto(`${sys.url('supervision')}/#/cases/${late.linkedCaseId}`);
    const step = page.locator(`article.step[data-step="${late.transferId}/transfer.receipt"]`);
    await step.waitFor();
    expect(await step.textContent()).toContain('未签回执');
    expect(await page.locator('#timeline').textContent()).toContain('transfer.sent');
    // grouped: open steps first, each with its own events; the timeline by agency
    const cards = await page.locator('#case-steps > article.step').evaluateAll((els) => els.map((e) => e.className));
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.every((c) => !c.includes('step-closed'))).toBe(true);
    expect(await page.locator('#timeline details > summary').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^沈阳市生态环境局（\d+ 条）$/),
        expect.stringMatching(/^期限流程引擎（\d+ 条）$/),
      ]),
    );
    expect(await step.locator('.step-events li').count()).toBeGreaterThanOrEqual(2);
    await step.locator('details.explain > summary').click();
    expect(await step.locator('details.explain').textContent()).toContain('R310 第 7 条；E17 第 7 条');
    await page
      .locator(`article.step[data-step="${late.transferId}/transfer.filing-review"] details.explain > summary`)
      .click();
    expect(
      await page.locator(`article.step[data-step="${late.transferId}/transfer.filing-review"]`).textContent(),
    ).toContain(lastDayText);

    // press (催办) the owing police office
    await step.locator('button.press').click();
    await page.locator('#action-dialog[open]').waitFor();
    await page.locator('#action-message').fill('移送已逾期未签收回执，请立即签收。');
    await page.locator('#action-submit').click();
    // the update: the press appears in the timeline and on the step
    await page
      .locator('#timeline li.tl-supervision')
      .filter({ hasText: '移送已逾期未签收回执' })
      .waitFor({ timeout: 15_000 });
    await waitInPage(
      page,
      `document.querySelector('article.step[data-step="${late.transferId}/transfer.receipt"]')?.textContent.includes('催办: 1')`,
      15_000,
    );
    expect(await midnightProblems(page)).toEqual([]);
    const caseText = await visibleText(page);
    expect(caseText).not.toMatch(/(enforcement|police|procuratorate|court):\d{6}/);
    expect((caseText.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w: string) => !STATUTE.includes(w))).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'supervision-console-case.png'), fullPage: true });

    // the press reached the police inbox
    const pol = agencies(sys, { police: true, procuratorate: false }).pol;
    await eventually(
      () =>
        pol.get<{ items: Array<{ stepId: string; presses: unknown[] }> }>(`/inbox?linkedCaseId=${late.linkedCaseId}`),
      (r) => r.items.some((x) => x.stepId === `${late.transferId}/transfer.receipt` && x.presses.length > 0),
      'police inbox: the pressed step is owed, with the press',
    );

    // English switch: the case page and the list, fully English (data typed in Chinese aside)
    await page.locator('#lang').click();
    expect(await page.locator('h1').textContent()).toBe('Supervisor console');
    await waitInPage(
      page,
      `document.querySelector('#case-steps')?.textContent.includes('Police sign the receipt')`,
      15_000,
    );
    const cjk = /[\u4e00-\u9fff]/;
    // what the page says (headings, labels, badges, rule titles, agency names, explanations, timeline sentences);
    // the case number, the party and what officers typed are data and stay as written
    const typed = [
      /辽沈环罚〔2026〕[^\s]*号/g,
      /沈阳某化工有限公司/g,
      /移送已逾期未签收回执，请立即签收。/g,
      /通过暗管向河道排放含铬废水/g,
      /监测报告\.pdf/g,
    ];
    const strip = (l: string) => typed.reduce((x, re) => x.replace(re, ''), l);
    const labels = await page
      .locator('#view-case')
      .locator('h2, h3, h4, .badge, summary, dt, dd, button, .step header, .step p, .agency, .tl .what')
      .allTextContents();
    expect(labels.map(strip).filter((l) => cjk.test(l))).toEqual([]);
    expect(
      await page
        .locator(`article.step[data-step="${late.transferId}/transfer.filing-review"] time`)
        .first()
        .textContent(),
    ).toMatch(/^by 24:00 on \d+ [A-Z][a-z]{2} \d{4}$/);
    expect(await page.locator('#timeline').textContent()).toContain(
      'Shenyang Municipal Ecology and Environment Bureau transferred the case to Shenyang Municipal Public Security Bureau',
    );
    await page.screenshot({ path: path.join(OUT, 'supervision-console-case.en.png'), fullPage: true });
    await page.goto(`${sys.url('supervision')}/#/`);
    // the list was drawn in Chinese while hidden: wait until it is drawn again, in English
    await waitInPage(
      page,
      `document.querySelectorAll('#steps-table tbody tr').length >= 3
      && [...document.querySelectorAll('#steps-table tbody tr')].every((r) => r.textContent.includes('Police'))
      && document.querySelector('#totals .card-l')?.textContent === 'Open'`,
      15_000,
    );
    const enLabels = await page
      .locator('#view-steps')
      .locator('th, label, h2, .badge, .card-l, #steps-table td, .agency, button, option')
      .allTextContents();
    expect(enLabels.map(strip).filter((l) => cjk.test(l))).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'supervision-console-list.en.png'), fullPage: true });
    // the page's favicon answers
    expect((await fetch(`${sys.url('supervision')}/favicon.svg`)).status).toBe(200);
    expect(errors).toEqual([]);
  });
});
