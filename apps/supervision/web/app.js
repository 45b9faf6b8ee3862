// CaseBridge supervisor console: plain ES module, no build step. Talks to the supervision API with the
// supervisor's bearer token (kept in localStorage) and listens to GET /events (SSE, read with fetch so
// the token goes in the Authorization header).
import { TEXTS } from './i18n.js';

const TOKEN_KEY = 'casebridge.supervision.token';
const LANG_KEY = 'casebridge.supervision.lang';
const STATUS_ICON = { 'on-time': '●', warning: '▲', overdue: '■', stuck: '◆', closed: '○' };

const state = {
  token: localStorage.getItem(TOKEN_KEY) || '',
  lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh',
  rules: [],
  scope: null,
  view: 'steps',
  caseId: null,
  action: null,
  live: null,
};

const $ = (sel) => document.querySelector(sel);

// ---- i18n ------------------------------------------------------------------------------------------

function t(key, vars = {}) {
  const text = TEXTS[state.lang][key] ?? TEXTS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));
}

function applyI18n() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('title')} · CaseBridge`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('#lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  renderScope();
  setLive(state.live?.status ?? 'off');
}

// ---- time: Beijing time everywhere (libs/directory/src/time-format.ts says the same in TypeScript) ---------------
// A day-counted deadline ends at 24:00 of its last day; it is never shown as 00:00 of the next day.
const OFFSET_MS = 8 * 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function parts(ms) {
  const t = new Date(ms + OFFSET_MS).toISOString();
  return { y: Number(t.slice(0, 4)), mo: Number(t.slice(5, 7)), d: Number(t.slice(8, 10)), hm: t.slice(11, 16), midnight: t.slice(11, 23) === '00:00:00.000' };
}
const dayText = (p) => (state.lang === 'zh' ? `${p.y}年${p.mo}月${p.d}日` : `${p.d} ${MONTHS[p.mo - 1]} ${p.y}`);
/** an instant: 2026年12月2日 14:05 / 2 Dec 2026, 14:05 */
function fmt(iso) {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return iso ? String(iso) : '—';
  const p = parts(ms);
  return state.lang === 'zh' ? `${dayText(p)} ${p.hm}` : `${dayText(p)}, ${p.hm}`;
}
/** a due date: 2026年12月2日 24:00 前 / by 24:00 on 2 Dec 2026; the end of a minimum period (an announcement,
 * periodKind 'minimum') is the earliest moment of the next act, not a deadline */
function fmtDue(iso, kind) {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return iso ? String(iso) : '—';
  const p = parts(ms);
  const day = p.midnight ? parts(ms - 1) : p;
  const clock = p.midnight ? '24:00' : p.hm;
  if (kind === 'minimum') return state.lang === 'zh' ? `${dayText(day)} ${clock} 期满，此后方可进行下一步` : `runs until ${clock} on ${dayText(day)}; the next act not before`;
  return state.lang === 'zh' ? `${dayText(day)} ${clock} 前` : `by ${clock} on ${dayText(day)}`;
}
/** 还剩 2 天 / 已逾期 5 小时 / 2 days left / 5 hours overdue (a minimum period: 已期满 / ran out, never overdue) */
function relative(iso, kind) {
  const diff = Date.parse(iso) - Date.now();
  if (Number.isNaN(diff)) return '';
  const abs = Math.abs(diff);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor(abs / 3_600_000);
  const zh = state.lang === 'zh';
  const amount = days >= 1 ? (zh ? `${days} 天` : `${days} day${days === 1 ? '' : 's'}`) : (zh ? `${hours} 小时` : `${hours} hour${hours === 1 ? '' : 's'}`);
  if (diff >= 0) return zh ? `还剩 ${amount}` : `${amount} left`;
  if (kind === 'minimum') return zh ? `已期满 ${amount}` : `ran out ${amount} ago`;
  return zh ? `已逾期 ${amount}` : `${amount} overdue`;
}
function dueCell(iso, closed, kind) {
  return h('span', {}, h('time', { datetime: iso }, fmtDue(iso, kind)), closed ? null : h('div', { class: 'muted rel' }, relative(iso, kind)));
}

// ---- DOM helpers (text only: nothing from the API is parsed as HTML) --------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function badge(status) {
  return h('span', { class: `badge st-${status}` }, h('span', { 'aria-hidden': 'true' }, STATUS_ICON[status] ?? ''), ' ', t(`st_${status}`));
}

/** an agency by its official name (from the agency directory, sent by the API), the id as a tooltip */
function agencyName(names, id) {
  return h('span', { class: 'agency', title: id ?? '' }, names?.[state.lang] ?? id ?? '—');
}
// who owes a step: its owing agency, or a party (the defendant, an eligible organisation) that the agency only follows
function owingCell(s) {
  if (s.owner?.kind !== 'party') return agencyName(s.owingAgencyName, s.owingAgencyId);
  return h('span', {}, h('span', { class: 'party' }, pick(s.ownerName)), h('span', { class: 'muted' }, ` · ${t('followedBy')} `), agencyName(s.owingAgencyName, s.owingAgencyId));
}
const pick = (texts) => texts?.[state.lang] ?? texts?.zh ?? '';

function notice(message) {
  const n = $('#notice');
  n.textContent = message;
  n.hidden = !message;
}

function announce(message) {
  $('#announce').textContent = message;
}

// ---- API ------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  if (!state.token) throw new ApiError(401, { code: 'AUTH.UNAUTHORIZED', message: t('tokenMissing') });
  const r = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${state.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

function showError(e) {
  notice(`${t('errorPrefix')}${e.code ? `[${e.code}] ` : ''}${e.message}`);
  if (e.status === 401) $('#auth').open = true;
}

// ---- routing ----------------------------------------------------------------------------------------

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

async function route({ quiet = false } = {}) {
  const { path, params } = parseHash();
  const m = /^\/cases\/([0-9a-f-]{36})$/i.exec(path);
  state.view = m ? 'case' : path === '/reconciliation' ? 'rec' : 'steps';
  state.caseId = m ? m[1] : null;
  $('#view-steps').hidden = state.view !== 'steps';
  $('#view-case').hidden = state.view !== 'case';
  $('#view-rec').hidden = state.view !== 'rec';
  $('#tab-steps').toggleAttribute('aria-current', state.view === 'steps');
  $('#tab-rec').toggleAttribute('aria-current', state.view === 'rec');
  if (!state.token) { notice(t('tokenMissing')); $('#auth').open = true; return; }
  try {
    if (state.view === 'steps') await renderSteps(params);
    else if (state.view === 'case') await renderCase(state.caseId, quiet);
    else await renderRec(quiet);
    notice('');
  } catch (e) {
    showError(e);
  }
}

// ---- overview and list --------------------------------------------------------------------------------

const FILTERS = ['kind', 'agency', 'region', 'ruleId', 'status', 'overdueByDays', 'stuck', 'waitingOnReceipt', 'state', 'sort'];

function fillFilterForm(params) {
  const f = $('#filters');
  for (const name of FILTERS) {
    const el = f.elements.namedItem(name);
    if (!el) continue;
    if (el.type === 'checkbox') el.checked = params.get(name) === 'true';
    else el.value = params.get(name) ?? (name === 'state' ? 'open' : name === 'sort' ? 'dueAt' : '');
  }
}

function filtersToHash(page = 1) {
  const f = $('#filters');
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const el = f.elements.namedItem(name);
    if (!el) continue;
    if (el.type === 'checkbox') { if (el.checked) q.set(name, 'true'); }
    else if (el.value && !(name === 'state' && el.value === 'open') && !(name === 'sort' && el.value === 'dueAt')) q.set(name, el.value);
  }
  if (page > 1) q.set('page', String(page));
  const qs = q.toString();
  location.hash = qs ? `#/?${qs}` : '#/';
}

async function renderSteps(params) {
  fillFilterForm(params);
  const q = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) q.set(name, params.get(name));
  const page = Math.max(1, Number(params.get('page') || 1));
  q.set('page', String(page));
  q.set('pageSize', '50');
  const [counts, list] = await Promise.all([api('/steps/counts'), api(`/steps?${q}`)]);
  renderTotals(counts.totals);
  renderAgencies(counts.byAgency);
  renderList(list);
}

function renderTotals(totals) {
  const card = (key, value, filter) => h('a', { class: `card card-${key}`, href: filter },
    h('span', { class: 'card-n' }, String(value)), h('span', { class: 'card-l' }, t(key.startsWith('st_') ? key : key)));
  $('#totals').replaceChildren(
    card('openTotal', totals.open, '#/'),
    card('st_on-time', totals['on-time'], '#/?status=on-time'),
    card('st_warning', totals.warning, '#/?status=warning'),
    card('st_overdue', totals.overdue, '#/?status=overdue'),
    card('st_stuck', totals.stuck, '#/?status=stuck'),
    card('stuckAny', totals.stuckAny, '#/?stuck=true'),
  );
}

function renderAgencies(rows) {
  const cell = (n, agency, status) => h('td', { class: 'num' }, n ? h('a', { href: `#/?agency=${encodeURIComponent(agency)}&status=${status}` }, String(n)) : '0');
  $('#agency-table tbody').replaceChildren(...rows.map((a) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/?agency=${encodeURIComponent(a.owingAgencyId)}` }, agencyName(a.owingAgencyName, a.owingAgencyId))),
    cell(a.counts['on-time'], a.owingAgencyId, 'on-time'), cell(a.counts.warning, a.owingAgencyId, 'warning'),
    cell(a.counts.overdue, a.owingAgencyId, 'overdue'), cell(a.counts.stuck, a.owingAgencyId, 'stuck'),
    h('td', { class: 'num' }, a.stuck ? h('a', { href: `#/?agency=${encodeURIComponent(a.owingAgencyId)}&stuck=true` }, String(a.stuck)) : '0'),
  )));
}

function renderList(list) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const total = list.totalCapped ? `${list.total}+` : list.total;
  $('#list-summary').textContent = list.total ? t('pageInfo', { page: list.page, pages: list.totalCapped ? `${pages}+` : pages, total }) : t('noRows');
  $('#page-info').textContent = t('pageInfo', { page: list.page, pages: list.totalCapped ? `${pages}+` : pages, total });
  $('#prev').disabled = list.page <= 1;
  $('#next').disabled = list.page >= pages && !list.totalCapped;
  $('#prev').onclick = () => filtersToHash(list.page - 1);
  $('#next').onclick = () => filtersToHash(list.page + 1);
  $('#steps-table tbody').replaceChildren(...list.items.map((s) => h('tr', { class: `row-${s.status}`, 'data-step': s.stepId },
    h('td', {}, badge(s.status), s.stuck && s.status !== 'overdue' && s.status !== 'stuck' ? h('span', { class: 'flag', title: t('stuckAny') }, ' ⚑') : null),
    h('td', {}, h('div', {}, pick(s.ruleTitles)), h('code', { class: 'muted' }, s.ruleId)),
    h('td', {}, owingCell(s)),
    h('td', {}, h('a', { href: `#/cases/${s.linkedCaseId}`, class: 'case-link' }, s.caseNumber || s.linkedCaseId.slice(0, 8))),
    h('td', {}, fmt(s.since)),
    h('td', {}, dueCell(s.dueAt, s.status === 'closed', s.periodKind)),
    h('td', { class: 'num' }, s.overdueByDays ?? '—'),
    h('td', {}, fmt(s.lastActivityAt)),
    h('td', { class: 'num' }, String(s.pressCount)),
  )));
}

// ---- one case ------------------------------------------------------------------------------------------

async function renderCase(id, quiet) {
  const c = await api(`/cases/${id}`);
  const heading = $('#h-case');
  heading.textContent = t('caseTitle', { number: c.caseNumber || t('caseNoNumber') });
  $('#case-facts').replaceChildren(
    h('dt', {}, t('linkedCaseId')), h('dd', {}, h('code', {}, c.linkedCaseId)),
    h('dt', {}, t('party')), h('dd', {}, c.partyName || '—'),
    h('dt', {}, t('origin')), h('dd', {}, c.originAgencyId ? agencyName(c.originAgencyName, c.originAgencyId) : '—'),
  );
  $('#joint-info').textContent = c.jointListing ? t('jointListed', { at: fmt(c.jointListing.listedAt), interval: c.jointListing.reviewInterval }) : '';
  $('#joint-open').hidden = !!c.jointListing;
  $('#joint-open').onclick = () => openAction({ kind: 'joint', linkedCaseId: c.linkedCaseId });
  // by step, open steps first (soonest due first), each with its own events; then every event by agency
  const open = c.steps.filter((s) => s.status !== 'closed').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const closed = c.steps.filter((s) => s.status === 'closed').sort((a, b) => Date.parse(b.closedAt ?? b.dueAt) - Date.parse(a.closedAt ?? a.dueAt));
  const eventsOf = (s) => c.timeline.filter((e) => e.stepId === s.stepId);
  $('#case-steps').replaceChildren(
    ...(open.length ? [h('h4', {}, `${t('openSteps')} · ${open.length}`)] : []),
    ...open.map((s) => stepCard(s, eventsOf(s))),
    ...(closed.length ? [h('details', { class: 'closed-steps' }, h('summary', {}, `${t('closedSteps')} · ${closed.length}`), ...closed.map((s) => stepCard(s, eventsOf(s))))] : []),
  );
  const groups = new Map();
  for (const e of c.timeline) {
    const key = e.producer;
    if (!groups.has(key)) groups.set(key, { names: e.producerName, kind: e.producerKind, events: [] });
    groups.get(key).events.push(e);
  }
  $('#timeline').replaceChildren(...[...groups.entries()].map(([id, g], i) => h('details', { class: `tl-group tl-group-${g.kind}`, open: i < 4 ? true : undefined },
    h('summary', {}, t('eventsOf', { agency: g.names?.[state.lang] ?? id, n: g.events.length })),
    h('ol', { class: 'timeline' }, ...g.events.map(timelineItem)),
  )));
  if (!quiet) heading.focus();
}

function timelineItem(e) {
  return h('li', { class: `tl tl-${e.producerKind}` },
    h('time', { datetime: e.occurredAt }, fmt(e.occurredAt)), ' ',
    h('span', { class: 'what' }, state.lang === 'zh' ? e.summaryZh : e.summary), ' ',
    h('code', { class: 'type' }, e.type),
  );
}

function stepCard(s, events = []) {
  const open = s.status !== 'closed';
  const ex = s.explanation || {};
  const rt = s.rule?.texts?.[state.lang];
  const et = s.explanationText?.[state.lang];
  const sep = state.lang === 'zh' ? '；' : '; ';
  const hourMode = ex.countingMode === 'hours' || ex.countingMode === 'lead-time-hours' || ex.countingMode === 'simultaneous';
  const rows = [
    [t('basis'), rt?.basisText ?? '—'],
    ...(s.rule?.sources?.length ? [[t('sources'), h('ul', { class: 'sources' }, ...s.rule.sources.map((x) => h('li', {}, h('abbr', {}, x.abbreviation), ` ${x.titles?.[state.lang] ?? x.title}`)))]] : []),
    [t('period'), rt ? `${rt.periodText}${rt.variant ? ` — ${rt.variant.description}` : ''}` : '—'],
    [t('ruleStatus'), rt?.status ?? '—'],
    [t('onExpiry'), rt?.onExpiry ?? '—'],
    [t('start'), ex.start ? fmt(ex.start.instant) : '—'],
    [t('counting'), et?.counting ?? '—'],
    [hourMode ? t('rawEndHours') : t('rawEnd'), et?.rawEndDay ?? (ex.rawEnd ? fmtDue(ex.rawEnd) : '—')],
    [t('shifts'), et?.shifts?.length ? et.shifts.join(sep) : t('noShift')],
    [t('holidayRule'), et?.holidayRule ?? '—'],
    ...(Array.isArray(ex.suspensions) && ex.suspensions.length ? [[t('suspensions'), ex.suspensions.map((x) => `${fmt(x.from)} – ${x.to ? fmt(x.to) : '…'}`).join(sep)]] : []),
    ...(Array.isArray(ex.extensions) && ex.extensions.length ? [[t('extensions'), ex.extensions.map((x) => `${fmt(x.at)}: ${x.fromVariant} → ${x.toVariant}`).join(sep)]] : []),
  ];
  return h('article', { class: `step step-${s.status}`, 'data-step': s.stepId, 'aria-label': `${pick(s.ruleTitles)} ${t(`st_${s.status}`)}` },
    h('header', {},
      badge(s.status), ' ', h('span', {}, pick(s.ruleTitles)), ' ', h('code', { class: 'muted' }, s.ruleId),
      s.outcome ? h('span', { class: 'muted' }, ` — ${t(`outcome_${s.outcome}`)}`) : null,
    ),
    h('p', {},
      `${t('colOwing')}: `, owingCell(s), ` · ${t('since')}: ${fmt(s.since)} · ${t('due')}: `,
      h('time', { datetime: s.dueAt }, fmtDue(s.dueAt, s.periodKind)), open ? h('strong', { class: 'rel' }, ` · ${relative(s.dueAt, s.periodKind)}`) : null,
      s.pressCount ? ` · ${t('pressed')}: ${s.pressCount} ${t('times')}` : '',
      s.source === 'derived' ? h('span', { class: 'muted' }, ` ${t('derived')}`) : null,
    ),
    s.stuckReasons.length ? h('p', { class: 'reasons' }, `${t('stuckBecause')}: ${s.stuckReasons.map((r) => t(`r_${r}`)).join(state.lang === 'zh' ? '、' : ', ')}`) : null,
    open && s.owner?.kind !== 'party' ? h('div', { class: 'step-actions' },
      h('button', { type: 'button', class: 'press', onclick: () => openAction({ kind: 'press', step: s }) }, t('press')),
      h('button', { type: 'button', class: 'secondary', onclick: () => openAction({ kind: 'escalate', step: s }) }, t('escalate')),
    ) : null,
    h('details', { class: 'explain' }, h('summary', {}, t('explanation')),
      h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    events.length ? h('details', { class: 'step-events', open: open ? true : undefined }, h('summary', {}, t('stepEvents', { n: events.length })),
      h('ol', { class: 'timeline' }, ...events.map(timelineItem))) : null,
  );
}

// ---- actions ---------------------------------------------------------------------------------------------

function openAction(action) {
  state.action = action;
  const d = $('#action-dialog');
  $('#action-error').hidden = true;
  $('#action-level-row').hidden = action.kind !== 'escalate';
  $('#action-interval-row').hidden = action.kind !== 'joint';
  $('#action-message-label').textContent = action.kind === 'joint' ? t('reason') : t('message');
  $('#action-title').textContent = action.kind === 'press' ? t('pressTitle', { agency: pick(action.step.owingAgencyName) || action.step.owingAgencyId })
    : action.kind === 'escalate' ? t('escalateTitle') : t('jointTitle');
  $('#action-target').textContent = action.step ? `${pick(action.step.ruleTitles)} · ${fmtDue(action.step.dueAt, action.step.periodKind)}` : action.linkedCaseId;
  $('#action-message').value = action.kind === 'press' ? t('defaultPress') : '';
  $('#action-level').value = '';
  d.showModal();
  $('#action-message').focus();
}

async function submitAction(event) {
  event.preventDefault();
  const a = state.action;
  if (!a) return;
  const message = $('#action-message').value.trim();
  const button = $('#action-submit');
  button.disabled = true;
  try {
    if (a.kind === 'press') {
      await api(`/steps/${encodeURIComponent(a.step.stepId)}/press`, { method: 'POST', body: { message } });
    } else if (a.kind === 'escalate') {
      const toLevel = $('#action-level').value.trim();
      await api(`/steps/${encodeURIComponent(a.step.stepId)}/escalate`, { method: 'POST', body: { message, ...(toLevel ? { toLevel } : {}) } });
    } else {
      await api(`/cases/${a.linkedCaseId}/joint-listing`, { method: 'POST', body: { reviewInterval: $('#action-interval').value, reason: message } });
    }
    $('#action-dialog').close();
    state.action = null;
    announce(t('sent', { type: a.kind === 'press' ? t('press') : a.kind === 'escalate' ? t('escalate') : t('jointList') }));
    await route({ quiet: true });
  } catch (e) {
    const err = $('#action-error');
    err.textContent = `${e.code ? `[${e.code}] ` : ''}${e.message}`;
    err.hidden = false;
  } finally {
    button.disabled = false;
  }
}

// ---- reconciliation -------------------------------------------------------------------------------------

async function renderRec(quiet) {
  const r = await api('/reconciliation');
  const title = (x) => (state.lang === 'zh' ? x.zh : x.en);
  $('#rec-table tbody').replaceChildren(...(r.unacknowledged.length ? r.unacknowledged.map((x) => h('tr', {},
    h('td', {}, title(x.title), x.stepMissed ? h('span', { class: 'muted' }, ` ${t('stepMissedFlag')}`) : null),
    h('td', {}, x.ruleId ? h('div', {}, pick(state.rules.find((r) => r.id === x.ruleId)?.titles) || x.ruleId) : '—', h('code', { class: 'muted' }, x.ruleId ?? '')),
    h('td', {}, x.openedBy ? agencyName(x.openedByName, x.openedBy) : '—'),
    h('td', {}, x.owedBy ? agencyName(x.owedByName, x.owedBy) : '—'),
    h('td', {}, h('a', { href: `#/cases/${x.linkedCaseId}` }, x.caseNumber || x.linkedCaseId.slice(0, 8))),
    h('td', {}, fmt(x.openedAt)),
    h('td', {}, x.dueAt ? dueCell(x.dueAt, false) : '—'),
  )) : [h('tr', {}, h('td', { colspan: '7' }, t('recNone')))]));
  $('#orphan-table tbody').replaceChildren(...(r.orphans.length ? r.orphans.map((o) => h('tr', {},
    h('td', {}, h('code', {}, o.type)),
    h('td', {}, agencyName(o.producerName, o.producer)),
    h('td', {}, fmt(o.occurredAt)),
    h('td', {}, state.lang === 'zh' ? o.whatZh : o.what),
  )) : [h('tr', {}, h('td', { colspan: '4' }, t('orphanNone')))]));
  if (!quiet) $('#h-rec').focus();
}

// ---- live updates (SSE over fetch) ----------------------------------------------------------------------

function setLive(status) {
  const el = $('#live');
  el.className = `live live-${status}`;
  el.textContent = status === 'on' ? t('liveOn') : status === 'retry' ? t('liveRetry') : t('liveOff');
}

let refreshTimer = null;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => { void route({ quiet: true }); }, 400);
}

function startLive() {
  state.live?.controller.abort();
  if (!state.token) return;
  const controller = new AbortController();
  const live = { controller, status: 'retry', attempt: 0 };
  state.live = live;
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        const r = await fetch('/events', { headers: { authorization: `Bearer ${state.token}`, accept: 'text/event-stream' }, signal: controller.signal });
        if (r.status === 401) {
          // the token expired (the stream ends at its exp): ask for a new one; saving it starts the stream again
          live.status = 'off';
          setLive('off');
          showError(new ApiError(401, await r.json().catch(() => undefined)));
          return;
        }
        if (!r.ok || !r.body) throw new Error(`HTTP ${r.status}`);
        live.status = 'on';
        live.attempt = 0;
        setLive('on');
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
            if (type === 'change') scheduleRefresh();
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      live.status = 'retry';
      setLive('retry');
      live.attempt += 1;
      await new Promise((res) => setTimeout(res, Math.min(30_000, 1000 * 2 ** Math.min(live.attempt, 5))));
    }
  };
  void connect();
}

// ---- scope, rules, token -----------------------------------------------------------------------------------

function renderScope() {
  const s = state.scope;
  $('#scope').textContent = s ? t('scopeText', { agency: pick(s.agencyName) || s.agencyId, region: s.region, level: t(`lv_${s.level}`) }) : '';
}

async function loadMeta() {
  if (!state.token) return;
  try {
    const [scope, rules] = await Promise.all([api('/scope'), api('/rules')]);
    state.scope = scope;
    state.rules = rules;
    renderScope();
    const select = $('#f-rule');
    const current = select.value;
    select.replaceChildren(h('option', { value: '', 'data-i18n': 'any' }, t('any')),
      ...rules.map((r) => h('option', { value: r.id }, `${pick(r.titles) || r.title}（${r.id}）`)));
    select.value = current;
  } catch (e) {
    showError(e);
  }
}

async function init() {
  applyI18n();
  $('#token').value = state.token;
  if (!state.token) $('#auth').open = true;
  $('#token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    state.token = $('#token').value.trim();
    localStorage.setItem(TOKEN_KEY, state.token);
    $('#auth').open = false;
    announce(t('tokenSaved'));
    await loadMeta();
    startLive();
    await route();
  });
  $('#token-clear').addEventListener('click', () => {
    state.token = '';
    localStorage.removeItem(TOKEN_KEY);
    $('#token').value = '';
    state.live?.controller.abort();
    setLive('off');
  });
  $('#lang').addEventListener('click', async () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, state.lang);
    applyI18n();
    await loadMeta();
    await route({ quiet: true });
  });
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); filtersToHash(1); });
  $('#filters').addEventListener('reset', () => setTimeout(() => filtersToHash(1), 0));
  $('#action-form').addEventListener('submit', submitAction);
  $('#action-cancel').addEventListener('click', () => $('#action-dialog').close());
  window.addEventListener('hashchange', () => { void route(); });
  await loadMeta();
  startLive();
  await route({ quiet: true });
}

void init();
