/* Printing. The line at the foot of a printout gets the day it is printed.
   The monthly bulletin's contents get page numbers: CSS target-counter()
   would say it, but Chromium does not implement it, and a paged-media
   polyfill (Paged.js) would redraw the whole page on screen for one list.
   Instead this pass lays the page out with its print styles for a moment
   and counts pages: the cover is page 1 and every document starts a new
   page (bantin.css), so a document's first page is the pages before it
   plus one. Run before each print only: laying a month of directives out
   twice costs a phone seconds, and the numbers mean nothing on screen. */
(function () {
  "use strict";
  var MM = 96 / 25.4; // CSS px per millimetre
  var PAGE_HEIGHT = (297 - 40) * MM, PAGE_WIDTH = (210 - 45) * MM; // A4 less the official margins

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function stamp() {
    var d = new Date();
    document.querySelectorAll(".bt-printed__date").forEach(function (el) {
      el.textContent = two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
    });
  }

  /* Run ``measure`` with the print rules in force and the screen rules off,
     the page as wide as the paper's text; then put everything back. No
     frame is drawn in between. */
  function asPrinted(measure) {
    var changed = [], blocked = false;
    function walk(rules) {
      Array.prototype.forEach.call(rules, function (rule) {
        if (rule.media && rule.cssRules) {
          var text = rule.media.mediaText;
          var print = /\bprint\b/.test(text), screen = /\bscreen\b/.test(text);
          if (print !== screen) { changed.push([rule, text]); rule.media.mediaText = print ? "all" : "not all"; }
          walk(rule.cssRules);
        }
      });
    }
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      // A page opened from disk may not read its own rules: then no numbers
      // rather than wrong ones.
      try { walk(sheet.cssRules); } catch (e) { blocked = true; }
    });
    var root = document.documentElement, width = root.style.width;
    root.style.width = PAGE_WIDTH + "px";
    try { return blocked ? null : measure(); } finally {
      root.style.width = width;
      changed.forEach(function (c) { c[0].media.mediaText = c[1]; });
    }
  }

  /* Pages a block runs over when it starts a page: its parts are laid out
     in turn; one that does not fit starts the next page, whole if it must
     stay whole (or would leave fewer than two lines behind), else from the
     first line that does not fit. */
  function pagesOf(block) {
    var pageTop = block.getBoundingClientRect().top, pages = 1;
    parts(block).forEach(function (part) {
      var box = part.getBoundingClientRect(), style = getComputedStyle(part);
      var line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
      var whole = style.breakInside === "avoid" || style.breakInside === "avoid-page";
      var moved = false;
      while (box.bottom - pageTop > PAGE_HEIGHT + 0.5) {
        pages++;
        var room = pageTop + PAGE_HEIGHT - box.top;
        if (room <= 0 || (!moved && (whole || room < 2 * line))) pageTop = box.top;
        else pageTop = box.top + Math.max(1, Math.floor(room / line)) * line;
        moved = true;
      }
    });
    return pages;
  }
  /* The pieces of a block that print in order: paragraphs, list items, table rows. */
  function parts(block) {
    var out = [];
    (function into(el) {
      Array.prototype.forEach.call(el.children, function (child) {
        var style = getComputedStyle(child);
        if (style.display === "none") return;
        var split = /^(DIV|SECTION|ARTICLE|HEADER|FOOTER|NAV|UL|OL|TABLE|TBODY|BLOCKQUOTE)$/.test(child.tagName) &&
          style.breakInside !== "avoid" && child.children.length;
        if (split) into(child); else out.push(child);
      });
    })(block);
    return out;
  }

  function number() {
    var toc = document.querySelector(".bt-bulletin__toc");
    if (!toc) return;
    var links = toc.querySelectorAll("ol > li > a[href^='#']");
    var starts = asPrinted(function () {
      var page = 1 + pagesOf(toc) + 1; // the cover, the contents, then the first document
      var at = {};
      document.querySelectorAll(".bt-bulletin__doc, .bt-bulletin__slogans").forEach(function (block) {
        var anchor = block.querySelector("[id]");
        if (block.id) at[block.id] = page;
        if (anchor) at[anchor.id] = page;
        page += pagesOf(block);
      });
      return at;
    });
    links.forEach(function (a) {
      var page = starts && starts[decodeURIComponent(a.getAttribute("href").slice(1))];
      var slot = a.querySelector(".bt-bulletin__toc-page");
      if (!slot) { slot = document.createElement("span"); slot.className = "bt-bulletin__toc-page"; a.appendChild(slot); }
      slot.textContent = page ? "trang " + page : "";
    });
  }

  window.addEventListener("beforeprint", function () { stamp(); number(); });
  /* The print buttons (a directive's summary, the bulletin's print page):
     on a phone the browser's own print command is three taps deep. */
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-bt-print-page]")) window.print();
  });
  stamp();
})();
