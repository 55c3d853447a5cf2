// sourced workbench: a single page over the JSON API. Plain ES2020, no framework, no build.
// Every string from the API reaches the page through textContent / createTextNode only.
'use strict';

(() => {
  const PAGE = 50;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2',
    '#bcbd22', '#393b79', '#637939', '#843c39'];
  const NARRATED = '(narrated by the outlet)';
  const LOWER = new Set(['at_least', 'more_than', 'over', 'vague']);
  const UPPER = new Set(['at_most', 'less_than', 'under']);
  const QUALIFIER_WORDS = {
    exact: '', approx: 'about ', at_least: 'at least ', more_than: 'more than ', over: 'over ',
    at_most: 'at most ', less_than: 'less than ', under: 'under ', vague: '', range: '',
  };
  const WITHDRAWN = new Set(['denied', 'retracted', 'withdrawn']);

  const $ = (sel, root = document) => root.querySelector(sel);
  let generation = 0; // bumped on every route change: late answers of an old view are dropped

  // ---------------------------------------------------------------- DOM helpers

  /** createElement with attributes (never innerHTML). Children: nodes, strings, arrays, null. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (k === 'testid') node.setAttribute('data-testid', v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function append(node, children) {
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else if (c instanceof Node) node.appendChild(c);
      else node.appendChild(document.createTextNode(String(c)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function answer(res) {
    const body = await res.text();
    let json = null;
    try {
      json = body ? JSON.parse(body) : null;
    } catch (_) {
      json = null;
    }
    if (!res.ok) {
      const msg = json && typeof json.error === 'string' ? json.error : `${res.status} ${res.statusText}`;
      throw new ApiError(msg, res.status);
    }
    if (json === null) throw new ApiError('the server did not answer with JSON', res.status);
    return json;
  }

  async function api(path, params) {
    const url = new URL('/api' + path, location.origin);
    if (params) {
      for (const [k, v] of Object.entries(params)) {
        if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
      }
    }
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError('cannot reach the server: ' + e.message, 0);
    }
    return answer(res);
  }

  async function apiPost(path, body, contentType) {
    const headers = { Accept: 'application/json' };
    if (contentType) headers['Content-Type'] = contentType;
    let res;
    try {
      res = await fetch('/api' + path, { method: 'POST', headers, body, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError('cannot reach the server: ' + e.message, 0);
    }
    return answer(res);
  }

  const sourcesCache = new Map();
  function sourcesOf(claimId) {
    if (!sourcesCache.has(claimId)) {
      const p = api('/sources/' + encodeURIComponent(claimId));
      p.catch(() => sourcesCache.delete(claimId));
      sourcesCache.set(claimId, p);
    }
    return sourcesCache.get(claimId);
  }

  let subjectsPromise = null;
  function subjects() {
    if (!subjectsPromise) {
      subjectsPromise = api('/subjects', { limit: 500 }).then(listItems);
      subjectsPromise.catch(() => {
        subjectsPromise = null;
      });
    }
    return subjectsPromise;
  }

  function listItems(x) {
    return Array.isArray(x) ? x : (x && Array.isArray(x.items) ? x.items : []);
  }

  // ---------------------------------------------------------------- status messages

  const status = () => $('#status');

  function showLoading(target, what) {
    clear(target).appendChild(el('div', { class: 'msg loading', testid: 'loading' }, `Loading ${what}…`));
  }

  function errorBox(err) {
    const box = el('div', { class: 'msg error', role: 'alert', testid: 'error' }, 'Error: ', err.message || String(err));
    if (err.status === 401) {
      box.appendChild(document.createTextNode(' '));
      box.appendChild(el('a', { href: '/login' }, 'Log in'));
    }
    return box;
  }

  function showError(target, err) {
    clear(target).appendChild(errorBox(err));
  }

  function emptyBox(text) {
    return el('div', { class: 'empty', testid: 'empty' }, text);
  }

  // ---------------------------------------------------------------- formatting

  function num(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '';
    return Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  function figure(c) {
    if (c.value_hi !== null && c.value_hi !== undefined && c.value_hi !== c.value) {
      return `${num(c.value)}–${num(c.value_hi)}`;
    }
    const words = QUALIFIER_WORDS[c.qualifier];
    const prefix = words === undefined ? '' : words;
    const suffix = c.qualifier === 'vague' ? '+' : '';
    return prefix + num(c.value) + suffix;
  }

  function isWithdrawn(c) {
    return WITHDRAWN.has(c.stance) || Boolean(c.retracted_by);
  }

  function names(list) {
    return Array.isArray(list) ? list.filter(Boolean).join(', ') : '';
  }

  function sourceLine(c) {
    const parts = [];
    const cites = names(c.cites_name);
    const via = names(c.via_name);
    if (cites) parts.push('cites ' + cites);
    if (via) parts.push('via ' + via);
    return parts.join('; ');
  }

  /** Subject keys are lowercase words; what a user types is compared the same way. */
  function sameKey(key, typed) {
    const norm = (x) => String(x || '').toLowerCase().replace(/\s+/g, ' ').trim();
    return norm(key) === norm(typed);
  }

  function capital(s) {
    const t = String(s || '');
    return t ? t[0].toUpperCase() + t.slice(1) : t;
  }

  function plainOrigin(o) {
    const s = String(o || '');
    const i = s.indexOf(':');
    return i > 0 && /^(entity|outlet|document)$/.test(s.slice(0, i)) ? s.slice(i + 1) : s;
  }

  function originKind(o) {
    const s = String(o || '');
    const i = s.indexOf(':');
    return i > 0 ? s.slice(0, i) : '';
  }

  /** The evidence sentence with the figure's words marked, as nodes. */
  function evidenceWithFigure(evidence, figText) {
    const ev = String(evidence || '');
    const f = String(figText || '');
    const at = f ? ev.indexOf(f) : -1;
    if (at < 0) return [ev];
    return [ev.slice(0, at), el('mark', { class: 'figure' }, f), ev.slice(at + f.length)];
  }

  function docLink(c, label) {
    if (!c.doc_id) return null;
    return el('a', { href: '#/document/' + encodeURIComponent(c.doc_id), testid: 'doc-link' }, label || 'document');
  }

  function sourcesLink(id, label) {
    return el('a', { href: '#/sources/' + encodeURIComponent(id), testid: 'sources-link' }, label || 'sources');
  }

  function stanceTag(c) {
    const s = c.retracted_by && c.stance !== 'retracted' ? 'withdrawn' : c.stance;
    if (!s || s === 'asserted') return null;
    return el('span', { class: ['tag', s] }, s);
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    const raw = location.hash.replace(/^#/, '') || '/claims';
    const q = raw.indexOf('?');
    const path = q >= 0 ? raw.slice(0, q) : raw;
    const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
    const parts = path.split('/').filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (_) {
        return p;
      }
    });
    return { route: parts[0] || 'claims', arg: parts.slice(1).join('/'), params };
  }

  function hashFor(route, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
    const s = qs.toString();
    return '#/' + route + (s ? '?' + s : '');
  }

  const ROUTES = {
    claims: viewClaims,
    timeline: viewTimeline,
    conflicts: viewConflicts,
    documents: viewDocuments,
    document: viewDocument,
    sources: viewSources,
    extract: viewExtract,
  };

  function route() {
    const gen = ++generation;
    hideTooltip();
    clear(status());
    const { route: name, arg, params } = parseHash();
    for (const a of document.querySelectorAll('#nav a')) {
      const r = a.getAttribute('data-route');
      const on = r === name || (r === 'documents' && name === 'document');
      a.classList.toggle('active', on);
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const main = clear($('#main'));
    main.setAttribute('data-view', name);
    const view = ROUTES[name];
    if (!view) {
      main.appendChild(el('h1', null, 'Not found'));
      main.appendChild(emptyBox('There is no view called “' + name + '”.'));
      return;
    }
    const alive = () => gen === generation;
    Promise.resolve(view(main, arg, params, alive)).catch((err) => {
      if (alive()) main.appendChild(errorBox(err));
    });
  }

  // ---------------------------------------------------------------- tooltip

  let tooltipOwner = null;

  function showTooltip(anchor, content, pointer) {
    const tip = $('#tooltip');
    clear(tip);
    append(tip, [content]);
    tip.hidden = false;
    tooltipOwner = anchor;
    placeTooltip(anchor, pointer);
  }

  function placeTooltip(anchor, pointer) {
    const tip = $('#tooltip');
    const r = anchor.getBoundingClientRect();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let x = pointer ? pointer.x + 14 : r.right + 8;
    let y = pointer ? pointer.y + 14 : r.top;
    if (x + w > window.innerWidth - 8) x = Math.max(8, (pointer ? pointer.x : r.left) - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, (pointer ? pointer.y : r.top) - h - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function hideTooltip() {
    const tip = $('#tooltip');
    if (tip) tip.hidden = true;
    tooltipOwner = null;
  }

  /** Hover and keyboard focus both show the tooltip built by make(node, update). */
  function tooltipOn(node, make) {
    const open = (ev) => {
      const pointer = ev && ev.type.startsWith('mouse') ? { x: ev.clientX, y: ev.clientY } : null;
      const box = el('div');
      showTooltip(node, box, pointer);
      make(box, () => {
        if (tooltipOwner === node) placeTooltip(node, pointer);
      });
      placeTooltip(node, pointer);
    };
    node.addEventListener('mouseenter', open);
    node.addEventListener('focus', open);
    node.addEventListener('mouseleave', () => {
      if (tooltipOwner === node && document.activeElement !== node) hideTooltip();
    });
    node.addEventListener('blur', () => {
      if (tooltipOwner === node) hideTooltip();
    });
  }

  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') hideTooltip();
  });

  /** A table in its scrolling box; each cell learns its column's name (shown on narrow screens). */
  function wrapTable(table) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.firstChild ? th.firstChild.textContent : '');
    for (const tr of table.querySelectorAll('tbody tr')) {
      [...tr.children].forEach((td, i) => {
        if (heads[i]) td.setAttribute('data-label', heads[i]);
      });
    }
    return el('div', { class: 'table-wrap' }, table);
  }

  // ---------------------------------------------------------------- CSV

  function csvCell(v) {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'number' ? String(v) : String(v);
    // A spreadsheet would run a cell that starts like a formula.
    if (typeof v !== 'number' && /^[=+@\t\r-]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(header, rows) {
    return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  function download(name, text, type) {
    const blob = new Blob([text], { type });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name, class: 'hidden-link' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const CSV_HEADER = ['claim_id', 'date', 'value', 'value_hi', 'qualifier', 'measure', 'subject', 'claimant',
    'cites', 'via', 'stance', 'outlet', 'title', 'url', 'doc_id', 'figure_text', 'evidence'];

  function csvRow(c) {
    return [c.id, c.date, c.value, c.value_hi, c.qualifier, c.measure, c.subject, c.claimant_name,
      names(c.cites_name), names(c.via_name), c.stance, c.outlet, c.title, c.url, c.doc_id, c.text, c.evidence];
  }

  // ---------------------------------------------------------------- claims table

  const CLAIM_FILTERS = [
    ['subject', 'Subject', 'e.g. Valorian soldiers'],
    ['measure', 'Measure', 'killed, wounded…'],
    ['claimant', 'Claimant', 'who says so'],
    ['outlet', 'Outlet', 'publication'],
    ['since', 'Since', 'YYYY-MM-DD'],
    ['until', 'Until', 'YYYY-MM-DD'],
  ];

  async function viewClaims(main, _arg, params, alive) {
    main.appendChild(el('h1', null, 'Claims'));
    const form = el('form', { id: 'claims-filters', class: 'filters', testid: 'claims-filters', role: 'search' });
    const subjList = el('datalist', { id: 'dl-subjects' });
    const measList = el('datalist', { id: 'dl-measures' });
    for (const [key, label, ph] of CLAIM_FILTERS) {
      const isDate = key === 'since' || key === 'until';
      const input = el('input', {
        id: 'f-' + key, name: key, testid: 'f-' + key, type: isDate ? 'date' : 'text', placeholder: ph,
        value: params.get(key) || '', list: key === 'subject' ? 'dl-subjects' : key === 'measure' ? 'dl-measures' : null,
        autocomplete: 'off',
      });
      form.appendChild(el('label', { for: 'f-' + key }, label, input));
    }
    form.appendChild(el('button', { id: 'f-apply', testid: 'f-apply', type: 'submit', class: 'primary' }, 'Filter'));
    form.appendChild(el('button', { id: 'f-clear', testid: 'f-clear', type: 'button', onclick: () => { location.hash = '#/claims'; } }, 'Clear'));
    form.appendChild(subjList);
    form.appendChild(measList);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const p = {};
      for (const [key] of CLAIM_FILTERS) p[key] = $('#f-' + key, form).value.trim();
      p.sort = params.get('sort') || '';
      location.hash = hashFor('claims', p);
    });
    main.appendChild(form);
    subjects().then((list) => {
      const subj = new Set();
      const meas = new Set();
      for (const s of list) {
        subj.add(s.subject_key);
        meas.add(s.measure);
      }
      for (const s of subj) subjList.appendChild(el('option', { value: s }));
      for (const m of meas) measList.appendChild(el('option', { value: m }));
    }).catch(() => {});

    const sort = params.get('sort') || '-date';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const toolbar = el('div', { class: 'toolbar' });
    const body = el('div', { id: 'claims-body' });
    main.appendChild(toolbar);
    main.appendChild(body);
    showLoading(body, 'claims');

    const query = { sort, offset, limit: PAGE };
    for (const [key] of CLAIM_FILTERS) query[key] = params.get(key) || '';
    let page;
    try {
      page = await api('/claims', query);
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    const items = listItems(page);
    const total = typeof page.total === 'number' ? page.total : items.length;
    clear(body);

    const withParams = (over) => {
      const p = {};
      for (const [key] of CLAIM_FILTERS) p[key] = params.get(key) || '';
      p.sort = sort === '-date' ? '' : sort;
      p.offset = offset || '';
      return hashFor('claims', Object.assign(p, over));
    };
    const first = items.length ? offset + 1 : 0;
    toolbar.appendChild(el('span', { id: 'claims-count', testid: 'claims-count' },
      items.length ? `${num(first)}–${num(offset + items.length)} of ${num(total)} claims` : `0 of ${num(total)} claims`));
    const prev = el('a', { id: 'claims-prev', testid: 'claims-prev', class: 'button', href: withParams({ offset: Math.max(0, offset - PAGE) || '' }) }, '‹ Previous');
    const next = el('a', { id: 'claims-next', testid: 'claims-next', class: 'button', href: withParams({ offset: offset + PAGE }) }, 'Next ›');
    if (offset === 0) prev.setAttribute('aria-disabled', 'true');
    if (offset + items.length >= total) next.setAttribute('aria-disabled', 'true');
    if (offset > 0) toolbar.appendChild(prev);
    if (offset + items.length < total) toolbar.appendChild(next);
    toolbar.appendChild(el('span', { class: 'spacer' }));
    const sortPick = el('select', { id: 'claims-sort', testid: 'claims-sort', 'aria-label': 'Sort' },
      [['-date', 'Newest first'], ['date', 'Oldest first'], ['-value', 'Largest figure first'], ['value', 'Smallest figure first']]
        .map(([v, label]) => el('option', { value: v, selected: v === sort }, label)));
    sortPick.addEventListener('change', () => {
      location.hash = withParams({ sort: sortPick.value === '-date' ? '' : sortPick.value, offset: '' });
    });
    toolbar.appendChild(el('label', { class: 'small muted' }, 'Sort ', sortPick));
    toolbar.appendChild(el('button', {
      id: 'export-csv', testid: 'export-csv', type: 'button', disabled: items.length === 0,
      onclick: () => download('sourced-claims.csv', toCsv(CSV_HEADER, items.map(csvRow)), 'text/csv;charset=utf-8'),
    }, 'Export shown as CSV'));

    if (!items.length) {
      body.appendChild(emptyBox('No claims match these filters.'));
      return;
    }
    const sortHeader = (label, key, cls) => {
      const active = sort === key || sort === '-' + key;
      const desc = sort === '-' + key;
      const nextSort = active && desc ? key : '-' + key;
      const th = el('th', {
        class: ['sortable', cls], scope: 'col', tabindex: 0, testid: 'sort-' + key, id: 'sort-' + key,
        'aria-sort': active ? (desc ? 'descending' : 'ascending') : 'none', title: 'Sort by ' + label.toLowerCase(),
      }, label, active ? el('span', { class: 'arrow' }, desc ? '▼' : '▲') : null);
      const go = () => {
        location.hash = withParams({ sort: nextSort === '-date' ? '' : nextSort, offset: '' });
      };
      th.addEventListener('click', go);
      th.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          go();
        }
      });
      return th;
    };
    const table = el('table', { id: 'claims-table', testid: 'claims-table' },
      el('thead', null, el('tr', null,
        sortHeader('Date', 'date'), sortHeader('Figure', 'value', 'num'),
        el('th', { scope: 'col' }, 'Measure'), el('th', { scope: 'col' }, 'Subject'),
        el('th', { scope: 'col' }, 'Claimant'), el('th', { scope: 'col' }, 'Outlet'),
        el('th', { scope: 'col' }, 'Evidence'), el('th', { scope: 'col' }, 'Links'))));
    const tbody = el('tbody');
    for (const c of items) {
      tbody.appendChild(el('tr', { class: isWithdrawn(c) ? 'struck' : null, testid: 'claim-row', 'data-claim-id': c.id },
        el('td', { class: 'date' }, c.date || '—'),
        el('td', { class: 'num fig' }, figure(c), ' ', stanceTag(c)),
        el('td', null, c.measure),
        el('td', null, c.subject || ''),
        el('td', null, c.claimant_name || el('span', { class: 'muted' }, '—'),
          sourceLine(c) ? el('div', { class: 'muted small' }, sourceLine(c)) : null),
        el('td', { class: 'outlet' }, c.outlet || ''),
        el('td', { class: 'evidence' }, evidenceWithFigure(c.evidence, c.text)),
        el('td', { class: 'links' }, docLink(c), sourcesLink(c.id)),
      ));
    }
    table.appendChild(tbody);
    body.appendChild(wrapTable(table));
  }

  // ---------------------------------------------------------------- timeline

  function colorScale(items) {
    const map = new Map();
    for (const r of items) {
      const k = r.claimant_name || NARRATED;
      if (!map.has(k)) map.set(k, k === NARRATED ? '#7a828a' : PALETTE[[...map.keys()].filter((x) => x !== NARRATED).length % PALETTE.length]);
    }
    return map;
  }

  function dayMs(d) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
  }

  function niceStep(span, count) {
    const raw = span / Math.max(1, count);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }

  function fmtDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function drawChart(items, colors) {
    const W = 1100;
    const H = 380;
    const M = { l: 70, r: 24, t: 24, b: 44 };
    const dated = items.filter((r) => dayMs(r.date) !== null);
    const chart = svg('svg', {
      id: 'timeline-chart', testid: 'timeline-chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
      'aria-label': `Timeline of ${dated.length} reports`,
    });
    if (!dated.length) return chart;
    const highs = dated.map((r) => (r.value_hi !== null && r.value_hi !== undefined ? Math.max(r.value, r.value_hi) : r.value));
    const lows = dated.map((r) => r.value).filter((v) => v > 0);
    let maxV = Math.max(...highs, 1);
    const minPos = lows.length ? Math.min(...lows) : 1;
    const useLog = maxV / minPos > 100;
    let y;
    let yTicks;
    const top = M.t;
    const bottom = H - M.b;
    if (useLog) {
      const lo = Math.pow(10, Math.floor(Math.log10(minPos)));
      const hi = Math.pow(10, Math.ceil(Math.log10(maxV * 1.05)));
      y = (v) => bottom - (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (bottom - top);
      yTicks = [];
      for (let t = lo; t <= hi * 1.0001; t *= 10) yTicks.push(t);
    } else {
      const step = niceStep(maxV * 1.1, 5);
      maxV = Math.ceil((maxV * 1.1) / step) * step;
      y = (v) => bottom - (v / maxV) * (bottom - top);
      yTicks = [];
      for (let t = 0; t <= maxV + step / 2; t += step) yTicks.push(t);
    }
    const days = dated.map((r) => dayMs(r.date));
    let d0 = Math.min(...days);
    let d1 = Math.max(...days);
    const DAY = 86400000;
    const pad = Math.max(DAY, (d1 - d0) * 0.04);
    d0 -= pad;
    d1 += pad;
    const x = (ms) => M.l + (ms - d0) / (d1 - d0) * (W - M.l - M.r);

    const axis = svg('g', { class: 'axis' });
    for (const t of yTicks) {
      axis.appendChild(svg('line', { class: 'grid', x1: M.l, x2: W - M.r, y1: y(t), y2: y(t) }));
      axis.appendChild(svg('text', { x: M.l - 8, y: y(t) + 4, 'text-anchor': 'end' }, num(t)));
    }
    const spanDays = (d1 - d0) / DAY;
    const stepDays = Math.max(1, niceStep(spanDays, 7));
    const firstTick = Math.ceil(d0 / (stepDays * DAY)) * stepDays * DAY;
    for (let t = firstTick; t <= d1; t += stepDays * DAY) {
      axis.appendChild(svg('line', { x1: x(t), x2: x(t), y1: bottom, y2: bottom + 5 }));
      axis.appendChild(svg('text', { x: x(t), y: bottom + 19, 'text-anchor': 'middle' }, fmtDay(t)));
    }
    axis.appendChild(svg('line', { x1: M.l, x2: W - M.r, y1: bottom, y2: bottom }));
    axis.appendChild(svg('line', { x1: M.l, x2: M.l, y1: top, y2: bottom }));
    axis.appendChild(svg('text', { x: 14, y: top + (bottom - top) / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${top + (bottom - top) / 2})` }, useLog ? 'value (log scale)' : 'value'));
    chart.appendChild(axis);

    // Marks that would cover each other move sideways (0, +13, -13, +26 … px), so every
    // report stays visible and hoverable.
    const placed = [];
    const points = [];
    for (const r of dated) {
      const hasHi = r.value_hi !== null && r.value_hi !== undefined && r.value_hi !== r.value;
      const cy0 = y(r.value);
      const top0 = hasHi ? y(r.value_hi) - 2 : LOWER.has(r.qualifier) ? cy0 - 28 : cy0 - 8;
      const bot0 = hasHi ? cy0 + 2 : UPPER.has(r.qualifier) ? cy0 + 28 : cy0 + 8;
      const x0 = x(dayMs(r.date));
      let cx = x0;
      for (let k = 1; k < 12; k++) {
        if (!placed.some((p) => Math.abs(p.x - cx) < 13 && p.top < bot0 && top0 < p.bot)) break;
        cx = x0 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 13;
      }
      placed.push({ x: cx, top: top0, bot: bot0 });
      const color = colors.get(r.claimant_name || NARRATED);
      const hollow = isWithdrawn(r) || r.stance === 'unconfirmed';
      const fill = hollow ? '#ffffff' : color;
      const g = svg('g', {
        class: 'pt', tabindex: 0, testid: 'tl-point', 'data-claim-id': r.id, 'data-qualifier': r.qualifier,
        'data-stance': r.stance, role: 'button', 'aria-label': `${figure(r)} ${r.measure}, ${r.claimant_name || NARRATED}, ${r.date}`,
      });
      const cy = y(r.value);
      if (r.value_hi !== null && r.value_hi !== undefined && r.value_hi !== r.value) {
        const yh = y(r.value_hi);
        g.appendChild(svg('rect', { class: 'mark range', x: cx - 4, y: Math.min(cy, yh), width: 8, height: Math.max(2, Math.abs(cy - yh)),
          rx: 3, fill, stroke: color, 'stroke-width': 1.5 }));
      } else {
        if (LOWER.has(r.qualifier)) {
          g.appendChild(svg('line', { x1: cx, x2: cx, y1: cy, y2: cy - 22, stroke: color, 'stroke-width': 2 }));
          g.appendChild(svg('path', { d: `M${cx - 5} ${cy - 18} L${cx} ${cy - 27} L${cx + 5} ${cy - 18} Z`, fill: color }));
        } else if (UPPER.has(r.qualifier)) {
          g.appendChild(svg('line', { x1: cx, x2: cx, y1: cy, y2: cy + 22, stroke: color, 'stroke-width': 2 }));
          g.appendChild(svg('path', { d: `M${cx - 5} ${cy + 18} L${cx} ${cy + 27} L${cx + 5} ${cy + 18} Z`, fill: color }));
        }
        g.appendChild(svg('circle', { class: 'mark', cx, cy, r: 6, fill, stroke: color, 'stroke-width': 2 }));
      }
      if (isWithdrawn(r)) {
        g.appendChild(svg('line', { x1: cx - 8, x2: cx + 8, y1: cy + 8, y2: cy - 8, stroke: '#b42318', 'stroke-width': 2 }));
      }
      chart.appendChild(g);
      points.push([g, r]);
    }
    chart._points = points;
    return chart;
  }

  function pathLine(prov, claimId) {
    for (const o of prov.origins || []) {
      for (const rep of o.reports || []) {
        if (rep.claim_id === claimId) return { path: rep.path || [], origins: (prov.origins || []).length };
      }
    }
    const o = (prov.origins || [])[0];
    const rep = o && (o.reports || [])[0];
    return { path: rep ? rep.path || [] : [], origins: (prov.origins || []).length };
  }

  function claimTooltip(box, r, update) {
    box.appendChild(el('div', { class: 'tt-fig', testid: 'tt-figure' }, `${figure(r)} ${r.measure}`,
      r.subject ? ` · ${r.subject}` : '', ' ', stanceTag(r)));
    const row = (k, v, testid) => (v ? el('div', { class: 'tt-row', testid }, el('span', { class: 'tt-k' }, k + ': '), v) : null);
    append(box, [
      row('Claimant', r.claimant_name || NARRATED, 'tt-claimant'),
      row('Cites', names(r.cites_name)),
      row('Via', names(r.via_name)),
      row('Outlet', r.outlet || '', 'tt-outlet'),
      row('Date', r.date || 'unknown', 'tt-date'),
      row('Where', (r.places || []).join(', ')),
      row('Before an edit', (r.before_edit || []).map(figure).join(', then ')),
      r.independent_sources !== undefined ? row('Independent sources', String(r.independent_sources)) : null,
      r.evidence ? el('div', { class: 'tt-evidence', testid: 'tt-evidence' }, evidenceWithFigure(r.evidence, r.text)) : null,
    ]);
    const pathBox = el('div', { class: 'tt-path', testid: 'tt-path' }, el('span', { class: 'tt-k' }, 'Provenance: '), 'loading…');
    box.appendChild(pathBox);
    sourcesOf(r.id).then((prov) => {
      const { path, origins } = pathLine(prov, r.id);
      clear(pathBox);
      pathBox.appendChild(el('span', { class: 'tt-k' }, 'Provenance: '));
      pathBox.appendChild(document.createTextNode(path.length ? path.join(' → ') : 'no path recorded'));
      pathBox.appendChild(el('div', { class: 'tt-k' }, `${origins} independent origin${origins === 1 ? '' : 's'} for this figure`));
      pathBox.setAttribute('data-loaded', 'true');
      update();
    }).catch((err) => {
      clear(pathBox);
      pathBox.appendChild(document.createTextNode('Provenance unavailable: ' + err.message));
      update();
    });
  }

  async function viewTimeline(main, _arg, params, alive) {
    main.appendChild(el('h1', null, 'Timeline'));
    const picker = el('select', { id: 'tl-select', testid: 'tl-select', 'aria-label': 'Subject and measure' });
    const bar = el('div', { class: 'filters' }, el('label', { for: 'tl-select' }, 'Subject · measure', picker));
    main.appendChild(bar);
    const body = el('div', { id: 'timeline-body' });
    main.appendChild(body);
    showLoading(body, 'subjects');
    let list;
    try {
      list = await subjects();
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    let subject = params.get('subject');
    let measure = params.get('measure');
    if ((!subject || !measure) && list.length) {
      subject = list[0].subject_key;
      measure = list[0].measure;
    }
    let found = false;
    for (const s of list) {
      const value = s.subject_key + '\u0001' + s.measure;
      const selected = !found && sameKey(s.subject_key, subject) && s.measure === measure;
      found = found || selected;
      picker.appendChild(el('option', { value, selected }, `${capital(s.subject_key)} · ${s.measure} (${s.claims})`));
    }
    if (subject && measure && !found) {
      picker.insertBefore(el('option', { value: subject + '\u0001' + measure, selected: true }, `${subject} · ${measure}`), picker.firstChild);
    }
    picker.addEventListener('change', () => {
      const [s, m] = picker.value.split('\u0001');
      location.hash = hashFor('timeline', { subject: s, measure: m });
    });
    if (!subject || !measure) {
      clear(body).appendChild(emptyBox('Nothing to chart yet: the ledger has no claims.'));
      return;
    }
    showLoading(body, 'the timeline');
    let tl;
    try {
      tl = await api('/timeline', { subject, measure, place: params.get('place') || '' });
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    clear(body);
    const items = listItems(tl);
    body.appendChild(el('h2', { id: 'timeline-title' }, `${tl.subject || subject} · ${tl.measure || measure}`,
      el('span', { class: 'muted small' }, ` — ${items.length} report${items.length === 1 ? '' : 's'}`)));
    if (!items.length) {
      body.appendChild(emptyBox('No reports for this subject and measure.'));
      return;
    }
    const colors = colorScale(items);
    const chart = drawChart(items, colors);
    body.appendChild(el('div', { class: 'chart-box' }, chart));
    for (const [g, r] of chart._points || []) {
      tooltipOn(g, (box, update) => claimTooltip(box, r, update));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter') location.hash = '#/sources/' + encodeURIComponent(r.id);
      });
      g.addEventListener('click', () => {
        location.hash = '#/sources/' + encodeURIComponent(r.id);
      });
    }
    const legend = el('div', { class: 'legend', id: 'timeline-legend', testid: 'timeline-legend' });
    for (const [name, color] of colors) {
      const sw = el('span', { class: 'sw' });
      sw.style.background = color;
      legend.appendChild(el('span', { testid: 'legend-item' }, sw, name));
    }
    legend.appendChild(el('span', { class: 'sym' }, '● figure  ▲ at least / more than  ▼ at most  ▮ range  ○ denied, unconfirmed, withdrawn (struck)'));
    body.appendChild(legend);
    const undated = items.length - items.filter((r) => dayMs(r.date) !== null).length;
    if (undated) body.appendChild(el('p', { class: 'muted small' }, `${undated} report(s) without a date are listed below but not charted.`));
    body.appendChild(el('div', { class: 'toolbar' }, el('h2', null, 'Reports'), el('span', { class: 'spacer' }),
      el('button', {
        type: 'button', id: 'timeline-csv', testid: 'timeline-csv',
        onclick: () => download('sourced-timeline.csv', toCsv([...CSV_HEADER, 'independent_sources', 'copy_outlets'],
          items.map((r) => [...csvRow(r), r.independent_sources, names(r.copy_outlets)])), 'text/csv;charset=utf-8'),
      }, 'Export as CSV')));
    const tbody = el('tbody');
    for (const r of items) {
      const sw = el('span', { class: 'sw' });
      sw.style.background = colors.get(r.claimant_name || NARRATED);
      tbody.appendChild(el('tr', { class: isWithdrawn(r) ? 'struck' : null, testid: 'timeline-row' },
        el('td', { class: 'date' }, r.date || '—'),
        el('td', { class: 'num fig' }, figure(r), ' ', stanceTag(r)),
        el('td', { class: 'legend' }, sw, r.claimant_name || NARRATED),
        el('td', null, sourceLine(r)),
        el('td', null, r.outlet || '', (r.copy_outlets || []).length ? el('div', { class: 'muted small' }, '+ copies: ' + names(r.copy_outlets)) : null),
        el('td', { class: 'num' }, String(r.independent_sources ?? '')),
        el('td', { class: 'evidence' }, evidenceWithFigure(r.evidence, r.text)),
        el('td', { class: 'links' }, docLink(r), sourcesLink(r.id)),
      ));
    }
    body.appendChild(wrapTable(el('table', { id: 'timeline-table', testid: 'timeline-table' },
      el('thead', null, el('tr', null, ['Date', 'Figure', 'Claimant', 'Cites / via', 'Outlet', 'Independent sources', 'Evidence', 'Links']
        .map((h) => el('th', { scope: 'col', class: h === 'Figure' || h === 'Independent sources' ? 'num' : null }, h)))),
      tbody)));
  }

  // ---------------------------------------------------------------- conflicts

  function conflictSide(c, label) {
    return el('div', { class: 'side', testid: 'conflict-side' },
      el('div', { class: 'muted small' }, label),
      el('div', { class: 'fig' }, figure(c), ' ', stanceTag(c)),
      el('div', { class: 'meta' }, [c.claimant_name || NARRATED, sourceLine(c) ? ` (${sourceLine(c)})` : '', ' · ', c.outlet || 'unknown outlet', ' · ', c.date || 'undated']),
      el('blockquote', { testid: 'conflict-evidence' }, evidenceWithFigure(c.evidence, c.text)),
      el('div', { class: 'links' }, docLink(c, 'open document'), sourcesLink(c.id, 'provenance')));
  }

  async function viewConflicts(main, _arg, params, alive) {
    main.appendChild(el('h1', null, 'Conflicts'));
    const subject = params.get('subject') || '';
    const picker = el('select', { id: 'cf-subject', testid: 'cf-subject', 'aria-label': 'Subject' },
      el('option', { value: '' }, 'All subjects'));
    main.appendChild(el('div', { class: 'filters' }, el('label', { for: 'cf-subject' }, 'Subject', picker)));
    picker.addEventListener('change', () => {
      location.hash = hashFor('conflicts', { subject: picker.value });
    });
    subjects().then((list) => {
      const seen = new Set();
      for (const s of list) {
        if (seen.has(s.subject_key)) continue;
        seen.add(s.subject_key);
        picker.appendChild(el('option', { value: s.subject_key, selected: sameKey(s.subject_key, subject) }, capital(s.subject_key)));
      }
      if (subject && ![...seen].some((k) => sameKey(k, subject))) picker.appendChild(el('option', { value: subject, selected: true }, subject));
    }).catch(() => {});
    const body = el('div', { id: 'conflicts-body' });
    main.appendChild(body);
    showLoading(body, 'conflicts');
    let res;
    try {
      res = await api('/conflicts', { subject, measure: params.get('measure') || '', window: params.get('window') || '' });
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    clear(body);
    const items = listItems(res);
    body.appendChild(el('p', { class: 'muted', id: 'conflicts-count', testid: 'conflicts-count' },
      `${items.length} pair${items.length === 1 ? '' : 's'} of incompatible figures from different origins.`));
    if (!items.length) {
      body.appendChild(emptyBox('No conflicting figures.'));
      return;
    }
    for (const cf of items) {
      const head = [`${capital(cf.subject)} · ${cf.measure}`, ` — ${cf.days_apart} day${cf.days_apart === 1 ? '' : 's'} apart`];
      if (cf.repeats) head.push(` · ${cf.repeats} more report pair${cf.repeats === 1 ? '' : 's'} repeat it`);
      body.appendChild(el('section', { class: 'conflict', testid: 'conflict' },
        el('div', { class: 'conflict-head' }, head),
        el('div', { class: 'conflict-sides' }, conflictSide(cf.a, 'One report'), conflictSide(cf.b, 'The other'))));
    }
  }

  // ---------------------------------------------------------------- documents list

  async function viewDocuments(main, _arg, params, alive) {
    main.appendChild(el('h1', null, 'Documents'));
    const q = params.get('q') || '';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const input = el('input', { type: 'search', id: 'docs-q', testid: 'docs-q', value: q, placeholder: 'words in the title or text' });
    const form = el('form', { class: 'filters', role: 'search' }, el('label', { for: 'docs-q' }, 'Search', input),
      el('button', { type: 'submit', class: 'primary' }, 'Search'));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      location.hash = hashFor('documents', { q: input.value.trim() });
    });
    main.appendChild(form);
    const body = el('div');
    main.appendChild(body);
    showLoading(body, 'documents');
    let page;
    try {
      page = await api('/documents', { q, offset, limit: PAGE });
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    clear(body);
    const items = listItems(page);
    const total = typeof page.total === 'number' ? page.total : items.length;
    const bar = el('div', { class: 'toolbar' }, el('span', { testid: 'docs-count' }, `${num(items.length ? offset + 1 : 0)}–${num(offset + items.length)} of ${num(total)} documents`));
    if (offset > 0) bar.appendChild(el('a', { class: 'button', href: hashFor('documents', { q, offset: Math.max(0, offset - PAGE) || '' }) }, '‹ Previous'));
    if (offset + items.length < total) bar.appendChild(el('a', { class: 'button', href: hashFor('documents', { q, offset: offset + PAGE }) }, 'Next ›'));
    body.appendChild(bar);
    if (!items.length) {
      body.appendChild(emptyBox('No documents.'));
      return;
    }
    const tbody = el('tbody');
    for (const d of items) {
      tbody.appendChild(el('tr', { testid: 'doc-row' },
        el('td', { class: 'date' }, d.published || '—'),
        el('td', null, el('a', { href: '#/document/' + encodeURIComponent(d.id), testid: 'doc-link' }, d.title || d.id),
          d.dup_of ? el('span', { class: 'tag' }, 'copy') : null, d.revision_of ? el('span', { class: 'tag' }, 'revision') : null),
        el('td', null, d.outlet || ''),
        el('td', { class: 'num' }, num(d.words)),
        el('td', { class: 'num' }, num(d.claims)),
        el('td', { class: 'num' }, num(d.quotes))));
    }
    body.appendChild(wrapTable(el('table', { id: 'documents-table', testid: 'documents-table' },
      el('thead', null, el('tr', null, ['Published', 'Title', 'Outlet', 'Words', 'Claims', 'Quotes']
        .map((h) => el('th', { scope: 'col', class: ['Words', 'Claims', 'Quotes'].includes(h) ? 'num' : null }, h)))), tbody)));
  }

  // ---------------------------------------------------------------- document view

  function pair(obj, arrKey, startKey, endKey) {
    const a = obj[arrKey];
    if (Array.isArray(a) && a.length === 2 && typeof a[0] === 'number') return [a[0], a[1]];
    if (typeof obj[startKey] === 'number' && typeof obj[endKey] === 'number') return [obj[startKey], obj[endKey]];
    return null;
  }

  /** One shape for the document view, from `GET /api/documents/{id}` or the extract ledger. */
  function normalizeDoc(d) {
    const doc = d.document && typeof d.document === 'object' ? d.document : d;
    const text = typeof d.text === 'string' ? d.text : (doc.text || '');
    return {
      id: doc.id, title: doc.title, outlet: doc.outlet, url: doc.url, published: doc.published,
      dup_of: doc.dup_of, revision_of: doc.revision_of, text,
      removed: (Array.isArray(doc.removed) ? doc.removed : Array.isArray(d.removed) ? d.removed : []).map((r) => (typeof r === 'string' ? r : r.text || '')),
      entities: (d.entities || []).map((e) => ({ name: e.name, kind: e.kind, role: e.role, mentions: e.mentions || [] })),
      quotes: (d.quotes || []).map((q) => ({
        span: pair(q, 'span', 'start', 'end'),
        cue: pair(q, 'cue', 'cue_start', 'cue_end'),
        cueText: typeof q.cue === 'string' ? q.cue : (q.cue_text || ''),
        kind: q.kind, text: q.text, speaker: q.speaker_name, cites: q.cites_name, via: q.via_name,
      })),
      claims: (d.claims || []).map((c) => Object.assign({}, c, {
        span: pair(c, 'span', 'start', 'end'),
        ev: pair(c, 'evidence', 'evidence_start', 'evidence_end'),
      })),
      stances: (d.stances || []).map((s) => ({
        ev: pair(s, 'evidence', 'evidence_start', 'evidence_end'),
        actor: s.actor_name, stance: s.stance, topic: typeof s.topic === 'string' ? s.topic : (s.topic_text || ''),
      })),
    };
  }

  function annotations(doc) {
    const anns = [];
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        if (!Array.isArray(m)) continue;
        anns.push({ start: m[0], end: m[1], layer: 'entity', cls: 'hl-' + e.kind, info: () => [`${e.kind}: `, el('b', null, e.name), e.role ? ` (${e.role})` : ''] });
      }
    }
    for (const q of doc.quotes) {
      if (q.span) {
        anns.push({ start: q.span[0], end: q.span[1], layer: 'quote', cls: 'hl-quote', focus: true,
          info: () => [`${q.kind || ''} quote — speaker: `, el('b', { testid: 'tt-speaker' }, q.speaker || 'unknown'),
            q.cueText ? ` · cue: “${q.cueText}”` : '', names(q.cites) ? ` · cites ${names(q.cites)}` : '', names(q.via) ? ` · via ${names(q.via)}` : ''] });
      }
      if (q.cue) anns.push({ start: q.cue[0], end: q.cue[1], layer: 'quote', cls: 'hl-cue', info: () => [`cue of ${q.speaker || 'an unknown speaker'}`] });
    }
    for (const c of doc.claims) {
      if (c.ev) {
        anns.push({ start: c.ev[0], end: c.ev[1], layer: 'claim', cls: 'hl-evidence',
          info: () => ['evidence of ', el('b', null, `${figure(c)} ${c.measure}`)] });
      }
      if (c.span) {
        anns.push({ start: c.span[0], end: c.span[1], layer: 'claim', cls: 'hl-figure', focus: true,
          info: () => ['claim: ', el('b', null, `${figure(c)} ${c.measure}`), c.subject ? ` · ${c.subject}` : '',
            ` · ${c.claimant_name || NARRATED}`, c.stance && c.stance !== 'asserted' ? ` · ${c.stance}` : ''] });
      }
    }
    for (const s of doc.stances) {
      if (s.ev) {
        anns.push({ start: s.ev[0], end: s.ev[1], layer: 'stance', cls: 'hl-stance',
          info: () => ['stance: ', el('b', null, (s.stance || '').replace(/_/g, ' ')), ` — ${s.actor || 'unknown actor'}`, s.topic ? ` on “${s.topic}”` : ''] });
      }
    }
    return anns;
  }

  /** The text as nodes: split at every span boundary, each piece wrapped once with every layer covering it. */
  function highlighted(text, anns) {
    const chars = Array.from(text);
    const n = chars.length;
    const starts = new Map();
    const ends = new Map();
    const cuts = new Set([0, n]);
    for (const a of anns) {
      const s = Math.max(0, Math.min(n, a.start | 0));
      const e = Math.max(0, Math.min(n, a.end | 0));
      if (e <= s) continue;
      cuts.add(s);
      cuts.add(e);
      if (!starts.has(s)) starts.set(s, []);
      starts.get(s).push(a);
      if (!ends.has(e)) ends.set(e, []);
      ends.get(e).push(a);
    }
    const order = [...cuts].sort((p, q) => p - q);
    const frag = document.createDocumentFragment();
    const active = new Set();
    const focused = new Set();
    for (let i = 0; i + 1 < order.length; i++) {
      const at = order[i];
      for (const a of ends.get(at) || []) active.delete(a);
      for (const a of starts.get(at) || []) active.add(a);
      const piece = chars.slice(at, order[i + 1]).join('');
      if (!active.size) {
        frag.appendChild(document.createTextNode(piece));
        continue;
      }
      const list = [...active];
      const classes = new Set(['hl']);
      const layers = new Set();
      for (const a of list) {
        classes.add(a.cls);
        layers.add(a.layer);
      }
      const span = el('span', { class: [...classes].join(' '), 'data-layers': [...layers].join(' ') }, piece);
      if (list.some((a) => a.focus && !focused.has(a))) {
        span.setAttribute('tabindex', '0');
        for (const a of list) if (a.focus) focused.add(a);
      }
      span._anns = list;
      frag.appendChild(span);
    }
    return frag;
  }

  const LAYERS = [
    ['entities', 'Entities', [['hl-person', 'person'], ['hl-org', 'org'], ['hl-place', 'place'], ['hl-group', 'group']]],
    ['quotes', 'Quotes', [['hl-quote', 'quote'], ['hl-cue', 'cue']]],
    ['claims', 'Claims', [['hl-figure', 'figure'], ['hl-evidence', 'evidence']]],
    ['stances', 'Stances', [['hl-stance', 'stance']]],
  ];

  function renderDocument(doc, where) {
    const layout = el('div', { class: 'doc-layout' });
    const textBox = el('div', { id: 'doc-text', class: 'doc-text', testid: 'doc-text', lang: 'en' });
    textBox.appendChild(highlighted(doc.text, annotations(doc)));
    const removedBox = el('div', { id: 'doc-removed', class: 'removed-box', testid: 'doc-removed', hidden: true },
      el('h3', null, `Removed boilerplate (${doc.removed.length})`),
      doc.removed.length ? doc.removed.map((t) => el('div', { class: 'removed-item' }, t)) : el('div', { class: 'muted' }, 'Nothing was removed.'));
    const panel = el('aside', { class: 'side-panel', id: 'doc-legend', testid: 'doc-legend' }, el('h3', null, 'Layers'));
    const counts = {
      entities: doc.entities.reduce((s, e) => s + e.mentions.length, 0),
      quotes: doc.quotes.length, claims: doc.claims.length, stances: doc.stances.length,
    };
    for (const [key, label, keys] of LAYERS) {
      const box = el('input', { type: 'checkbox', id: 'toggle-' + key, testid: 'toggle-' + key, checked: true });
      box.addEventListener('change', () => textBox.classList.toggle('hide-' + key, !box.checked));
      panel.appendChild(el('label', { for: 'toggle-' + key }, box, `${label} (${counts[key]})`));
      panel.appendChild(el('div', { class: 'legend' }, keys.map(([cls, name]) => el('span', { class: ['key', 'hl', cls] }, name))));
    }
    const rm = el('input', { type: 'checkbox', id: 'toggle-removed', testid: 'toggle-removed' });
    rm.addEventListener('change', () => {
      removedBox.hidden = !rm.checked;
    });
    panel.appendChild(el('label', { for: 'toggle-removed' }, rm, `Show removed boilerplate (${doc.removed.length})`));
    panel.appendChild(el('p', { class: 'muted small' }, 'Hover or focus a highlight for the speaker, cue and figure.'));

    textBox.addEventListener('mouseover', (ev) => {
      const span = ev.target.closest && ev.target.closest('.hl');
      if (span && span._anns && tooltipOwner !== span) docTooltip(span, { x: ev.clientX, y: ev.clientY });
    });
    textBox.addEventListener('mouseleave', hideTooltip);
    textBox.addEventListener('focusin', (ev) => {
      if (ev.target._anns) docTooltip(ev.target, null);
    });
    textBox.addEventListener('focusout', hideTooltip);
    layout.appendChild(el('div', null, textBox, removedBox));
    layout.appendChild(panel);
    where.appendChild(layout);
  }

  function docTooltip(span, pointer) {
    const box = el('div');
    const hidden = (a) => span.closest('.hide-' + a.layer + 's');
    for (const a of span._anns) {
      if (hidden(a)) continue;
      box.appendChild(el('div', { class: 'tt-row', 'data-layer': a.layer }, a.info()));
    }
    if (!box.firstChild) return;
    showTooltip(span, box, pointer);
  }

  function docHeader(doc, main) {
    main.appendChild(el('h1', { id: 'doc-title', testid: 'doc-title' }, doc.title || 'Untitled document'));
    const meta = [doc.outlet || 'unknown outlet', ' · ', doc.published || 'undated'];
    if (doc.url && /^https?:\/\//i.test(doc.url)) meta.push(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original'));
    if (doc.dup_of) meta.push(' · copy of ', el('a', { href: '#/document/' + encodeURIComponent(doc.dup_of) }, 'an earlier document'));
    if (doc.revision_of) meta.push(' · revises ', el('a', { href: '#/document/' + encodeURIComponent(doc.revision_of) }, 'an earlier text'));
    main.appendChild(el('div', { class: 'doc-meta' }, meta));
  }

  async function viewDocument(main, id, _params, alive) {
    if (!id) {
      location.hash = '#/documents';
      return;
    }
    const body = el('div');
    main.appendChild(body);
    showLoading(body, 'the document');
    let d;
    try {
      d = await api('/documents/' + encodeURIComponent(id));
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    clear(body);
    const doc = normalizeDoc(d);
    docHeader(doc, body);
    renderDocument(doc, body);
    if (doc.claims.length) {
      body.appendChild(el('h2', null, 'Claims in this document'));
      body.appendChild(docClaimsTable(doc, 'doc-claims'));
    }
  }

  function docClaimsTable(doc, id) {
    const chars = Array.from(doc.text);
    const tbody = el('tbody');
    for (const c of doc.claims) {
      const evidence = c.ev ? chars.slice(c.ev[0], c.ev[1]).join('') : '';
      tbody.appendChild(el('tr', { testid: 'x-claim-row', class: isWithdrawn(c) ? 'struck' : null },
        el('td', { class: 'num fig' }, figure(c), ' ', stanceTag(c)),
        el('td', null, c.measure || ''),
        el('td', null, c.subject || ''),
        el('td', null, c.claimant_name || el('span', { class: 'muted' }, NARRATED), sourceLine(c) ? el('div', { class: 'muted small' }, sourceLine(c)) : null),
        el('td', null, c.place || ''),
        el('td', { class: 'evidence' }, evidenceWithFigure(evidence, c.text)),
        el('td', { class: 'links' }, c.id && !c.fromExtract ? sourcesLink(c.id) : null)));
    }
    return wrapTable(el('table', { id, testid: id },
      el('thead', null, el('tr', null, ['Figure', 'Measure', 'Subject', 'Claimant', 'Place', 'Evidence', '']
        .map((h) => el('th', { scope: 'col', class: h === 'Figure' ? 'num' : null }, h)))), tbody));
  }

  function docQuotesTable(quotes, id) {
    const tbody = el('tbody');
    for (const q of quotes) {
      tbody.appendChild(el('tr', { testid: 'x-quote-row' },
        el('td', null, q.speaker || el('span', { class: 'muted' }, 'unknown')),
        el('td', null, q.kind || ''),
        el('td', null, q.cueText || ''),
        el('td', null, names(q.cites), names(q.via) ? el('div', { class: 'muted small' }, 'via ' + names(q.via)) : null),
        el('td', { class: 'evidence' }, q.text || '')));
    }
    return wrapTable(el('table', { id, testid: id },
      el('thead', null, el('tr', null, ['Speaker', 'Kind', 'Cue', 'Cites / via', 'Quoted words'].map((h) => el('th', { scope: 'col' }, h)))), tbody));
  }

  // ---------------------------------------------------------------- provenance

  function chain(path) {
    const box = el('div', { class: 'chain', testid: 'prov-chain' });
    path.forEach((name, i) => {
      const role = i === 0 ? 'origin' : i === path.length - 1 ? 'outlet' : 'relay';
      if (i > 0) box.appendChild(el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'));
      box.appendChild(el('span', { class: ['node', role + '-node'], testid: 'prov-node' }, el('span', { class: 'role' }, role), name));
    });
    return box;
  }

  async function viewSources(main, claimId, _params, alive) {
    main.appendChild(el('h1', null, 'Provenance'));
    const body = el('div');
    main.appendChild(body);
    showLoading(body, 'the provenance');
    let prov;
    try {
      prov = await sourcesOf(claimId);
    } catch (err) {
      if (alive()) showError(body, err);
      return;
    }
    if (!alive()) return;
    clear(body);
    const c = prov.claim || {};
    const origins = prov.origins || [];
    body.appendChild(el('div', { class: 'prov-head' },
      el('div', { class: 'count-box' }, el('div', { class: 'big-count', id: 'origin-count', testid: 'origin-count' }, String(origins.length)),
        el('div', { class: 'muted small' }, `independent origin${origins.length === 1 ? '' : 's'}`)),
      el('div', { class: 'claim-box' },
        el('div', { class: 'fig' }, el('b', null, `${figure(c)} ${c.measure || ''}`), c.subject ? ` · ${c.subject}` : '', ' ', stanceTag(c)),
        el('div', { class: 'muted' }, [c.claimant_name || NARRATED, sourceLine(c) ? ` (${sourceLine(c)})` : '', ' · ', c.outlet || '', ' · ', c.date || 'undated']),
        el('blockquote', null, evidenceWithFigure(c.evidence, c.text)),
        el('div', { class: 'links' }, docLink(c, 'open document')))));
    if (!origins.length) {
      body.appendChild(emptyBox('No origin asserts a figure compatible with this one.'));
      return;
    }
    origins.forEach((o, i) => {
      const sec = el('section', { class: 'origin', testid: 'origin' },
        el('h3', null, `${i + 1}. ${plainOrigin(o.origin)}`, originKind(o.origin) ? el('span', { class: 'muted small' }, ` (${originKind(o.origin)})`) : null,
          el('span', { class: 'muted small' }, ` — ${(o.reports || []).length} report${(o.reports || []).length === 1 ? '' : 's'}`)));
      for (const r of o.reports || []) {
        sec.appendChild(el('div', { class: 'report', testid: 'prov-report' },
          el('div', null, el('b', null, figure(r)), ' · ', r.date || 'undated',
            r.claim_id === c.id ? el('span', { class: 'tag' }, 'this report') : null,
            (r.copies || []).length ? el('span', { class: 'muted small' }, ` · copies: ${names(r.copies)}`) : null,
            ' ', r.claim_id && r.claim_id !== c.id ? sourcesLink(r.claim_id, 'open') : null),
          chain(r.path || []),
          r.evidence ? el('div', { class: 'muted small' }, evidenceWithFigure(r.evidence, '')) : null));
      }
      body.appendChild(sec);
    });
  }

  // ---------------------------------------------------------------- paste an article

  async function viewExtract(main, _arg, _params, alive) {
    main.appendChild(el('h1', null, 'Paste an article'));
    main.appendChild(el('p', { class: 'muted' }, 'The text is extracted on the server and shown here; nothing is stored.'));
    const text = el('textarea', { id: 'x-text', testid: 'x-text', placeholder: 'Paste the article text here…', 'aria-label': 'Article text' });
    const title = el('input', { type: 'text', id: 'x-title', testid: 'x-title', placeholder: 'optional' });
    const date = el('input', { type: 'date', id: 'x-date', testid: 'x-date' });
    const outlet = el('input', { type: 'text', id: 'x-outlet', testid: 'x-outlet', placeholder: 'optional' });
    const file = el('input', { type: 'file', id: 'x-file', testid: 'x-file', accept: '.txt,.html,.htm,.md,text/plain,text/html' });
    const asHtml = el('input', { type: 'checkbox', id: 'x-html', testid: 'x-html' });
    const submit = el('button', { type: 'submit', id: 'x-submit', testid: 'x-submit', class: 'primary' }, 'Extract');
    const form = el('form', { class: 'extract-form', id: 'x-form' }, text,
      el('div', { class: 'row' },
        el('label', { class: 'field', for: 'x-title' }, 'Title', title),
        el('label', { class: 'field', for: 'x-date' }, 'Published', date),
        el('label', { class: 'field', for: 'x-outlet' }, 'Outlet', outlet),
        el('label', { class: 'field', for: 'x-file' }, 'Or a file', file),
        el('label', { class: 'check', for: 'x-html' }, asHtml, 'The text is HTML (clean it as a web page)')),
      el('div', null, submit));
    main.appendChild(form);
    const result = el('div', { id: 'x-result', testid: 'x-result' });
    main.appendChild(result);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = file.files && file.files[0];
      if (!f && !text.value.trim()) {
        clear(result).appendChild(errorBox(new Error('paste some text or choose a file first')));
        return;
      }
      submit.disabled = true;
      showLoading(result, 'the extraction');
      let out;
      try {
        if (f) {
          const fd = new FormData();
          fd.append('file', f, f.name);
          if (title.value.trim()) fd.append('title', title.value.trim());
          if (date.value) fd.append('published', date.value);
          if (outlet.value.trim()) fd.append('outlet', outlet.value.trim());
          out = await apiPost('/extract', fd, null);
        } else if (asHtml.checked) {
          out = await apiPost('/extract', text.value, 'text/html; charset=utf-8');
        } else {
          const body = { text: text.value };
          if (title.value.trim()) body.title = title.value.trim();
          if (date.value) body.published = date.value;
          if (outlet.value.trim()) body.outlet = outlet.value.trim();
          out = await apiPost('/extract', JSON.stringify(body), 'application/json');
        }
      } catch (err) {
        submit.disabled = false;
        if (alive()) showError(result, err);
        return;
      }
      submit.disabled = false;
      if (!alive()) return;
      clear(result);
      const doc = normalizeDoc(out);
      for (const c of doc.claims) c.fromExtract = true;
      result.appendChild(el('h2', { testid: 'x-doc-title' }, doc.title || 'Extracted text'));
      renderDocument(doc, result);
      result.appendChild(el('h2', null, `Claims (${doc.claims.length})`));
      result.appendChild(doc.claims.length ? docClaimsTable(doc, 'x-claims') : emptyBox('No claims found in this text.'));
      result.appendChild(el('h2', null, `Quotes (${doc.quotes.length})`));
      result.appendChild(doc.quotes.length ? docQuotesTable(doc.quotes, 'x-quotes') : emptyBox('No quotes found in this text.'));
      result.scrollIntoView({ block: 'start' });
    });
  }

  // ---------------------------------------------------------------- start

  function start() {
    window.addEventListener('hashchange', route);
    window.addEventListener('scroll', () => {
      if (tooltipOwner && document.activeElement !== tooltipOwner) hideTooltip();
    }, { passive: true });
    route();
    api('/health').then((h) => {
      $('#health').textContent = `${num(h.documents)} documents · v${h.version}`;
    }).catch(() => {});
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
