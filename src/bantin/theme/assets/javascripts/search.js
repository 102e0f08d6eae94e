/* bantin search: accent-insensitive, number-aware, and it fetches only
   the index shards a query needs (search-page.js draws the results). The index format and the query logic are
   those of src/bantin/search.py (parse_query, rank): keep the two in step;
   tests/test_search_browser.py compares them. Index files are scripts that
   push onto self.bantinSearchData, so they also load from file://. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "./";
  var PAGE = 10;
  var TONES = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;
  var WORD = /[\p{L}\p{N}]+/gu;
  var SEPARATORS = /^[ \t\n\r\u00a0\-\/._\u2010-\u2015\u2212]*$/;  /* typographic dashes too */

  /* Data files push [name, data]; the first push may come before this code. */
  var store = {};
  var waiting = {};
  function put(item) {
    store[item[0]] = item[1];
    (waiting[item[0]] || []).forEach(function (w) { w.resolve(item[1]); });
    delete waiting[item[0]];
  }
  var queue = self.bantinSearchData = self.bantinSearchData || [];
  queue.forEach(put);
  queue.push = function (item) { put(item); return 0; };

  function load(name) {
    if (name in store) return Promise.resolve(store[name]);
    if (!store.meta) return Promise.reject(new Error("meta"));
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push({ resolve: resolve, reject: reject }); return; }
      waiting[name] = [{ resolve: resolve, reject: reject }];
      var el = document.createElement("script");
      el.src = root + "search/" + store.meta.version + "/" + name + ".js";
      el.async = true;
      el.onerror = el.onload = function () {
        if (name in store) return;  // loaded and pushed its data
        (waiting[name] || []).forEach(function (w) { w.reject(new Error(name)); });
        delete waiting[name];
        el.remove();
      };
      document.head.appendChild(el);
    });
  }

  function fold(s) {
    return s.replace(/Đ/g, "D").replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function variant(word) {
    if (word === fold(word)) return "";
    var tone = "", kept = "";
    for (var ch of word.normalize("NFD")) {
      if (TONES[ch]) tone = TONES[ch]; else kept += ch;
    }
    return kept.normalize("NFC") + tone;
  }
  var JOINING = /^(?:[^\S\n]*\n?[^\S\n]*|[-\/])$/;
  function joins(gap) { return JOINING.test(gap); }

  function parseQuery(text, meta) {
    text = text.normalize("NFC");
    var toks = [], end = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var lower = m[0].toLowerCase();
      toks.push([fold(lower), variant(lower), toks.length ? text.slice(end, m.index) : ""]);
      end = m.index + m[0].length;
    }
    var codes = new Set(meta.codes), known = new Set(meta.issuers);
    var digits = /^[0-9]{1,5}$/, symbol = /^[a-z][a-z0-9]*$/;
    function separated(i) { return SEPARATORS.test(toks[i][2]); }
    var words = new Map(), numbers = [], phrases = [], hints = [];
    var previous = null, i = 0;
    while (i < toks.length) {
      var term = toks[i][0], gap = toks[i][2], next = i + 1;
      if (digits.test(term) && next < toks.length && codes.has(toks[next][0]) && separated(next)) {
        var number = parseInt(term, 10) + "-" + toks[next][0], j = next + 1;
        if (j < toks.length && symbol.test(toks[j][0]) && (toks[j][2] === "/" || toks[j][2] === "-" || known.has(toks[j][0]))) {
          var sym = toks[j][0];
          j++;
          while (j < toks.length && toks[j][2] === "-" && symbol.test(toks[j][0])) { sym += toks[j][0]; j++; }
          number += "/" + sym;
        }
        numbers.push(number);
        previous = null;
        i = j;
        continue;
      }
      if (codes.has(term) && next < toks.length && digits.test(toks[next][0]) && separated(next)) {
        hints.push(parseInt(toks[next][0], 10) + "-" + term);  /* the code typed first: "HD 36", "CV-229" */
      }
      for (var k = 0; k < meta.kinds.length; k++) {
        var kind = meta.kinds[k][0].split(" "), at = i + kind.length;
        if (toks.slice(i, at).map(function (t) { return t[0]; }).join(" ") !== kind.join(" ")) continue;
        if (at < toks.length && toks[at][0] === "so") at++;
        if (at < toks.length && digits.test(toks[at][0]) &&
            !(at + 1 < toks.length && codes.has(toks[at + 1][0]) && separated(at + 1))) {
          hints.push(parseInt(toks[at][0], 10) + "-" + meta.kinds[k][1]);
        }
        break;
      }
      if (!words.has(term)) words.set(term, toks[i][1]);
      if (previous !== null && joins(gap)) phrases.push(previous + " " + term);
      previous = term;
      i = next;
    }
    function unique(xs) { return Array.from(new Set(xs)); }
    return { words: Array.from(words), numbers: unique(numbers), phrases: unique(phrases), hints: unique(hints) };
  }

  function shardOf(term, shards) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(term);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % shards;
  }
  function decode(text) {
    var out = new Int32Array(text.length), n = 0, value = 0, previous = -1, gap = -1;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      value = value * 32 + (d & 31);
      if (d < 32) {
        if (gap < 0) { gap = value; } else { previous += gap + 1; out[n++] = previous; out[n++] = value; gap = -1; }
        value = 0;
      }
    }
    return out.subarray(0, n); // flat: doc, weight, doc, weight, ...
  }
  /* The file a term lives in: its own for a common term (meta.big, sorted),
     else the shard its hash names (search.py files()). */
  var bigAt = null;
  function fileOf(term) {
    var meta = store.meta;
    if (!bigAt) { bigAt = new Map(); (meta.big || []).forEach(function (t, i) { bigAt.set(t, i); }); }
    return bigAt.has(term) ? "b" + bigAt.get(term) : "t" + shardOf(term, meta.shards);
  }
  /* A shard is "term;variant;postings;…|term;…"; a common term's own file
     is its one record. */
  var shardMaps = new Map(), decoded = new Map();
  function lookup(term) {
    if (decoded.has(term)) return decoded.get(term);
    var name = fileOf(term);
    if (!shardMaps.has(name)) {
      var map = new Map();
      (store[name] || "").split("|").forEach(function (record) {
        map.set(record.slice(0, record.indexOf(";")), record);
      });
      shardMaps.set(name, map);
    }
    var record = shardMaps.get(name).get(term), lists = [];
    if (record) {
      var fields = record.split(";");
      for (var i = 1; i < fields.length; i += 2) lists.push([fields[i], decode(fields[i + 1])]);
    }
    decoded.set(term, lists);
    return lists;
  }
  function idf(lists, n) {
    var df = 0;
    if (lists.length === 1) {
      df = lists[0][1].length / 2;
    } else {
      var seen = new Uint8Array(n);
      lists.forEach(function (l) { for (var i = 0; i < l[1].length; i += 2) seen[l[1][i]] = 1; });
      for (var j = 0; j < n; j++) df += seen[j];
    }
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /* A task boundary: a long ranking in one task would keep a phone from
     answering a tap (Lighthouse's blocking time); a message comes back
     sooner than a timer. */
  var tick = new MessageChannel(), ticks = [];
  tick.port1.onmessage = function () { ticks.shift()(); };
  function later() { return new Promise(function (resolve) { ticks.push(resolve); tick.port2.postMessage(0); }); }

  /* How many of the ascending ``sorted`` are at most ``v``. */
  function atMost(sorted, v) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* search.py rank(): the same additions in the same order, so the same
     floats; per-document state in typed arrays, as a phone needs it fast.
     One task per term, then one to sort; the caller's work in another. */
  function rank(query, n) {
    var matched = new Uint8Array(n), exact = new Uint8Array(n), hinted = new Uint8Array(n);
    var last = new Int32Array(n).fill(-1), score = new Float64Array(n);
    var required = query.words.concat(query.numbers.map(function (x) { return [x, ""]; }));
    function add(req, t) {
      var v = req[1], lists = lookup(req[0]), weight = idf(lists, n);
      lists.forEach(function (l) {
        var same = v !== "" && l[0] === v, p = l[1];
        for (var i = 0; i < p.length; i += 2) {
          var doc = p[i];
          if (last[doc] !== t) { matched[doc]++; last[doc] = t; }
          if (same) exact[doc]++;
          score[doc] += weight * p[i + 1];
        }
      });
    }
    var optional = query.phrases.map(function (t) { return [false, t]; })
      .concat(query.hints.map(function (t) { return [true, t]; }));
    function addOptional(opt, t) {
      var lists = lookup(opt[1]), weight = idf(lists, n), mark = required.length + t;
      lists.forEach(function (l) {
        var p = l[1];
        for (var i = 0; i < p.length; i += 2) {
          var doc = p[i];
          if (!matched[doc]) continue;
          score[doc] += weight * p[i + 1];
          if (opt[0] && last[doc] !== mark) { last[doc] = mark; hinted[doc]++; }
        }
      });
    }
    function sorted() {
      var best = 0, d;
      for (d = 0; d < n; d++) if (matched[d] > best) best = matched[d];
      var complete = best > 0 && best === required.length;
      /* The order of search.py: matched, exact, hinted (one integer),
         score (all descending), document. */
      var counts = new Int32Array(n), order = [];
      for (d = 0; d < n; d++) {
        if (!matched[d] || (complete && matched[d] !== best)) continue;
        counts[d] = matched[d] * 65536 + exact[d] * 256 + hinted[d];
        order.push(d);
      }
      var m = order.length;
      if (m * m * n < 9007199254740992) {
        /* A sort with a comparator (60,000 calls for 5,000 hits) was most of
           a phone's ranking: instead each hit gets one exact integer key,
           (hits counting more, hits scoring more, document), and the keys
           are sorted natively. Ties keep equal ranks, so the order is the
           comparator's. */
        var countsSorted = new Float64Array(m), scoresSorted = new Float64Array(m), keys = new Float64Array(m), i;
        for (i = 0; i < m; i++) { countsSorted[i] = counts[order[i]]; scoresSorted[i] = score[order[i]]; }
        countsSorted.sort();
        scoresSorted.sort();
        for (i = 0; i < m; i++) {
          d = order[i];
          keys[i] = ((m - atMost(countsSorted, counts[d])) * m + (m - atMost(scoresSorted, score[d]))) * n + d;
        }
        keys.sort();
        for (i = 0; i < m; i++) order[i] = keys[i] % n;
      } else {
        order.sort(function (x, y) { return (counts[y] - counts[x]) || (score[y] - score[x]) || (x - y); });
      }
      var hits = order.map(function (doc) {
        return { doc: doc, matched: matched[doc], exact: exact[doc], hinted: hinted[doc], score: score[doc] };
      });
      return { hits: hits, complete: complete };
    }
    var steps = required.map(function (req, t) { return function () { add(req, t); }; })
      .concat(optional.map(function (opt, t) { return function () { addOptional(opt, t); }; }));
    return steps.reduce(function (done, step) {
      return done.then(function () { step(); return later(); });
    }, Promise.resolve()).then(sorted).then(function (result) {
      return later().then(function () { return result; }); // what the page does with it, in a task of its own
    });
  }

  function terms(query) {
    return Array.from(new Set(query.words.map(function (w) { return w[0]; })
      .concat(query.numbers, query.phrases, query.hints)));
  }

  /* Parse, fetch the shards the terms live in, rank. */
  function run(text) {
    if (!store.meta) return Promise.reject(new Error("meta"));
    var meta = store.meta, query = parseQuery(text, meta);
    var shards = new Set(terms(query).map(fileOf));
    var started = performance.now();
    return Promise.all(Array.from(shards, load)).then(function () {
      var loaded = performance.now();
      return rank(query, meta.docs).then(function (result) {
        result.query = query;
        result.timing = { started: started, loaded: loaded, ranked: performance.now() };
        return result;
      });
    });
  }
  function rows(hits) {
    var chunks = new Set(hits.map(function (h) { return "d" + Math.floor(h.doc / store.meta.chunk); }));
    return Promise.all(Array.from(chunks, load)).then(function () {
      return hits.map(function (h) { return store["d" + Math.floor(h.doc / store.meta.chunk)][h.doc % store.meta.chunk]; });
    });
  }

  /* The results page (search-page.js) draws what this finds. */
  self.bantinSearch = {
    run: run, rows: rows, load: load, root: root,
    parseQuery: function (t) { return parseQuery(t, store.meta); }
  };
})();
