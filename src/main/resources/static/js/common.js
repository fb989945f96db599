// Shared by the pages: messages in the interface language, CSRF-aware fetch, HTML escaping.
(function () {
  'use strict';
  const H = window.HATTAMA = window.HATTAMA || {};

  // A message by key, its {0}, {1} … filled from the arguments.
  H.msg = function (key) {
    const args = Array.prototype.slice.call(arguments, 1);
    const text = (H.messages && H.messages[key]) || key;
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  };

  H.csrf = function () {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { [header.content]: token.content } : {};
  };

  // JSON in, JSON out; a problem detail (4xx/5xx) is thrown with its status and body.
  H.json = async function (method, url, body) {
    const headers = Object.assign({ 'Accept': 'application/json' }, H.csrf());
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || response.statusText);
      error.status = response.status;
      error.body = data;
      throw error;
    }
    return data;
  };

  H.escape = function (s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
      c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  };

  // A size never breaks between its figure and its unit.
  H.size = function (bytes) {
    if (bytes < 1024) return bytes + '\u00a0B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + '\u00a0KB';
    return (bytes / 1024 / 1024).toFixed(1) + '\u00a0MB';
  };

  // A moment (ISO-8601 from the server) as the reader's language and clock write it.
  H.time = function (iso) {
    const d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    return d.toLocaleString(document.documentElement.lang || undefined,
      { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  };

  // What a page has to say, in a bar fixed to the bottom of the window, wherever the reader has scrolled to.
  // html is markup (escape what comes from data); empty hides the bar.
  H.bar = function (html, kind) {
    let bar = document.getElementById('bar');
    if (!bar) {
      bar = document.createElement('div');
      bar.id = 'bar';
      bar.setAttribute('role', 'status');
      bar.setAttribute('aria-live', 'polite');
      document.body.appendChild(bar);
    }
    bar.hidden = !html;
    bar.className = 'bar' + (kind ? ' ' + kind : '');
    bar.innerHTML = html || '';
  };

  // A message for the next page this tab opens (the page that said it is about to go).
  const LATER = 'hattama.later';
  H.later = function (text) {
    try { sessionStorage.setItem(LATER, text); } catch (e) { /* storage off: the message is lost, nothing else */ }
  };
  function sayLater() {
    let text = null;
    try { text = sessionStorage.getItem(LATER); sessionStorage.removeItem(LATER); } catch (e) { text = null; }
    // A page may name itself after the message ("… Next in the queue: Precinct № 239").
    if (text) H.bar(H.escape(text + (H.laterSuffix ? ' ' + H.laterSuffix : '')), 'ok');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sayLater);
  else sayLater();
})();
