/* The search results page (paths.SEARCH_URI, ?q=…): the hits search.js ranks, the
   documents first and the editors' guide in its own group below them;
   filters by kind, year and issuer, counted over every hit (the index's
   f.js, bantin.search_facets); and under each hit an excerpt of its page
   with the query's words marked (search-pages.js), fetched once the hits
   are drawn. Without network or index, the saved pages are searched.
   Loaded after search.js (the engine) and search-pages.js. */
(function () {
  "use strict";
  var engine = self.bantinSearch, pages = self.bantinSearchPages;
  var form = document.querySelector(".bt-search");
  if (!engine || !form) return;
  var PAGE = 10;
  var input = document.getElementById("bt-search-q");
  var status = document.getElementById("bt-search-status");
  var list = document.getElementById("bt-search-results");
  var guide = document.getElementById("bt-search-guide");
  var guideList = document.getElementById("bt-search-guide-results");
  var more = document.getElementById("bt-search-more");
  var filters = document.getElementById("bt-search-filters");
  var pick = { k: document.getElementById("bt-filter-kind"), y: document.getElementById("bt-filter-year"),
               i: document.getElementById("bt-filter-issuer") };
  var current = null, pageTitle = document.title;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function say(text) { status.textContent = text; }
  function count(n) { return n.toLocaleString("vi-VN"); }
  function shortDate(iso) {
    if (!iso) return "chưa rõ ngày";
    var p = iso.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }

  /* One result, drawn like a listing line (partials/bantin/entries.html). */
  function item(row) {
    var url = row[0], kind = row[1], number = row[2], date = row[3], title = row[4], issuer = row[5], group = row[6];
    var li = el("li", "bt-entry bt-search__hit" + (group === 1 ? " bt-entry--cited" : ""));
    var a = el("a", "bt-entry__link");
    a.href = engine.root + url;
    if (group !== 2) {
      var meta = el("span", "bt-entry__meta");
      var time = el("time", "bt-entry__date", shortDate(date));
      if (date) time.dateTime = date;
      meta.append(time, " · ", el("span", "bt-entry__kind", kind || "Văn bản"), " ");
      meta.appendChild(number ? el("span", "bt-entry__number", number) : el("span", "bt-entry__number bt-missing", "không số"));
      if (group === 1) meta.appendChild(el("span", "bt-search__cited", " · văn bản được dẫn chiếu"));
      a.appendChild(meta);
    }
    if (title) a.appendChild(el("span", "bt-entry__title", title));
    li.appendChild(a);
    if (issuer) li.appendChild(el("span", "bt-entry__issuer", issuer));
    return li;
  }

  /* The hits in the order shown: documents, then the guide; filtered. */
  function arrange(result) {
    var f = result.facets, hits = result.hits;
    if (!f) return hits;
    var chosen = ["k", "y", "i"].filter(function (key) { return pick[key].value !== ""; });
    var keep = !chosen.length ? hits : hits.filter(function (h) {
      return chosen.every(function (key) { return String(f[key][h.doc]) === pick[key].value; });
    });
    var documents = [], inGuide = [];
    keep.forEach(function (h) { (f.g[h.doc] ? inGuide : documents).push(h); });
    return documents.concat(inGuide);
  }

  var collate = new Intl.Collator("vi").compare; // localeCompare(…, "vi"), its collator made once
  /* Each filter lists the values its hits have, with how many. */
  function fill(result) {
    var f = result.facets;
    filters.hidden = !f || result.hits.length < 2;
    if (filters.hidden) return;
    var names = { k: f.kinds, i: f.issuers, y: null };
    var counts = { k: new Map(), y: new Map(), i: new Map() }, hits = result.hits;
    for (var n = 0; n < hits.length; n++) {
      for (var key in counts) {
        var v = f[key][hits[n].doc];
        if (v !== -1 && v !== 0) counts[key].set(v, (counts[key].get(v) || 0) + 1);
      }
    }
    Object.keys(pick).forEach(function (key) {
      var counted = counts[key];
      var select = pick[key];
      select.length = 1; // keeps "Tất cả"
      Array.from(counted.keys()).sort(function (a, b) { return key === "y" ? b - a : collate(names[key][a], names[key][b]); })
        .forEach(function (v) {
          select.appendChild(new Option((names[key] ? names[key][v] : v) + " (" + counted.get(v) + ")", String(v)));
        });
      select.parentNode.hidden = counted.size === 0;
    });
  }

  function show(result, from) {
    var shown = result.shown_hits.slice(from, from + PAGE);
    return engine.rows(shown).then(function (found) {
      if (current !== result) return;
      var drawing = performance.now();
      found.forEach(function (row, n) {
        var inGuide = result.facets && result.facets.g[shown[n].doc];
        var li = item(row);
        (inGuide ? guideList : list).appendChild(li);
        excerpt(li, row[0], result);
      });
      guide.hidden = !guideList.children.length;
      result.shown = from + shown.length;
      more.hidden = result.shown >= result.shown_hits.length;
      if (!from) {
        // For bench/search_budget.py: compute time is ranking plus drawing.
        result.timing.drawing = drawing;
        result.timing.shown = performance.now();
        engine.last = result;
      }
    });
  }

  /* The hit's page, fetched (three at a time) once its line is on screen
     or nearly, gives the excerpt: a phone fetches the pages of the hits the
     reader sees, not of all ten. The line is there from the start, saying
     it is on its way: the results do not move down as excerpts arrive. */
  var queue = [], busy = 0;
  var near = "IntersectionObserver" in self ? new IntersectionObserver(function (seen) {
    seen.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      near.unobserve(entry.target);
      entry.target.btExcerpt();
    });
  }, { rootMargin: "0px 0px 50% 0px" }) : null;
  function excerpt(li, url, result) {
    if (!pages || !/^https?:$/.test(location.protocol)) return; // from disk, fetch() is refused
    var p = el("span", "bt-search__excerpt bt-search__excerpt--wait", "Đang lấy đoạn trích…");
    li.insertBefore(p, li.children[1] || null);
    li.btExcerpt = function () {
      queue.push(function () {
        if (current !== result) return Promise.resolve();
        return fetch(engine.root + url).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
          if (current !== result) return;
          var cut = html && pages.excerpt(pages.text(html), result.keys);
          if (cut) { p.textContent = ""; p.classList.remove("bt-search__excerpt--wait"); p.appendChild(cut); } else p.remove();
        }).catch(function () { p.remove(); });
      });
      pump();
    };
    if (near) near.observe(li); else li.btExcerpt();
  }
  function pump() {
    while (busy < 3 && queue.length) {
      busy++;
      queue.shift()().then(function () { busy--; pump(); });
    }
  }

  function draw(result) {
    list.textContent = "";
    guideList.textContent = "";
    queue.length = 0;
    if (near) near.disconnect(); // the lines it watched are gone
    result.shown_hits = arrange(result);
    var n = result.hits.length, m = result.shown_hits.length, quoted = "“" + result.text + "”";
    if (result.telex) {
      quoted = "“" + result.telex + "”";
      say("Không tìm thấy “" + result.text + "”. Đọc như gõ kiểu Telex, tìm thấy " + count(n) + " kết quả cho " + quoted +
          (m < n ? "; đang lọc: " + count(m) + " kết quả." : "."));
    } else if (!n) say("Không tìm thấy văn bản nào cho " + quoted + ". Hãy thử ít từ hơn, hoặc gõ số hiệu văn bản.");
    else if (result.complete) say("Tìm thấy " + count(n) + " kết quả cho " + quoted + (m < n ? "; đang lọc: " + count(m) + " kết quả." : "."));
    else say("Không có trang nào chứa đủ các từ của " + quoted + "; " + count(n) + " kết quả chứa một phần" + (m < n ? ", đang lọc: " + count(m) + "." : "."));
    return show(result, 0);
  }

  function search(text) {
    text = text.trim();
    list.textContent = "";
    guideList.textContent = "";
    guide.hidden = true;
    filters.hidden = true;
    more.hidden = true;
    current = null;
    document.title = text ? "“" + text + "” – " + pageTitle : pageTitle;
    if (!text) { say(""); return Promise.resolve(); }
    say("Đang tìm…");
    list.setAttribute("aria-busy", "true");
    var facets = engine.load("f").catch(function () { return null; });
    return engine.run(plain(text)).then(function (result) {
      return asTelex(plain(text), result);
    }).then(function (result) {
      return facets.then(function (f) {
        result.facets = f;
        result.text = text;
        result.keys = pages ? pages.keys(result.telex || text) : [];
        current = result;
        Object.keys(pick).forEach(function (key) { pick[key].value = ""; });
        var drawn = draw(result); // asks for the rows of the hits shown first, then counts the filters meanwhile
        fill(result);
        return drawn;
      });
    }).catch(function () {
      return savedSearch(text);
    }).then(function () {
      list.removeAttribute("aria-busy");
      document.documentElement.setAttribute("data-bt-search", "done");
    });
  }

  /* A number pasted from a word processor or autocorrected on a phone has
     typographic dashes ("229–CV/BTGHU", U+2011 in "18‑NQ/TW"): they part a
     number as "-" does. */
  function plain(text) { return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-"); }

  /* Typed with the Vietnamese keyboard off ("tuyeen truyeenf"): when the
     text as typed finds nothing whole, the same text read as Telex
     (telex.js) is searched, and used if it finds every word. */
  function asTelex(text, result) {
    if ((result.complete && result.hits.length) || !self.bantinTelex) return result;
    var read = self.bantinTelex(text);
    if (read === text) return result;
    return engine.run(read).then(function (other) {
      if (!other.complete || !other.hits.length) return result;
      other.telex = read;
      return other;
    }, function () { return result; });
  }

  /* No index (no network, index not downloaded): the saved pages only. */
  function savedSearch(text) {
    if (!pages || !self.bantinSaved) return say("Không tải được chỉ mục tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.");
    var read = self.bantinTelex ? self.bantinTelex(text) : text;
    return pages.search(text).then(function (found) {
      if (found.hits.length || read === text) return found;
      return pages.search(read).then(function (other) { other.telex = other.hits.length > 0; return other.telex ? other : found; });
    }).then(function (found) {
      var quoted = found.telex ? "“" + read + "” (đọc “" + text + "” như gõ kiểu Telex)" : "“" + text + "”";
      say((found.hits.length ? "Tìm thấy " + count(found.hits.length) + " trang cho " + quoted : "Không tìm thấy trang nào cho " + quoted) +
        " trong " + count(found.pages) + " trang đã lưu trên máy. Đang không tải được chỉ mục tìm kiếm, nên chưa tìm trong toàn bộ kho.");
      found.hits.forEach(function (hit) {
        var li = el("li", "bt-entry bt-search__hit bt-search__hit--saved");
        var a = el("a", "bt-entry__link");
        a.href = hit.page.url;
        a.appendChild(el("span", "bt-entry__title", hit.page.title));
        li.appendChild(a);
        var cut = pages.excerpt(hit.page.text, found.keys);
        if (cut) { var p = el("span", "bt-search__excerpt"); p.appendChild(cut); li.appendChild(p); }
        li.appendChild(el("span", "bt-entry__issuer", "Bản lưu ngày " + self.bantinSaved.when(hit.page.saved)));
        list.appendChild(li);
      });
    });
  }

  engine.search = search;
  Object.keys(pick).forEach(function (key) {
    pick[key].addEventListener("change", function () { if (current) draw(current); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    } catch (e) { /* file:// may refuse; the results still show */ }
    search(input.value);
  });
  more.addEventListener("click", function () {
    if (!current) return;
    var first = current.shown;
    show(current, first).then(function () {
      var next = document.querySelectorAll(".bt-search__hit")[first]; // documents, then the guide: as arranged
      if (next) next.querySelector("a").focus();
    });
  });
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  if (q.trim()) search(q); else { input.focus(); document.documentElement.setAttribute("data-bt-search", "done"); }
})();
