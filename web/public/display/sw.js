// The wall display's service worker (scope /display/): the display page, its script and its style come from the
// network when it answers and from the copy wall.js keeps in the cache when it does not, so a TV restarted while
// the network is down still starts and shows the last good data (kept in localStorage by wall.js) marked 离线.
// The data itself never comes from here: wall.js decides what is current.
'use strict';
var CACHE = 'zhendi-display-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', function (e) {
  var req = e.request;
  var url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || /\/data\.json$/.test(url.pathname)) return;
  e.respondWith(fetch(req).catch(function (err) {
    return caches.open(CACHE)
      .then(function (c) { return c.match(req, { ignoreSearch: true }); })
      .then(function (hit) { if (hit) return hit; throw err; });
  }));
});
