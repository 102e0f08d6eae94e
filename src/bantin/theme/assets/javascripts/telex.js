/* What a reader typed with the Vietnamese keyboard off, or half on: Telex
   keys left as letters ("tuyeen truyeenf", "sawps xeeps booj mays") read as
   the marks they stand for ("tuyên truyền", "sắp xếp bộ máy"). search-page.js
   tries this only when the text as typed finds nothing whole. Parts of a
   document number (touching a digit, "/" or "-": "NQ/TW") and words in
   capitals are left alone. */
(function () {
  "use strict";
  var TONE_KEYS = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
  var VOWEL = /[aăâeêioôơuưy]/;
  var HATTED = /[ăâêôơư]/;

  /* Where the tone mark goes: on the hatted vowel (the second of "ươ"), on
     the last vowel before a final consonant, else on the middle of three or
     the first of two ("mái", but "hoà", "thuý" as the new rule writes them). */
  function placeTone(word, mark) {
    var start = /^(qu|gi(?=[aăâeêoôơuưy]))/.test(word) ? 2 : 0;
    var m = /[aăâeêioôơuưy]+/.exec(word.slice(start));
    if (!m) return word;
    var from = start + m.index, cluster = m[0], end = from + cluster.length, at;
    var hatted = -1;
    for (var i = 0; i < cluster.length; i++) if (HATTED.test(cluster[i])) hatted = i;
    if (hatted >= 0) at = hatted;
    else if (end < word.length || cluster.length === 1) at = cluster.length - 1;
    else if (cluster.length === 3) at = 1;
    else at = /^(oa|oe|uy)$/.test(cluster) ? 1 : 0;
    return (word.slice(0, from + at + 1) + mark + word.slice(from + at + 1)).normalize("NFC");
  }

  function word(typed) {
    var w = typed.toLowerCase(), mark = "";
    var last = w.charAt(w.length - 1);
    // A Vietnamese syllable never ends in s f r x j: there it is a tone key.
    if (TONE_KEYS[last] && /[aeiouyw]/.test(w.slice(0, -1))) { mark = TONE_KEYS[last]; w = w.slice(0, -1); }
    w = w.replace(/dd/g, "đ").replace(/uwow|uow|uwo/g, "ươ").replace(/ow/g, "ơ")
      .replace(/aa/g, "â").replace(/ee/g, "ê").replace(/oo/g, "ô").replace(/aw/g, "ă").replace(/uw/g, "ư").replace(/w/g, "ư");
    if (!VOWEL.test(w)) return typed;  // not a syllable: a code, an abbreviation
    w = mark ? placeTone(w, mark) : w;
    return w === typed.toLowerCase() ? typed : w;
  }

  /* The text with each Telex-looking word read as Telex; the rest as typed. */
  self.bantinTelex = function (text) {
    return text.normalize("NFC").replace(/\p{L}+/gu, function (w, at, all) {
      if (/[\d\/\-]/.test(all.charAt(at - 1)) || /[\d\/\-]/.test(all.charAt(at + w.length))) return w;
      if (w !== w.normalize("NFD").replace(/\p{M}/gu, "")) return w;  // marked already: typed with the keyboard on
      if (w.length > 1 && w === w.toUpperCase()) return w;  // capitals: an abbreviation ("TW", "OR"), not Telex
      return word(w);
    });
  };
})();
