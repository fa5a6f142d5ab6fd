// Wall display (阵地展示屏): rotates the panels of /display/<token>/data.json, refreshes them every few minutes,
// keeps the last good data in localStorage and shows it with a "离线" mark while the network is down. Where
// service workers run (https, or the loopback address), sw.js serves this page from a cached copy when the
// server cannot be reached, so a TV restarted during an outage starts too.
// Plain script (no inline code, so the page works under the site's CSP). Query options for testing and
// tuning: ?rotate=<seconds per screen, default 15>&refresh=<seconds between fetches, default from the server>.
(function () {
  'use strict';
  var token = location.pathname.split('/')[2] || '';
  var params = new URLSearchParams(location.search);
  var rotateMs = Math.max(2, Number(params.get('rotate')) || 15) * 1000;
  var refreshOverride = Number(params.get('refresh')) || 0;
  var storeKey = 'zhendi-display:' + token;
  var wall = document.getElementById('wall');
  var pager = document.getElementById('pager');
  var offlineMark = document.getElementById('offline');
  var clock = document.getElementById('clock');
  var data = null;
  var screens = [];
  var index = -1;
  var rotateTimer = null;
  var refreshTimer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // About how many text rows fit in a screen and how many characters fill a row at the CSS sizes above.
  var ROWS = 11;
  var PER_ROW = 36;
  function rowsOf(line) { return Math.max(1, Math.ceil(line.length / PER_ROW)); }

  /** Splits each panel into screens of lines that fit, keeping the panel's title on each. */
  function buildScreens(panels) {
    var out = [];
    panels.forEach(function (p) {
      var chunk = [];
      var rows = 0;
      p.lines.forEach(function (line) {
        var r = rowsOf(line);
        if (chunk.length && rows + r > ROWS) { out.push({ panel: p, lines: chunk }); chunk = []; rows = 0; }
        chunk.push(line); rows += r;
      });
      if (chunk.length) out.push({ panel: p, lines: chunk });
    });
    return out;
  }

  function show(i) {
    if (!screens.length) return;
    index = i % screens.length;
    var s = screens[index];
    var kind = s.panel.kind;
    var section = el('section', 'panel ' + kind + (kind === 'oath' || kind === 'flag' || kind === 'purpose' ? '' : ' light') +
      (['articles', 'notices', 'study', 'committee', 'disclosure'].indexOf(kind) >= 0 ? ' list' : ''));
    section.setAttribute('data-kind', kind);
    section.appendChild(el('h1', 'title', s.panel.title));
    var lines = el('div', 'lines');
    s.lines.forEach(function (l) { lines.appendChild(el('p', '', l)); });
    section.appendChild(lines);
    if (s.panel.source) section.appendChild(el('p', 'source', '—— ' + s.panel.source));
    wall.replaceChildren(section);
    pager.textContent = (index + 1) + ' / ' + screens.length;
  }

  function apply(d) {
    data = d;
    screens = buildScreens(d.panels || []);
    document.getElementById('org').textContent = d.org.name;
    if (index < 0 || index >= screens.length) show(0);
  }

  function setOffline(off) {
    offlineMark.hidden = !off;
    document.body.setAttribute('data-offline', off ? '1' : '0');
  }

  function load() {
    var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    var timeout = setTimeout(function () { if (ctrl) ctrl.abort(); }, 20000);
    return fetch('/display/' + encodeURIComponent(token) + '/data.json', { cache: 'no-store', credentials: 'omit', signal: ctrl ? ctrl.signal : undefined })
      .then(function (r) {
        if (r.status === 404) { forgetShell().then(function () { location.reload(); }); throw new Error('revoked'); }
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (d) {
        try { localStorage.setItem(storeKey, JSON.stringify({ savedAt: Date.now(), data: d })); } catch (e) { /* storage full or off */ }
        setOffline(false);
        apply(d);
        keepShell();
      })
      .catch(function () {
        setOffline(true);
        if (!data) {
          try {
            var saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
            if (saved && saved.data) apply(saved.data);
          } catch (e) { /* nothing saved */ }
        }
      })
      .then(function () {
        clearTimeout(timeout);
        var every = refreshOverride || (data && data.refreshSeconds) || 180;
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(load, Math.max(5, every) * 1000);
      });
  }

  // The page, its script and its style for sw.js to fall back on; refreshed after each good load.
  var SHELL_CACHE = 'zhendi-display-v1'; // the cache sw.js reads
  var shellKept = false;
  function keepShell() {
    if (shellKept || !window.caches || !navigator.serviceWorker) return;
    shellKept = true;
    caches.open(SHELL_CACHE)
      .then(function (c) { return c.addAll([location.pathname + location.search, '/display/assets/wall.js', '/display/assets/wall.css']); })
      .catch(function () { shellKept = false; });
  }
  // A revoked token: the cached page must not bring the display back.
  function forgetShell() {
    return window.caches ? caches.delete(SHELL_CACHE).catch(function () {}) : Promise.resolve();
  }

  function tick() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    clock.textContent = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()) + ' ' + pad(now.getHours()) + ':' + pad(now.getMinutes());
  }

  if (navigator.serviceWorker) navigator.serviceWorker.register('/display/assets/sw.js', { scope: '/display/' }).catch(function () { /* plain http: no cold start offline */ });
  window.addEventListener('offline', function () { setOffline(true); });
  window.addEventListener('online', function () { load(); });
  tick();
  setInterval(tick, 10000);
  rotateTimer = setInterval(function () { show(index + 1); }, rotateMs);
  load();
})();
