/* Search in the text of pages: the excerpt under each result, around the
   query's words, marked; and search without network in the pages saved on
   this device (offline.js lists them): every word of the query must be in
   the page, accents and case aside. search-page.js uses both. */
(function () {
  "use strict";
  var WORD = /[\p{L}\p{N}]+/gu;
  function fold(s) {
    return s.replace(/Đ/g, "D").replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  /* A word's folded key, each spelling folded once: a page repeats a few
     hundred syllables thousands of times, and folding each occurrence cost
     a phone tens of milliseconds per excerpt. */
  var folded = new Map();
  function key(word) {
    var k = folded.get(word);
    if (k === undefined) {
      if (folded.size > 50000) folded.clear();
      folded.set(word, k = fold(word));
    }
    return k;
  }
  /* Words with their folded key; only those of a length in ``lengths`` if
     given (a word of composed letters folds to as many). */
  function words(text, lengths) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (!lengths || lengths[m[0].length]) out.push({ at: m.index, end: m.index + m[0].length, key: key(m[0]) });
    }
    return out;
  }
  function queryKeys(query) {
    return Array.from(new Set(words(query.normalize("NFC")).map(function (w) { return w.key; })));
  }

  /* A fragment: about ``span`` characters of ``text`` around the first
     place the query's words meet, each query word in <mark>. */
  function excerpt(text, keys, span) {
    span = span || 220;
    var lengths = {};
    keys.forEach(function (k) { lengths[k.length] = lengths[k.length + 1] = true; }); // đ, Đ: one letter either way
    var found = words(text, lengths).filter(function (w) { return keys.indexOf(w.key) >= 0; });
    var frag = document.createDocumentFragment();
    if (!found.length) return null;
    // The window holding the most different query words, the first such.
    var best = 0, most = 0;
    found.slice(0, 200).forEach(function (w, i) {
      var seen = {};
      for (var j = i; j < found.length && found[j].end <= w.at + span * 2 / 3; j++) seen[found[j].key] = 1;
      var n = Object.keys(seen).length;
      if (n > most) { most = n; best = i; }
    });
    var first = found[best];
    var start = Math.max(0, first.at - Math.floor(span / 3));
    var end = Math.min(text.length, start + span);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), first.end);
    var at = start;
    // No second ellipsis where the text has one already (a citing sentence quoted cut).
    if (start > 0 && text[start] !== "…") frag.append("… ");
    found.forEach(function (w) {
      if (w.at < at || w.end > end) return;
      frag.append(text.slice(at, w.at));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w.at, w.end);
      frag.appendChild(mark);
      at = w.end;
    });
    frag.append(text.slice(at, end));
    if (end < text.length && text[end - 1] !== "…") frag.append(" …");
    return frag;
  }

  /* The saved pages holding every word, most matches first. */
  function search(query) {
    var keys = queryKeys(query);
    if (!self.bantinSaved || !keys.length) return Promise.resolve({ hits: [], pages: 0 });
    return self.bantinSaved.pages(true).then(function (pages) {
      // not this results page itself, which holds the words searched for
      pages = pages.filter(function (p) { return new URL(p.url).pathname !== location.pathname; });
      var hits = pages.map(function (p) {
        var own = new Map();
        words(p.title + " " + p.text).forEach(function (w) { own.set(w.key, (own.get(w.key) || 0) + 1); });
        var all = keys.every(function (k) { return own.has(k); });
        var score = keys.reduce(function (sum, k) { return sum + (own.get(k) || 0); }, 0);
        var inTitle = keys.filter(function (k) { return fold(p.title).indexOf(k) >= 0; }).length;
        return all ? { page: p, score: score, inTitle: inTitle } : null;
      }).filter(Boolean).sort(function (a, b) { return (b.inTitle - a.inTitle) || (b.score - a.score); });
      return { hits: hits, pages: pages.length, keys: keys };
    });
  }

  /* The text a reader sees of a page's HTML: a directive's body, or the
     page's article; parsed inert (nothing runs). */
  var parser = new DOMParser();
  function text(html) {
    // Only the article is parsed: the header and navigation before it are
    // a third of a page's elements, and never excerpted.
    var start = html.indexOf('<article class="md-content__inner'), end = html.lastIndexOf("</article>");
    if (start >= 0 && end > start) html = html.slice(start, end + "</article>".length);
    var doc = parser.parseFromString(html, "text/html");
    var main = doc.querySelector(".bt-doc__body") || doc.querySelector(".md-content__inner");
    if (!main) return "";
    // A cited document's title and facts are the result's own line already: its excerpt is a citing sentence.
    main.querySelectorAll(".headerlink, script, .bt-summary, .bt-printed, nav, .bt-ref > h1, .bt-facts, .bt-note")
      .forEach(function (x) { x.remove(); });
    // Blocks written edge to edge ("<dt>Số hiệu</dt><dd>18-NQ/TW</dd>") are words apart on screen.
    main.querySelectorAll("p, li, dt, dd, td, th, h1, h2, h3, h4, blockquote").forEach(function (x) { x.append(" "); });
    return main.textContent.replace(/\s+/g, " ").trim();
  }

  self.bantinSearchPages = { search: search, excerpt: excerpt, keys: queryKeys, text: text };
})();
