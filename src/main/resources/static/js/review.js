// The review page, for the keyboard: the cursor starts on the first uncertain figure; typing replaces it, Enter
// confirms it and moves to the next uncertain one, Shift+Tab goes back, Esc restores the reading, Ctrl+Enter signs
// the protocol off and opens the next one in the queue. The checks are recomputed here as figures change.
(function () {
  'use strict';
  const H = window.HATTAMA;
  const P = H.protocol;
  const msg = H.msg, esc = H.escape;
  const MAX_VALUE = 999999;
  const CROP_WIDTH = 640;

  const tbody = document.querySelector('#fields tbody');
  const checksList = document.getElementById('checks');
  const flagsList = document.getElementById('flags');
  const notice = document.getElementById('notice');
  const pageBox = document.getElementById('page');
  const pageInner = document.getElementById('page-inner');
  const pageImage = document.getElementById('page-image');

  // The precinct number is confirmed or corrected like a figure, first, since it names where all the others count.
  const precinct = {
    key: 'precinct', line: '№', label: msg('review.precinct_field'),
    value: P.precinct !== null && /^\d+$/.test(P.precinct) ? Number(P.precinct) : null,
    digits: P.precinct !== null && /^\d+$/.test(P.precinct) ? Number(P.precinct) : null, digitsText: P.precinct,
    words: null, wordsText: null, confidence: P.precinctConfidence === undefined ? null : P.precinctConfidence,
    status: P.precinctStatus || 'VERIFIED', reason: P.precinctReason, box: null
  };
  // One entry per figure, in form order after the precinct: the reading, the input, whether a person confirmed it.
  const fields = [precinct].concat(P.fields)
    .map(f => ({ f, uncertain: f.status === 'NEEDS_REVIEW', confirmed: false }));
  let current = null;
  let saving = false;

  function show(text, kind) {
    notice.hidden = !text;
    notice.className = 'notice' + (kind ? ' ' + kind : '');
    notice.innerHTML = text || '';
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
      const cls = x.uncertain ? 'uncertain' : 'settled';
      rows.push(
        '<tr class="crop-row ' + cls + '" data-key="' + esc(f.key) + '"><td colspan="6">' +
        '<div class="label"><span class="line">' + esc(f.line) + '</span> ' + esc(f.label) + '</div>' +
        '<div class="crop" data-i="' + i + '"></div></td></tr>' +
        '<tr class="field ' + cls + '" data-key="' + esc(f.key) + '">' +
        '<td class="reason">' + (f.reason && x.uncertain ? esc(f.reason) : '') + '</td>' +
        '<td class="digits">' + reading(f.digits, f.digitsText, false) + '</td>' +
        '<td class="words">' + reading(f.words, f.wordsText, true) + '</td>' +
        '<td class="num confidence">' + (f.confidence === null ? '' : Math.round(f.confidence * 100) + ' %') + '</td>' +
        '<td class="value"><input class="fig" data-i="' + i + '" inputmode="numeric" autocomplete="off" spellcheck="false"' +
        ' aria-label="' + esc(f.label) + '" value="' + (f.value === null ? '' : f.value) + '"><span class="mark"></span></td>' +
        '<td class="status"><span class="badge s-' + esc(f.status) + '">' + esc(msg('status.' + f.status)) + '</span></td>' +
        '</tr>');
    });
    tbody.innerHTML = rows.join('');
    fields.forEach((x, i) => { x.input = tbody.querySelector('input[data-i="' + i + '"]'); });
  }

  // ---- page image, boxes and crops (boxes are in pixels of the normalized page) ----

  function placeBoxes() {
    if (!pageImage || !pageImage.naturalWidth) return;
    const W = pageImage.naturalWidth, Hh = pageImage.naturalHeight;
    fields.forEach((x, i) => {
      const b = x.f.box;
      if (!b) return;
      // A field on the protocol's other side: its crop comes from that side's page, which is not the one shown.
      const url = b.page ? P.pageUrl + '?page=' + b.page : P.pageUrl;
      if (b.page) {
        const crop = tbody.querySelector('.crop[data-i="' + i + '"]');
        const scale = Math.min(1, CROP_WIDTH / b.width);
        const other = new Image();
        other.onload = () => {
          crop.style.width = Math.round(b.width * scale) + 'px';
          crop.style.height = Math.round(b.height * scale) + 'px';
          crop.style.backgroundImage = 'url("' + url + '")';
          crop.style.backgroundSize = Math.round(other.naturalWidth * scale) + 'px auto';
          crop.style.backgroundPosition = (-b.x * scale) + 'px ' + (-b.y * scale) + 'px';
        };
        other.src = url;
        return;
      }
      const div = document.createElement('div');
      div.className = 'box ' + (x.uncertain ? 'uncertain' : 'settled');
      div.style.left = (100 * b.x / W) + '%';
      div.style.top = (100 * b.y / Hh) + '%';
      div.style.width = (100 * b.width / W) + '%';
      div.style.height = (100 * b.height / Hh) + '%';
      div.innerHTML = '<span>' + esc(x.f.line) + '</span>';
      div.addEventListener('mousedown', e => { e.preventDefault(); x.input.focus(); });
      pageInner.appendChild(div);
      x.box = div;
      const crop = tbody.querySelector('.crop[data-i="' + i + '"]');
      const scale = Math.min(1, CROP_WIDTH / b.width);
      crop.style.width = Math.round(b.width * scale) + 'px';
      crop.style.height = Math.round(b.height * scale) + 'px';
      crop.style.backgroundImage = 'url("' + P.pageUrl + '")';
      crop.style.backgroundSize = Math.round(W * scale) + 'px auto';
      crop.style.backgroundPosition = (-b.x * scale) + 'px ' + (-b.y * scale) + 'px';
    });
    if (current !== null) highlight(current);
  }

  function highlight(i) {
    fields.forEach((x, j) => {
      if (x.box) x.box.classList.toggle('current', i === j);
      x.input.closest('tr').classList.toggle('current', i === j);
      x.input.closest('tr').previousElementSibling.classList.toggle('current', i === j);
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

  // ---- figures and checks ----

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
    if (missing.length) return { passed: false, detail: 'cannot check: ' + missing.join(', ') + ' unread' };
    const sum = ks => ks.reduce((s, k) => s + v[k], 0);
    const l = sum(rel.left), r = sum(rel.right);
    const ok = rel.op === '=' ? l === r : rel.op === '<=' ? l <= r : rel.op === '>=' ? l >= r : false;
    const symbol = ok ? ({ '<=': '≤', '>=': '≥' }[rel.op] || rel.op) : ({ '=': '≠', '<=': '>', '>=': '<' }[rel.op] || '?');
    const side = ks => ks.length === 1 ? String(v[ks[0]])
      : ks.length > 2 ? sum(ks) + ' (' + ks.map(k => v[k]).join(' + ') + ')' : ks.map(k => v[k]).join(' + ');
    return { passed: ok, detail: side(rel.left) + ' ' + symbol + ' ' + side(rel.right) };
  }

  const checkLabels = {};
  P.checks.forEach(c => { checkLabels[c.id] = c.label; });

  function renderChecks() {
    const v = values();
    const relations = P.relations.map(rel => Object.assign({ id: rel.id }, evaluate(rel, v)));
    // Per-figure checks (digits against words) and the paperwork checks (sides, signatures) are facts of the
    // readings and the pages: they stay as read.
    const relationIds = new Set(P.relations.map(rel => rel.id));
    const perField = P.checks.filter(c => !relationIds.has(c.id) && !c.passed);
    const all = relations.concat(perField);
    const failing = all.filter(c => !c.passed);
    const items = failing.concat(all.filter(c => c.passed)).map(c =>
      '<li class="' + (c.passed ? 'pass' : 'fail') + '" data-check="' + esc(c.id) + '"><span class="label">' +
      esc(checkLabels[c.id] || c.id) + '</span> <code class="detail">' + esc(c.detail) + '</code></li>');
    checksList.innerHTML = items.join('');
    flagsList.innerHTML = P.flags.map(f => '<li class="flag"><span class="label">' + esc(f.label) +
      '</span> <code>' + esc(f.detail) + '</code></li>').join('');
  }

  function mark(x) {
    const p = parse(x);
    const changed = p.ok && p.value !== x.f.value;
    const tr = x.input.closest('tr');
    tr.classList.toggle('invalid', !p.ok);
    tr.classList.toggle('changed', changed);
    tr.classList.toggle('confirmed', x.confirmed);
    tr.querySelector('.mark').textContent = !p.ok ? '!' : x.confirmed ? '✓' : '';
  }

  // ---- keyboard ----

  function nextUncertain(from) {
    for (let k = 1; k <= fields.length; k++) {
      const j = (from + k) % fields.length;
      if (fields[j].uncertain && !fields[j].confirmed) return j;
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
    return fields.filter(x => x.uncertain && !x.confirmed).length;
  }

  async function signOff() {
    if (saving) return;
    const invalid = fields.findIndex(x => !parse(x).ok);
    if (invalid >= 0) {
      show(esc(msg('review.invalid', MAX_VALUE)), 'error');
      go(invalid);
      return;
    }
    const open = nextUncertain(-1);
    if (open >= 0) {
      show(esc(msg('review.confirm_first', left())), 'error');
      go(open);
      return;
    }
    saving = true;
    show(esc(msg('review.signing')));
    try {
      const done = await H.json('POST', '/api/review/' + P.id, { version: P.version, values: values() });
      window.location.assign(done.next ? '/review/' + done.next : '/review');
    } catch (e) {
      saving = false;
      const detail = (e.body && e.body.detail) || e.message;
      if (e.status === 409) {
        show(esc(detail) + ' <a href="" id="reload">' + esc(msg('review.reload')) + '</a>', 'error conflict');
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
  });

  tbody.addEventListener('input', e => {
    if (!e.target.classList.contains('fig')) return;
    const x = fields[Number(e.target.dataset.i)];
    x.confirmed = false;
    mark(x);
    renderChecks();
  });

  tbody.addEventListener('keydown', e => {
    if (!e.target.classList.contains('fig') || e.key !== 'Enter' && e.key !== 'Escape') return;
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
      if (fields[i].uncertain && !confirm(i)) return;
      signOff();
      return;
    }
    if (!confirm(i)) return;
    const next = nextUncertain(i);
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
    box.innerHTML = '<p>' + esc(msg('review.reviewed_by', P.review.by, P.review.at)) + '</p>' +
      (P.review.changes.length ? '<p>' + esc(msg('review.changes')) + ':</p><ul>' + P.review.changes.map(c =>
        '<li><code>' + esc(c.field) + ': ' + esc(c.from === null ? '—' : c.from) + ' → ' +
        esc(c.to === null ? '—' : c.to) + '</code></li>').join('') + '</ul>' : '');
  }

  render();
  renderChecks();
  renderHistory();
  if (pageImage) {
    if (pageImage.complete && pageImage.naturalWidth) placeBoxes();
    else pageImage.addEventListener('load', placeBoxes);
  }
  const first = nextUncertain(-1);
  go(first >= 0 ? first : 0);
})();
