// Offline reading: registers the service worker (sw.js at the site root,
// rendered by bantin.mkdocs.offline from the theme's bantin/sw.js) and tells the
// reader the truth about it:
// - a saved copy shown offline (or on a slow network) says so, with its date;
// - "Lưu để đọc khi không có mạng" saves the pages this page links to;
// - the notice page (paths.OFFLINE_NOTICE_URI) lists what is really saved here;
// - search without network looks through the saved pages (bantinSaved
//   below, used by search.js), and the whole index is fetched only when the
//   reader asks (#bt-offline-index), its size shown first.
// Pages opened from disk (the offline copy) have no service worker and need none.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src); // this file is assets/javascripts/offline.js
  var web = /^https?:$/.test(location.protocol);
  var worker = web && "serviceWorker" in navigator;
  var content = document.querySelector(".md-content__inner") || document.body;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "";
    return two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear() + " lúc " + two(d.getHours()) + ":" + two(d.getMinutes());
  }
  function size(bytes) {
    return bytes < 1e6 ? Math.max(1, Math.round(bytes / 1e3)) + " KB" : (bytes / 1e6).toFixed(1).replace(".", ",") + " MB";
  }
  // Ask the worker; each reply goes to onReply, the last one resolves.
  function ask(message, onReply) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (onReply) onReply(event.data);
          if (!onReply || event.data.finished || event.data.error) resolve(event.data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }
  function pageUrl(href) {
    var u = new URL(href, location.href);
    u.hash = "";
    u.search = "";
    return u;
  }

  if (worker) {
    // After the page has loaded: the first view downloads nothing for later.
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href).catch(function () {});
      // This visit installs the worker or came before it controlled pages:
      // the worker keeps this page too, so it reads offline from now on.
      if (!navigator.serviceWorker.controller) {
        navigator.serviceWorker.ready.then(function (r) {
          r.active.postMessage({ type: "keep", urls: [location.href] });
        });
      }
    });
  }

  // --- the notice at the top: offline, or a saved copy ---------------------
  // The notice page and the search page are the same in every copy: only
  // whether the network is there matters to them.
  var saved = !document.getElementById("bt-offline-saved") && !document.getElementById("bt-search-q") &&
    document.querySelector('meta[name="bantin-saved"]');
  function notice() {
    var bar = document.querySelector(".bt-offline-notice");
    var text = "";
    if (saved) {
      text = (navigator.onLine ? "Mạng chậm nên đây là bản lưu" : "Đang không có mạng: đây là bản lưu") +
        " trên máy ngày " + when(saved.content) + ", có thể chưa có những sửa đổi sau ngày đó." +
        (navigator.onLine ? " Tải lại trang để xem bản mới nhất." : "");
    } else if (web && !navigator.onLine) {
      text = "Đang không có mạng: bạn vẫn đọc được các trang đã lưu trên máy này.";
    }
    if (text && !bar) {
      bar = el("p", "bt-offline-notice");
      bar.setAttribute("role", "status");
      content.insertBefore(bar, content.firstChild);
    }
    if (bar && text) bar.textContent = text;
    else if (bar) bar.remove();
  }
  window.addEventListener("online", notice);
  window.addEventListener("offline", notice);
  notice();

  // --- "Lưu để đọc khi không có mạng" ---------------------------------------
  // The button is drawn before the first paint (partials/bantin/save-box.html);
  // here it gets its work.
  var notice_page = document.getElementById("bt-offline-saved");
  var manifest = document.querySelector("link[rel=manifest]"); // data-bt-notice: from the site root
  var noticeUrl = manifest && new URL(manifest.getAttribute("data-bt-notice") || ".", root).href;
  function isPage(u) {
    return u.href.indexOf(root.href) === 0 && /(\/|\.html)$/.test(u.pathname) && u.href !== noticeUrl;
  }
  var drawn = self.bantinSave;
  if (worker && drawn) {
    var here = drawn.here, targets = drawn.targets;
    var button = drawn.box.querySelector(".bt-save__button"), said = drawn.box.querySelector(".bt-save__status");
    button.addEventListener("click", function () {
      button.disabled = true;
      said.textContent = "Đang lưu…";
      ask({ type: "save", urls: [here].concat(targets) }, function (m) {
        if (m.error) { said.textContent = "Không lưu được: hãy thử lại khi có mạng."; button.disabled = false; return; }
        if (!m.finished) { said.textContent = "Đang lưu " + m.done + "/" + m.total + " trang…"; return; }
        var ok = m.done - m.failed;
        said.textContent = "Đã lưu " + ok + " trang để đọc khi không có mạng." +
          (m.failed ? " Không lưu được " + m.failed + " trang: hãy thử lại khi có mạng." : "");
        button.disabled = !m.failed;
      });
    });
  }

  // --- search without network ----------------------------------------------
  var index = document.getElementById("bt-offline-index");
  if (worker && index) {
    var line = el("p", "bt-offline-index", "");
    line.setAttribute("role", "status");
    index.replaceWith(line);
    var show = function (s) {
      line.textContent = "";
      if (s.searchFiles && s.searchSaved === s.searchFiles) {
        line.textContent = "Đã tải chỉ mục tìm kiếm đầy đủ: khi không có mạng vẫn tìm được trong toàn bộ kho.";
        return;
      }
      line.append("Khi không có mạng, tìm kiếm chỉ tìm trong " + s.pages + " trang đã lưu trên máy. ");
      var get = el("button", "bt-save__button", "Tải chỉ mục tìm kiếm đầy đủ (" + size(s.searchBytes) + ")");
      get.type = "button";
      get.addEventListener("click", function () {
        get.disabled = true;
        get.textContent = "Đang tải chỉ mục tìm kiếm…";
        ask({ type: "index" }, function (m) {
          if (m.finished && m.failed) { get.disabled = false; get.textContent = "Chưa tải xong, hãy thử lại khi có mạng (" + size(s.searchBytes) + ")"; }
          else if (m.finished) show(m);
        });
      });
      line.appendChild(get);
    };
    ask({ type: "status" }).then(show);
  }

  // Titles end in " - <site name>", as this page's own: lists drop it.
  var cut = document.title.lastIndexOf(" - ");
  var suffix = cut < 0 ? "\u0000" : document.title.slice(cut);
  function bare(title) {
    return title.length > suffix.length && title.slice(-suffix.length) === suffix ? title.slice(0, -suffix.length) : title;
  }
  // Saved pages, as {url, title, text, saved}, most recently saved first;
  // with the shell's pages (home, timeline, slogans…) if ``shell``.
  function savedPages(shell) {
    if (!("caches" in window)) return Promise.resolve([]);
    var parser = new DOMParser(), seen = {};
    return caches.keys().then(function (names) {
      names = names.filter(function (n) { return n === "bantin-pages" || (shell && n.indexOf("bantin-shell-") === 0); });
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.reverse().filter(function (r) { return isPage(new URL(r.url)); }).map(function (r) {
              return cache.match(r).then(function (response) {
                return response.text().then(function (html) {
                  var doc = parser.parseFromString(html, "text/html"); // inert: runs nothing
                  var main = doc.querySelector(".md-content__inner");
                  if (main) main.querySelectorAll(".headerlink, script").forEach(function (x) { x.remove(); });
                  return { url: r.url, title: bare(doc.title),
                           text: main ? main.textContent.replace(/\s+/g, " ").trim() : "",
                           saved: response.headers.get("x-bantin-saved") || response.headers.get("date") };
                });
              });
            }));
          });
        });
      }));
    }).then(function (lists) {
      return [].concat.apply([], lists).filter(function (p) { return !seen[p.url] && (seen[p.url] = true); });
    });
  }
  self.bantinSaved = { pages: savedPages, when: when };

  // --- the notice page: what was asked for, what is saved ------------------
  if (!notice_page) return;
  var wanted = new URLSearchParams(location.search).get("trang");
  if (wanted && wanted.indexOf(root.href) === 0) {
    var lead = document.getElementById("bt-offline-lead");
    var p = el("p"), a = el("a");
    a.href = wanted;
    a.textContent = decodeURIComponent(new URL(wanted).pathname.slice(root.pathname.length)) || "Trang chủ";
    p.append("Trang bạn vừa mở: ", a);
    lead.parentNode.insertBefore(p, lead.nextSibling);
  }
  if (!("caches" in window)) return;
  // Only what is really saved stays in the list of what reads offline.
  var readable = document.querySelectorAll("#bt-offline-readable + ul > li");
  readable.forEach(function (li) {
    var link = li.querySelector("a");
    caches.match(pageUrl(link.href).href).then(function (hit) { if (!hit) li.remove(); });
  });
  savedPages(false).then(function (pages) {
    var list = el("ul", "bt-offline-list");
    pages.slice(0, 200).forEach(function (page) {
      var item = el("li"), link = el("a", "", page.title || page.url);
      link.href = page.url;
      item.append(link, el("span", "bt-offline-list__date", " · lưu ngày " + when(page.saved)));
      list.appendChild(item);
    });
    if (!pages.length) list.appendChild(el("li", "", "Chưa có trang nào."));
    notice_page.parentNode.insertBefore(list, notice_page.nextSibling);
  }).catch(function () {});
})();
