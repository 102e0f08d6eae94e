// Offline reading: registers the service worker (sw.js at the site root,
// written by hooks/bantin_offline.py), says so when the network is gone, and
// on the notice page lists the pages saved on this device. Pages opened from
// disk (the offline copy) have no service worker and need none.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src); // this file is assets/javascripts/offline.js
  var web = /^https?:$/.test(location.protocol);

  if (web && "serviceWorker" in navigator) {
    // After the page has loaded: the first view downloads nothing for later.
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href).catch(function () {});
    });
  }

  function notice() {
    var bar = document.querySelector(".bt-offline-notice");
    if (web && !navigator.onLine && !bar) {
      bar = document.createElement("p");
      bar.className = "bt-offline-notice";
      bar.setAttribute("role", "status");
      bar.textContent = "Đang không có mạng: bạn vẫn đọc được các trang đã mở trên máy này.";
      var content = document.querySelector(".md-content__inner") || document.body;
      content.insertBefore(bar, content.firstChild);
    } else if (navigator.onLine && bar) {
      bar.remove();
    }
  }
  window.addEventListener("online", notice);
  window.addEventListener("offline", notice);
  notice();

  // The notice page (/ngoai-tuyen/): which page was asked for, and every
  // page saved on this device, most recently read first.
  var saved = document.getElementById("bt-offline-saved");
  if (!saved) return;
  var wanted = new URLSearchParams(location.search).get("trang");
  if (wanted && wanted.indexOf(root.href) === 0) {
    var lead = document.getElementById("bt-offline-lead");
    var p = document.createElement("p");
    var a = document.createElement("a");
    a.href = wanted;
    a.textContent = decodeURIComponent(new URL(wanted).pathname.slice(root.pathname.length)) || "Trang chủ";
    p.append("Trang bạn vừa mở: ", a);
    lead.parentNode.insertBefore(p, lead.nextSibling);
  }
  if (!("caches" in window)) return;
  // Titles end in " - <site name>", as this page's own: the list drops it.
  var suffix = document.title.slice(document.title.lastIndexOf(" - "));
  caches.open("bantin-pages").then(function (cache) {
    return cache.keys().then(function (requests) {
      requests = requests.reverse().slice(0, 200);
      return Promise.all(requests.map(function (request) {
        return cache.match(request).then(function (response) { return response.text(); }).then(function (html) {
          var title = /<title>([^<]*)<\/title>/.exec(html);
          var text = document.createElement("textarea");
          text.innerHTML = title ? title[1] : request.url; // decodes entities, runs nothing
          var name = text.value;
          if (name.length > suffix.length && name.slice(-suffix.length) === suffix) name = name.slice(0, -suffix.length);
          return { url: request.url, title: name };
        });
      }));
    });
  }).then(function (pages) {
    var list = document.createElement("ul");
    list.className = "bt-offline-list";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!pages.length) {
      var none = document.createElement("li");
      none.textContent = "Chưa có trang nào.";
      list.appendChild(none);
    }
    saved.parentNode.insertBefore(list, saved.nextSibling);
  }).catch(function () {});
})();
