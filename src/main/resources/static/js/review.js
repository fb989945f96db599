// The review page, for the keyboard: the cursor starts on the first uncertain figure; typing replaces it, Enter
// confirms it and moves to the next uncertain one, Shift+Tab goes back, Esc restores the reading, + and - zoom the
// crops, Ctrl+Enter signs the protocol off and opens the next one in the queue. The checks and the form's flags are
// recomputed here as figures change. What the page has to say appears in a bar fixed at the bottom of the window.
(function () {
  'use strict';
  const H = window.HATTAMA;
  const P = H.protocol;
  const msg = H.msg, esc = H.escape;
  const MAX_VALUE = 999999;
  /** Crops show the handwriting larger than the page holds it: 175 % at first, + and - step through these. */
  const ZOOMS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3];
  let zoom = 3;

  const tbody = document.querySelector('#fields tbody');
  const checksList = document.getElementById('checks');
  const flagsList = document.getElementById('flags');
  const pageBox = document.getElementById('page');
  const pageInner = document.getElementById('page-inner');
  const pageImage = document.getElementById('page-image');

  // The precinct number is confirmed or corrected like a figure, first, since it names where all the others count.
  const precinct = {
    key: 'precinct', line: '№', label: msg('review.precinct_field'),
    value: P.precinct !== null && /^\d+$/.test(P.precinct) ? Number(P.precinct) : null,
    digits: P.precinct !== null && /^\d+$/.test(P.precinct) ? Number(P.precinct) : null, digitsText: P.precinct,
    words: null, wordsText: null, confidence: P.precinctConfidence === undefined ? null : P.precinctConfidence,
    status: P.precinctStatus || 'VERIFIED', reason: P.precinctReason, sure: false, box: null
  };
  // One entry per figure, in form order after the precinct. A figure read surely (digits and words agree, nothing
  // but a failed check against it) is not asked about: the figures that could explain the failure are.
  const fields = [precinct].concat(P.fields).map(f => ({
    f, sure: !!f.sure, uncertain: f.status === 'NEEDS_REVIEW' && !f.sure, confirmed: false
  }));
  const byKey = {};
  fields.forEach(x => { byKey[x.f.key] = x; });
  let current = null;
  let saving = false;

  const show = H.bar;

  function label(key) {
    return byKey[key] ? byKey[key].f.label : key;
  }

  // The missing side of a two-sided protocol, sent from here: read like any upload, then joined with this protocol.
  const attach = document.getElementById('attach-side');
  if (attach) {
    attach.addEventListener('submit', async e => {
      e.preventDefault();
      const file = document.getElementById('attach-file').files[0];
      if (!file) return;
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch('/api/review/' + P.id + '/sides', { method: 'POST', body: form, headers: H.csrf() });
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (ignored) { /* not JSON */ }
      show(esc(res.status === 202 ? msg('review.attach_sent') : msg('review.attach_failed') + ' ' + detail),
        res.status === 202 ? '' : 'error');
    });
  }

  function reading(value, text, quoted) {
    if (value === null && !text) return '<span class="muted">—</span>';
    const shown = value === null ? '?' : String(value);
    const raw = text && text !== shown ? ' <small>' + (quoted ? '«' + esc(text) + '»' : esc(text)) + '</small>' : '';
    return '<b>' + esc(shown) + '</b>' + raw;
  }

  function render() {
    const rows = [];
    fields.forEach((x, i) => {
      const f = x.f;
      const cls = x.uncertain ? 'uncertain' : x.sure ? 'sure' : 'settled';
      const reason = x.sure ? msg('review.sure_reason') : f.reason && x.uncertain ? f.reason : '';
      rows.push(
        '<tr class="crop-row ' + cls + '" data-key="' + esc(f.key) + '"><td colspan="6">' +
        '<div class="label"><span class="line">' + esc(f.line) + '</span> ' + esc(f.label) + '</div>' +
        // A scrolling box is a tab stop in Chromium: kept out, so that Shift+Tab goes from figure to figure.
        '<div class="crops" data-i="' + i + '" tabindex="-1"></div></td></tr>' +
        '<tr class="field ' + cls + '" data-key="' + esc(f.key) + '">' +
        '<td class="reason">' + esc(reason) + '</td>' +
        '<td class="digits">' + reading(f.digits, f.digitsText, false) + '</td>' +
        '<td class="words">' + reading(f.words, f.wordsText, true) + '</td>' +
        '<td class="num confidence">' + (f.confidence === null ? '' : Math.round(f.confidence * 100) + '\u00a0%') + '</td>' +
        '<td class="value"><input class="fig" data-i="' + i + '" inputmode="numeric" autocomplete="off" spellcheck="false"' +
        ' aria-label="' + esc(f.label) + '" value="' + (f.value === null ? '' : f.value) + '"><span class="mark"></span>' +
        '<div class="hint" aria-live="polite"></div></td>' +
        '<td class="status"><span class="badge s-' + esc(f.status) + '">' + esc(msg('status.' + f.status)) + '</span>' +
        (x.sure ? ' <span class="badge sure-badge">' + esc(msg('review.sure')) + '</span>' : '') + '</td>' +
        '</tr>');
    });
    tbody.innerHTML = rows.join('');
    fields.forEach((x, i) => {
      x.input = tbody.querySelector('input[data-i="' + i + '"]');
      x.row = x.input.closest('tr');
      x.hint = x.row.querySelector('.hint');
      mark(x);
    });
  }

  // ---- page image, boxes and crops (boxes are in pixels of the normalized page) ----

  /**
   * Where the digits and the words are written inside a field's box. The box spans the whole line (or table row);
   * the two entries are told apart by the page's own rulings: a value line's digits rule and words rule are two
   * segments of one printed line, a table row's digits and words are its last two cells. Then each zone is trimmed
   * to its ink, so that the handwriting, not the empty rule, fills the crop. Null where the rulings are not found.
   */
  function zonesOf(b, ink) {
    const w = b.width, h = b.height;
    const dark = (x, y) => ink[y * w + x];
    // The printed rule: the row with the most dark pixels in the lower part of the box.
    let ruleRow = -1, best = 0;
    for (let y = Math.floor(h * 0.3); y < h; y++) {
      let n = 0;
      for (let x = 0; x < w; x++) n += dark(x, y);
      if (n > best) { best = n; ruleRow = y; }
    }
    let digits = null, words = null;
    if (ruleRow >= 0 && best > w * 0.2) {
      const segments = runs(x => { for (let d = -2; d <= 2; d++) { const y = ruleRow + d; if (y >= 0 && y < h && dark(x, y)) return true; } return false; }, w, 6)
        .filter(s => s[1] - s[0] > w * 0.06);
      if (segments.length >= 2) {
        const gap = (segments[1][0] - segments[0][1]) / 2;
        digits = { x0: Math.max(0, segments[0][0] - gap), x1: segments[0][1] + gap };
        words = { x0: segments[1][0] - gap, x1: w };
      }
    }
    if (!digits) {
      // A table row: its cells' vertical rulings, dark over most of the row's height.
      const lines = runs(x => { let n = 0; for (let y = 0; y < h; y++) n += dark(x, y); return n > h * 0.6; }, w, 3)
        .map(s => (s[0] + s[1]) / 2);
      if (lines.length >= 3) {
        const n = lines.length;
        digits = { x0: lines[n - 3], x1: lines[n - 2] };
        words = { x0: lines[n - 2], x1: lines[n - 1] };
      }
    }
    if (!digits) return null;
    return { digits: trim(digits, ink, w, h, ruleRow), words: trim(words, ink, w, h, ruleRow) };
  }

  /** Runs of x where test(x) holds, gaps up to {@code join} closed: [[from, to), …]. */
  function runs(test, w, join) {
    const out = [];
    let start = -1, lastOn = -join - 1;
    for (let x = 0; x <= w; x++) {
      const on = x < w && test(x);
      if (on) {
        if (start < 0 || x - lastOn > join) { if (start >= 0) out.push([start, lastOn + 1]); start = x; }
        lastOn = x;
      }
    }
    if (start >= 0) out.push([start, lastOn + 1]);
    return out;
  }

  /** The zone narrowed to the ink in it (rulings left out), with a margin; the whole zone where it holds no ink. */
  function trim(z, ink, w, h, ruleRow) {
    const x0 = Math.max(0, Math.floor(z.x0)), x1 = Math.min(w, Math.ceil(z.x1));
    let from = -1, to = -1;
    for (let x = x0 + 3; x < x1 - 3; x++) {
      let n = 0;
      for (let y = 0; y < h; y++) {
        if (Math.abs(y - ruleRow) <= 3) continue;
        n += ink[y * w + x];
      }
      // A vertical ruling is dark all the way down; handwriting is not.
      if (n > 0 && n < h * 0.6) { if (from < 0) from = x; to = x; }
    }
    if (from < 0) return { x0, x1 };
    const margin = Math.round(h * 0.3);
    return { x0: Math.max(x0, from - margin), x1: Math.min(x1, to + margin) };
  }

  /** Dark pixels of a box of the page, one byte each. */
  function inkOf(b, image) {
    const canvas = document.createElement('canvas');
    canvas.width = b.width;
    canvas.height = b.height;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(image, b.x, b.y, b.width, b.height, 0, 0, b.width, b.height);
    const px = g.getImageData(0, 0, b.width, b.height).data;
    const ink = new Uint8Array(b.width * b.height);
    for (let i = 0; i < ink.length; i++) {
      ink[i] = px[4 * i] * 0.3 + px[4 * i + 1] * 0.59 + px[4 * i + 2] * 0.11 < 128 ? 1 : 0;
    }
    return ink;
  }

  function placeBoxes() {
    if (!pageImage || !pageImage.naturalWidth) return;
    const W = pageImage.naturalWidth, Hh = pageImage.naturalHeight;
    fields.forEach(x => {
      const b = x.f.box;
      if (!b) return;
      if (b.page) {
        // A field on the protocol's other side: its crop comes from that side's page, which is not the one shown.
        const other = new Image();
        other.onload = () => { cropFrom(x, other, P.pageUrl + '?page=' + b.page); drawCrops(); };
        other.src = P.pageUrl + '?page=' + b.page;
        return;
      }
      const div = document.createElement('div');
      div.className = 'box ' + (x.uncertain ? 'uncertain' : x.sure ? 'sure' : 'settled');
      div.style.left = (100 * b.x / W) + '%';
      div.style.top = (100 * b.y / Hh) + '%';
      div.style.width = (100 * b.width / W) + '%';
      div.style.height = (100 * b.height / Hh) + '%';
      div.innerHTML = '<span>' + esc(x.f.line) + '</span>';
      div.addEventListener('mousedown', e => { e.preventDefault(); x.input.focus(); });
      pageInner.appendChild(div);
      x.box = div;
      cropFrom(x, pageImage, P.pageUrl);
    });
    drawCrops();
    if (current !== null) highlight(current);
  }

  /** Finds the field's digits and words zones on {@code image} (served at {@code url}), the crops' source. */
  function cropFrom(x, image, url) {
    const b = x.f.box;
    let zones = null;
    try {
      zones = zonesOf(b, inkOf(b, image));
    } catch (e) {
      zones = null;  // a page the canvas may not read: the whole line is shown instead
    }
    x.source = { url, width: image.naturalWidth };
    x.zones = zones ? [['digits', zones.digits], ['words', zones.words]] : [['line', { x0: 0, x1: b.width }]];
  }

  /** Each field's zones at the current zoom, as parts of its page image. */
  function drawCrops() {
    const scale = ZOOMS[zoom];
    fields.forEach((x, i) => {
      if (!x.zones) return;
      const b = x.f.box;
      const holder = tbody.querySelector('.crops[data-i="' + i + '"]');
      holder.innerHTML = x.zones.map(z => '<div class="crop ' + z[0] + '" data-zone="' + z[0] + '" data-scale="' + scale +
        '" data-source-width="' + Math.round(z[1].x1 - z[1].x0) + '" style="width:' + Math.round((z[1].x1 - z[1].x0) * scale) +
        'px;height:' + Math.round(b.height * scale) + 'px;background-image:url(&quot;' + esc(x.source.url) + '&quot;);' +
        'background-size:' + Math.round(x.source.width * scale) + 'px auto;background-position:' + (-(b.x + z[1].x0) * scale) + 'px ' +
        (-b.y * scale) + 'px"></div>').join('');
    });
    document.body.dataset.zoom = String(scale);
  }

  function setZoom(step) {
    const next = Math.max(0, Math.min(ZOOMS.length - 1, zoom + step));
    if (next === zoom) return;
    zoom = next;
    drawCrops();
    show(esc(msg('review.zoomed', Math.round(ZOOMS[zoom] * 100))));
  }

  function highlight(i) {
    fields.forEach((x, j) => {
      if (x.box) x.box.classList.toggle('current', i === j);
      x.row.classList.toggle('current', i === j);
      x.row.previousElementSibling.classList.toggle('current', i === j);
    });
    const box = fields[i].box;
    if (fields[i].f.key === 'precinct') {
      pageBox.scrollTop = 0;  // the number is in the header, at the top of the page
    } else if (box) {
      // Scroll the page column only, keeping the box in its middle.
      const top = box.offsetTop - pageBox.clientHeight / 2 + box.offsetHeight / 2;
      pageBox.scrollTop = Math.max(0, top);
    }
  }

  // ---- figures, checks and flags ----

  function parse(x) {
    const text = x.input.value.trim();
    if (text === '') return { ok: true, value: null };
    if (!/^\d{1,6}$/.test(text) || Number(text) > MAX_VALUE) return { ok: false };
    return { ok: true, value: Number(text) };
  }

  function values() {
    const out = {};
    fields.forEach(x => {
      const p = parse(x);
      // A precinct left as read is not sent: the server keeps it as stored (a number with a letter stays whole).
      if (x.f.key === 'precinct' && p.ok && p.value === x.f.value) return;
      out[x.f.key] = p.ok ? p.value : null;
    });
    return out;
  }

  // The same arithmetic as the server's Relations, so that what the reviewer sees is what gets stored.
  function evaluate(rel, v) {
    const terms = rel.left.concat(rel.right);
    const missing = terms.filter(k => v[k] === null || v[k] === undefined);
    if (missing.length) {
      return { passed: false, missing: true, detail: msg('review.cannot_check', missing.map(label).join(', ')) };
    }
    const sum = ks => ks.reduce((s, k) => s + v[k], 0);
    const l = sum(rel.left), r = sum(rel.right);
    const ok = rel.op === '=' ? l === r : rel.op === '<=' ? l <= r : rel.op === '>=' ? l >= r : false;
    const symbol = ok ? ({ '<=': '≤', '>=': '≥' }[rel.op] || rel.op) : ({ '=': '≠', '<=': '>', '>=': '<' }[rel.op] || '?');
    const side = ks => ks.length === 1 ? String(v[ks[0]])
      : ks.length > 2 ? sum(ks) + ' (' + ks.map(k => v[k]).join(' + ') + ')' : ks.map(k => v[k]).join(' + ');
    return { passed: ok, l, r, detail: side(rel.left) + ' ' + symbol + ' ' + side(rel.right) };
  }

  /**
   * What one figure would have to be for a failed relation to hold, the others as they stand: the running sum's
   * answer to "which figure is off, and by how much".
   */
  function needed(rel, res, key, v) {
    if (res.passed || res.missing) return null;
    const left = rel.left.indexOf(key) >= 0;
    const diff = res.r - res.l;  // what the left side lacks
    const target = left ? v[key] + diff : v[key] - diff;
    if (target < 0 || target > MAX_VALUE) return null;
    if (rel.op === '=') return { text: msg('review.balance', target), value: target };
    // l > r for "<=": a left term must shrink, a right one grow (and the opposite for ">=").
    const atMost = (rel.op === '<=') === left;
    return { text: msg(atMost ? 'review.at_most' : 'review.at_least', target), value: target };
  }

  const checkLabels = {};
  P.checks.forEach(c => { checkLabels[c.id] = c.label; });

  function renderChecks() {
    const v = values();
    const relations = P.relations.map(rel => Object.assign({ id: rel.id, rel }, evaluate(rel, v)));
    // Per-figure checks (digits against words) and the paperwork checks (sides, signatures) are facts of the
    // readings and the pages: they stay as read.
    const relationIds = new Set(P.relations.map(rel => rel.id));
    const perField = P.checks.filter(c => !relationIds.has(c.id) && !c.passed).map(c => !c.field ? c
      : Object.assign({}, c, { detail: label(c.field) + ': ' + c.detail.replace(/^[a-z_0-9]+: /, '') }));
    const all = relations.concat(perField);
    const failing = all.filter(c => !c.passed);
    checksList.innerHTML = failing.concat(all.filter(c => c.passed)).map(c => {
      const off = c.rel && !c.passed && !c.missing ? ' <span class="off">' + esc(msg('review.off_by', Math.abs(c.r - c.l))) + '</span>' : '';
      return '<li class="' + (c.passed ? 'pass' : 'fail') + '" data-check="' + esc(c.id) + '"><span class="label">' +
        esc(checkLabels[c.id] || c.id) + '</span> <code class="detail">' + esc(c.detail) + '</code>' + off + '</li>';
    }).join('');

    // The figures that could explain a failure: those of a failed relation that were not read surely.
    const suspects = new Set();
    fields.forEach(x => { x.hints = []; });
    relations.filter(c => !c.passed).forEach(c => {
      const terms = c.rel.left.concat(c.rel.right);
      terms.filter(k => byKey[k] && !byKey[k].sure).forEach(k => suspects.add(k));
      terms.forEach(k => {
        const n = byKey[k] && !c.missing ? needed(c.rel, c, k, v) : null;
        if (n) byKey[k].hints.push(n.text + ' · ' + (checkLabels[c.id] || c.id));
      });
    });
    fields.forEach(x => {
      x.row.classList.toggle('suspect', suspects.has(x.f.key));
      x.row.previousElementSibling.classList.toggle('suspect', suspects.has(x.f.key));
    });
    showHint();

    // The form's flags follow the figures (a corrected turnout lowers its flag); others stay as stored.
    const rules = P.flagRules || [];
    const ruled = new Set(rules.map(r => r.id));
    const flags = [];
    rules.forEach(r => {
      const num = v[r.numerator], den = v[r.denominator];
      if (num === null || num === undefined || !den || num / den <= r.above) return;
      const label = (P.flags.find(f => f.id === r.id) || {}).label || r.label[document.documentElement.lang] || r.label.en || r.id;
      flags.push({ id: r.id, label, detail: num + ' / ' + den + ' = ' + (100 * num / den).toFixed(1) + '\u00a0%' });
    });
    P.flags.filter(f => !ruled.has(f.id)).forEach(f => flags.push(f));
    flagsList.innerHTML = flags.map(f => '<li class="flag" data-flag="' + esc(f.id) + '"><span class="label">' +
      esc(f.label) + '</span> <code>' + esc(f.detail) + '</code></li>').join('');
  }

  /** Under the figure the cursor is on: what it would have to be for each failed check it is in to hold. */
  function showHint() {
    fields.forEach((x, i) => {
      x.hint.textContent = i === current && x.hints && x.hints.length ? x.hints.join('; ') : '';
    });
  }

  function mark(x) {
    const p = parse(x);
    const changed = p.ok && p.value !== x.f.value;
    x.row.classList.toggle('invalid', !p.ok);
    x.row.classList.toggle('changed', changed);
    x.row.classList.toggle('confirmed', x.confirmed);
    x.row.querySelector('.mark').textContent = !p.ok ? '!' : x.confirmed ? '✓' : '';
  }

  // ---- keyboard ----

  /** A figure the reviewer must confirm: an uncertain one, or a sure one they changed. */
  function open(x) {
    if (x.confirmed) return false;
    const p = parse(x);
    return x.uncertain || (p.ok && p.value !== x.f.value) || !p.ok;
  }

  function nextOpen(from) {
    for (let k = 1; k <= fields.length; k++) {
      const j = (from + k) % fields.length;
      if (open(fields[j])) return j;
    }
    return -1;
  }

  function go(i) {
    fields[i].input.focus();
  }

  function confirm(i) {
    const x = fields[i];
    if (!parse(x).ok) {
      show(esc(msg('review.invalid', MAX_VALUE)), 'error');
      return false;
    }
    x.confirmed = true;
    mark(x);
    return true;
  }

  function left() {
    return fields.filter(open).length;
  }

  function precinctName(p) {
    return p.precinct ? msg('review.precinct', p.precinct) : p.sourceName;
  }

  async function signOff() {
    if (saving) return;
    const invalid = fields.findIndex(x => !parse(x).ok);
    if (invalid >= 0) {
      show(esc(msg('review.invalid', MAX_VALUE)), 'error');
      go(invalid);
      return;
    }
    const first = nextOpen(-1);
    if (first >= 0) {
      show(esc(msg('review.confirm_first', left())), 'error');
      go(first);
      return;
    }
    saving = true;
    show(esc(msg('review.signing')));
    try {
      const done = await H.json('POST', '/api/review/' + P.id, { version: P.version, values: values() });
      // Said on the page that opens next, since this one is gone in a moment.
      H.later(msg(done.next ? 'review.saved_next' : 'review.saved_last', precinctName(P)));
      window.location.assign(done.next ? '/review/' + done.next : '/review');
    } catch (e) {
      saving = false;
      const body = e.body || {};
      const detail = body.detail || e.message;
      if (e.status === 409) {
        const text = body.by && body.at ? msg('review.conflict.by', body.by, H.time(body.at)) : detail;
        show(esc(text) + ' <a href="" id="reload">' + esc(msg('review.reload')) + '</a>', 'error conflict');
      } else {
        show(esc(msg('review.failed', detail)), 'error');
      }
    }
  }

  tbody.addEventListener('focusin', e => {
    if (!e.target.classList.contains('fig')) return;
    current = Number(e.target.dataset.i);
    e.target.select();
    highlight(current);
    showHint();
  });

  tbody.addEventListener('input', e => {
    if (!e.target.classList.contains('fig')) return;
    const x = fields[Number(e.target.dataset.i)];
    x.confirmed = false;
    mark(x);
    renderChecks();
  });

  tbody.addEventListener('keydown', e => {
    if (!e.target.classList.contains('fig')) return;
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      // Never part of a figure: the crops' zoom.
      e.preventDefault();
      setZoom(e.key === '-' ? -1 : 1);
      return;
    }
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    const i = Number(e.target.dataset.i);
    e.preventDefault();
    if (e.key === 'Escape') {
      const x = fields[i];
      x.input.value = x.f.value === null ? '' : x.f.value;
      x.confirmed = false;
      x.input.select();
      mark(x);
      renderChecks();
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      if (open(fields[i]) && !confirm(i)) return;
      signOff();
      return;
    }
    if (!confirm(i)) return;
    const next = nextOpen(i);
    if (next >= 0) {
      show('');
      go(next);
    } else {
      show(esc(msg('review.all_confirmed')));
    }
  });

  document.getElementById('signoff').addEventListener('click', signOff);

  function renderHistory() {
    if (!P.review) return;
    const box = document.getElementById('history');
    box.hidden = false;
    const value = n => n === null || n === undefined ? '—' : String(n);
    box.innerHTML = '<p>' + esc(msg('review.reviewed_by', P.review.by, H.time(P.review.at))) + '</p>' +
      (P.review.changes.length ? '<p>' + esc(msg('review.changes')) + ':</p><ul>' + P.review.changes.map(c =>
        '<li data-field="' + esc(c.field) + '">' + esc(label(c.field)) + ': <code>' + esc(value(c.from)) + ' → ' +
        esc(value(c.to)) + '</code> <span class="muted">' + esc(msg('review.change_by', c.by, H.time(c.at))) +
        '</span></li>').join('') + '</ul>' : '');
  }

  H.laterSuffix = precinctName(P);
  render();
  renderChecks();
  renderHistory();
  if (pageImage) {
    if (pageImage.complete && pageImage.naturalWidth) placeBoxes();
    else pageImage.addEventListener('load', placeBoxes);
  }
  const first = nextOpen(-1);
  // Nothing to ask: where a check fails on figures read surely, the cursor waits on the first of them.
  const sureInFailure = fields.findIndex(x => x.row.classList.contains('suspect') || (x.sure && x.f.status === 'NEEDS_REVIEW'));
  go(first >= 0 ? first : sureInFailure >= 0 ? sureInFailure : 0);
  if (first < 0 && fields.some(x => x.sure)) {
    show(esc(msg('review.only_sure')));
  }
})();
