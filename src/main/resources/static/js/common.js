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

  H.size = function (bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  };
})();
