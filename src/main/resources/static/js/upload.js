// The upload page: files dropped anywhere (or picked) are sent in requests of at most maxFiles files, one request at
// a time; the server queues each request as a batch and this page follows every file until it has an outcome.
(function () {
  'use strict';
  const H = window.HATTAMA;
  const msg = H.msg, esc = H.escape;
  /** Bytes per request besides the file count: keeps one request's progress meaningful and a failure cheap. */
  const GROUP_BYTES = 32 * 1024 * 1024;
  const FAST_POLL = 1500, SLOW_POLL = 15000;

  const sending = document.getElementById('sending');
  const uploadsBody = document.getElementById('uploads');
  const empty = document.getElementById('empty');
  const overlay = document.getElementById('overlay');
  const waiting = [];   // {file, name, row} not yet sent
  let busy = false;
  let pollTimer = null;

  function badge(code, text) {
    return '<span class="badge s-' + esc(code) + '" data-status="' + esc(code) + '">' + esc(text) + '</span>';
  }

  function clientRow(name, size) {
    const tr = document.createElement('tr');
    tr.className = 'file';
    tr.dataset.name = name;
    tr.innerHTML = '<td class="name">' + esc(name) + '</td><td class="num">' + esc(H.size(size)) +
      '</td><td class="outcome"></td>';
    sending.appendChild(tr);
    return tr;
  }

  function setClientState(row, code, text) {
    row.querySelector('.outcome').innerHTML = badge(code, msg('progress.' + code)) +
      (text ? ' <span class="message">' + esc(text) + '</span>' : '');
  }

  function add(entries) {
    const limit = H.maxFileMb * 1024 * 1024;
    for (const e of entries) {
      const row = clientRow(e.name, e.file.size);
      if (e.file.size > limit) {
        setClientState(row, 'FAILED', msg('js.upload.too_large', H.maxFileMb));
        row.querySelector('.badge').dataset.status = 'TOO_LARGE';
        continue;
      }
      setClientState(row, 'UPLOADING', msg('js.upload.sending', 0));
      waiting.push({ file: e.file, name: e.name, row });
    }
    empty.hidden = true;
    pump();
  }

  function nextGroup() {
    const group = [];
    let bytes = 0;
    while (waiting.length && group.length < H.maxFiles &&
           (group.length === 0 || bytes + waiting[0].file.size <= GROUP_BYTES)) {
      const e = waiting.shift();
      bytes += e.file.size;
      group.push(e);
    }
    return group;
  }

  function pump() {
    if (busy || !waiting.length) return;
    busy = true;
    const group = nextGroup();
    const form = new FormData();
    group.forEach(e => form.append('files', e.file, e.name));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = H.csrf();
    Object.keys(csrf).forEach(k => xhr.setRequestHeader(k, csrf[k]));
    xhr.upload.onprogress = ev => {
      if (!ev.lengthComputable) return;
      const pct = Math.floor(100 * ev.loaded / ev.total);
      group.forEach(e => setClientState(e.row, 'UPLOADING', msg('js.upload.sending', pct)));
    };
    xhr.upload.onload = () => group.forEach(e => setClientState(e.row, 'UPLOADED'));
    xhr.onload = () => {
      if (xhr.status === 202) {
        // The server's rows replace these once they are drawn, so that a file never vanishes from the list.
        refresh().then(() => group.forEach(e => e.row.remove()));
      } else {
        let detail = xhr.statusText;
        try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (ignored) { /* not JSON */ }
        group.forEach(e => setClientState(e.row, 'FAILED', msg('js.upload.failed', detail)));
      }
      done();
    };
    xhr.onerror = () => {
      group.forEach(e => setClientState(e.row, 'FAILED', msg('js.upload.failed', msg('js.upload.network'))));
      done();
    };
    xhr.send(form);
  }

  function done() {
    busy = false;
    pump();
  }

  function outcomeHtml(o, manyOutcomes) {
    const code = o.rejection === 'DUPLICATE' ? 'DUPLICATE' : o.status;
    const parts = [];
    if (manyOutcomes) {
      parts.push('<span class="entry">' + esc(o.entry) + (o.page > 0 ? ' · ' + esc(msg('js.outcome.page', o.page)) : '') + '</span>');
    }
    parts.push(badge(code, o.statusText));
    if (o.rejection === 'DUPLICATE') {
      const name = o.duplicateOfUrl
        ? '<a class="duplicate-of" href="' + esc(o.duplicateOfUrl) + '">' + esc(o.duplicateOf) + '</a>'
        : esc(o.duplicateOf);
      parts.push('<span class="message">' + msg('js.outcome.duplicate_of', name) + '</span>');
    } else if (o.message) {
      parts.push('<span class="message">' + esc(o.message) + '</span>');
    }
    if (o.status === 'NEEDS_REVIEW') {
      const notes = [];
      if (o.uncertainFields) notes.push(msg('js.outcome.uncertain', o.uncertainFields));
      if (o.failedChecks) notes.push(msg('js.outcome.failed_checks', o.failedChecks));
      parts.push('<span class="message">' + esc(notes.join('; ')) + '</span>');
    }
    if (!o.rejection && o.url) {
      parts.push('<a class="open" href="' + esc(o.url) + '">' + esc(msg('js.outcome.open')) + '</a>');
    }
    return '<div class="outcome-line">' + parts.join(' ') + '</div>';
  }

  function render(batches) {
    const rows = [];
    let unfinished = false;
    for (const b of batches) {
      for (const f of b.files) {
        let cell;
        if (f.progress === 'DONE') {
          cell = f.outcomes.length
            ? f.outcomes.map(o => outcomeHtml(o, f.outcomes.length > 1 || o.entry !== f.name)).join('')
            : '<span class="message">' + esc(msg('js.outcome.nothing')) + '</span>';
        } else {
          unfinished = unfinished || f.progress !== 'FAILED';
          cell = badge(f.progress, f.progressText);
        }
        rows.push('<tr class="file" data-name="' + esc(f.name) + '" data-file-id="' + f.id + '"><td class="name">' +
          esc(f.name) + '</td><td class="num">' + esc(H.size(f.size)) + '</td><td class="outcome">' + cell + '</td></tr>');
      }
    }
    uploadsBody.innerHTML = rows.join('');
    empty.hidden = rows.length > 0 || sending.children.length > 0;
    return unfinished;
  }

  let shown = null;
  let unfinished = true;

  async function refresh() {
    clearTimeout(pollTimer);
    try {
      const batches = await H.json('GET', '/api/uploads?limit=30');
      // Redrawn only when something changed, so that a link stays put under the pointer.
      const text = JSON.stringify(batches);
      if (text !== shown) {
        shown = text;
        unfinished = render(batches);
      }
    } catch (e) {
      if (e.status === 401) { window.location.reload(); return; }
    }
    pollTimer = setTimeout(refresh, unfinished ? FAST_POLL : SLOW_POLL);
  }

  // Folders dropped from a file manager arrive as directory entries; walk them, keeping the folder in the name.
  function readEntry(entry, out) {
    return new Promise(resolve => {
      if (entry.isFile) {
        entry.file(file => { out.push({ file, name: entry.fullPath.replace(/^\//, '') }); resolve(); }, () => resolve());
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        const all = [];
        const more = () => reader.readEntries(batch => {
          if (!batch.length) {
            Promise.all(all.map(e => readEntry(e, out))).then(resolve);
          } else {
            all.push.apply(all, batch);
            more();
          }
        }, () => resolve());
        more();
      } else {
        resolve();
      }
    });
  }

  async function dropped(dataTransfer) {
    const out = [];
    const items = dataTransfer.items ? Array.from(dataTransfer.items) : [];
    const entries = items.map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (entries.length) {
      await Promise.all(entries.map(e => readEntry(e, out)));
    } else {
      Array.from(dataTransfer.files).forEach(file => out.push({ file, name: file.name }));
    }
    add(out);
  }

  let dragDepth = 0;
  document.addEventListener('dragenter', e => { e.preventDefault(); dragDepth++; overlay.hidden = false; });
  document.addEventListener('dragleave', e => { e.preventDefault(); if (--dragDepth <= 0) { dragDepth = 0; overlay.hidden = true; } });
  document.addEventListener('dragover', e => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  document.addEventListener('drop', e => {
    e.preventDefault();
    dragDepth = 0;
    overlay.hidden = true;
    dropped(e.dataTransfer);
  });

  function picked(input) {
    add(Array.from(input.files).map(file => ({ file, name: file.webkitRelativePath || file.name })));
    input.value = '';
  }
  document.getElementById('files').addEventListener('change', e => picked(e.target));
  document.getElementById('folder').addEventListener('change', e => picked(e.target));

  window.addEventListener('beforeunload', e => {
    if (busy || waiting.length) {
      e.preventDefault();
      e.returnValue = msg('js.upload.leave');
      return e.returnValue;
    }
  });

  refresh();
})();
