{#- The service worker, rendered as sw.js at each build (bantin.mkdocs.offline). -#}
// bantin service worker: the theme's bantin/sw.js, rendered as sw.js at each
// build with SETTINGS filled in (see bantin.mkdocs.offline).
"use strict";
const SETTINGS = {{ settings }};
const BASE = new URL("./", self.location);
const SHELL = "bantin-shell-" + SETTINGS.version;
const ASSETS = "bantin-assets-" + SETTINGS.version; // other files, as loaded
const SEARCH = "bantin-search-" + SETTINGS.searchVersion;
const PAGES = "bantin-pages"; // pages as read or saved: kept across versions
const MAX_PAGES = 500;
const PATIENCE = 3000; // ms to wait for the network before showing a saved page
const SAVED = "x-bantin-saved"; // header on a saved page: when it was saved

const here = (rel) => new URL(rel, BASE).href;
// Past the HTTP cache: a file that kept its name must still arrive fresh.
const fresh = (rel) => new Request(here(rel), { cache: "reload" });

const SEARCH_FILES = new Set(SETTINGS.search.map(here));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL)).addAll(SETTINGS.shell.map(fresh));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL, ASSETS, SEARCH, PAGES]);
    for (const key of await caches.keys()) {
      if (key.startsWith("bantin-") && !keep.has(key)) await caches.delete(key);
    }
    await self.clients.claim();
    // The visit that installed this worker was not seen by it: keep the
    // pages open now, so the page being read is there offline.
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    await Promise.all(open.map((client) => keepIfNew(client.url)));
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(BASE.href)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else {
    event.respondWith(asset(event));
  }
});

// Messages from offline.js; each answers on the port it was given.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  const answer = (value) => port && port.postMessage(value);
  let work;
  if (data.type === "keep") work = Promise.all((data.urls || []).map(keepIfNew));
  else if (data.type === "save") work = saveAll(data.urls || [], answer);
  else if (data.type === "status") work = status().then(answer);
  else if (data.type === "index") work = wholeIndex(answer);
  if (work) event.waitUntil(work.catch(() => answer({ error: true })));
});

// "x/index.html" and "x/" are one page.
function pageKey(url) {
  const u = new URL(url);
  u.hash = "";
  u.search = "";
  if (u.pathname.endsWith("/index.html") && SETTINGS.notice.endsWith("/")) {
    u.pathname = u.pathname.slice(0, -"index.html".length);
  }
  return u.href;
}

function isPage(url) {
  const u = new URL(url, BASE);
  return u.href.startsWith(BASE.href) && (u.pathname.endsWith("/") || u.pathname.endsWith(".html")) &&
    pageKey(u.href) !== here(SETTINGS.notice);
}

async function page(event) {
  const key = pageKey(event.request.url);
  const saved = caches.match(key);
  // Past the HTTP cache (asked to revalidate), else its copy would pass for
  // the current text; a redirect goes back to the browser, as for any page.
  const network = fetch(event.request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" }).then((response) => {
    if (response.ok && response.type === "basic") event.waitUntil(remember(key, response.clone()));
    return response;
  });
  network.catch(() => {});
  const patience = new Promise((resolve) => setTimeout(resolve, PATIENCE));
  try {
    // A saved copy waits only so long for the network; none waits for it.
    const first = await Promise.race([network, patience.then(() => saved)]);
    if (first) return first === await saved ? marked(first) : first;
    return await network;
  } catch (error) {
    const copy = await saved;
    if (copy) return marked(copy);
    const notice = new URL(SETTINGS.notice, BASE);
    notice.searchParams.set("trang", event.request.url);
    return Response.redirect(notice.href, 302);
  }
}

// A saved copy says so: offline.js reads this tag and tells the reader
// the copy's date (the shell's pages carry the server's Date header).
async function marked(response) {
  const when = response.headers.get(SAVED) || new Date(response.headers.get("date") || Date.now()).toISOString();
  const html = (await response.text()).replace(/<head[^>]*>/i,
    (head) => head + '<meta name="bantin-saved" content="' + when.replace(/[^0-9A-Za-z:.+-]/g, "") + '">');
  const headers = new Headers(response.headers);
  headers.delete("content-length"); // the tag made it longer
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

async function remember(key, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  const body = await response.blob();
  const cache = await caches.open(PAGES);
  await cache.delete(key); // read again: now the most recent
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  const keys = await cache.keys();
  // Oldest first: forget the pages read longest ago.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((k) => cache.delete(k)));
}

async function save(url) {
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok || response.type !== "basic") throw new Error(url);
  await remember(pageKey(url), response);
}

// The page that installed the worker is kept twice over (activate, and
// offline.js's "keep" message): one download while one is on its way.
const keeping = new Map();
function keepIfNew(url) {
  if (!isPage(url)) return Promise.resolve();
  const key = pageKey(url);
  if (!keeping.has(key)) {
    keeping.set(key, (async () => {
      const cache = await caches.open(PAGES);
      if (!(await cache.match(key))) await save(url).catch(() => {});
    })().finally(() => keeping.delete(key)));
  }
  return keeping.get(key);
}

// The reader asked to keep these pages: three at a time, telling how far.
async function saveAll(urls, answer) {
  const todo = [...new Set(urls.filter(isPage).map(pageKey))];
  let done = 0, failed = 0;
  const next = async () => {
    while (todo.length) {
      const url = todo.shift();
      await save(url).catch(() => { failed++; });
      done++;
      answer({ done, failed, total: done + todo.length });
    }
  };
  await Promise.all([next(), next(), next()]);
  answer({ done, failed, total: done, finished: true });
}

async function asset(event) {
  const hit = await caches.match(event.request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(event.request);
  // What pages load (styles, scripts, fonts, images) is kept; a page's own
  // fetch() (search excerpts read other pages) is not: it is no saved page.
  if (response.ok && response.type === "basic" && event.request.destination !== "") {
    const copy = response.clone();
    const search = SEARCH_FILES.has(event.request.url.split("?")[0]);
    event.waitUntil(caches.open(search ? SEARCH : ASSETS).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}

async function status() {
  const cache = await caches.open(SEARCH);
  const have = new Set((await cache.keys()).map((r) => r.url));
  const pages = await (await caches.open(PAGES)).keys();
  return {
    pages: pages.length,
    searchBytes: SETTINGS.searchBytes,
    searchFiles: SETTINGS.search.length,
    searchSaved: SETTINGS.search.filter((rel) => have.has(here(rel))).length,
  };
}

// The reader asked for the whole search index: six files at a time (a
// common word has a file of its own: at 5,000 directives some 1,600 files,
// and one at a time a slow network spent minutes waiting between them).
async function wholeIndex(answer) {
  const cache = await caches.open(SEARCH);
  const have = new Set((await cache.keys()).map((r) => r.url));
  const todo = SETTINGS.search.slice();
  let failed = 0;
  const next = async () => {
    while (todo.length) {
      const rel = todo.shift();
      if (!have.has(here(rel))) await cache.add(fresh(rel)).catch(() => { failed++; });
      answer({ progress: true });
    }
  };
  await Promise.all([next(), next(), next(), next(), next(), next()]);
  answer({ ...(await status()), failed, finished: true });
}

