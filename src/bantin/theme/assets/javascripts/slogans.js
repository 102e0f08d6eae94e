// Slogans page: a copy button on each slogan, and the banner print mode that
// prints one slogan per A4 landscape page in large type for hanging. Nothing
// here needs the network, so both work offline. Without this script the page
// is a complete list (the buttons stay hidden).
(function () {
  "use strict";
  var root = document.querySelector(".bt-sl");
  if (!root) return;
  var html = document.documentElement;
  var bar = root.querySelector("[data-bt-banner-bar]");
  var status = root.querySelector(".bt-sl__status");

  // Older browsers, and pages opened from disk in some, have no async
  // clipboard: select the text and use the copy command. If even that fails
  // the text stays selected, for the reader to copy by hand.
  function copyBySelection(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(button) {
    var node = button.parentNode.querySelector(".bt-sl__text");
    function done(ok) {
      var message = ok ? "Đã chép" : "Đã chọn, hãy chép";
      button.textContent = message;
      status.textContent = message + ": " + node.textContent;
      setTimeout(function () { button.textContent = "Sao chép"; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(node.textContent).then(
        function () { done(true); },
        function () { done(copyBySelection(node)); });
    } else {
      done(copyBySelection(node));
    }
  }

  function setQuery(slug) {
    var params = new URLSearchParams(location.search);
    params.delete("in");
    params.delete("bo");
    if (slug !== null) {
      params.set("in", "bang-ron");
      if (slug) params.set("bo", slug);
    }
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // slug "": every set in force; otherwise that set only.
  function bannerOn(slug) {
    var sets = root.querySelectorAll(".bt-sl__set");
    var known = Array.prototype.some.call(sets, function (set) { return set.getAttribute("data-set") === slug; });
    if (!known) slug = "";
    sets.forEach(function (set) {
      var chosen = slug ? set.getAttribute("data-set") === slug : set.getAttribute("data-status") === "current";
      set.classList.toggle("bt-sl__set--banner", chosen);
    });
    html.classList.add("bt-banner");
    bar.hidden = false;
    setQuery(slug);
  }

  function bannerOff() {
    html.classList.remove("bt-banner");
    bar.hidden = true;
    setQuery(null);
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-bt-copy")) {
      copy(button);
    } else if (button.hasAttribute("data-bt-banner")) {
      bannerOn(button.getAttribute("data-bt-banner"));
      window.print();
    } else if (button.hasAttribute("data-bt-print")) {
      window.print();
    } else if (button.hasAttribute("data-bt-banner-off")) {
      bannerOff();
    }
  });

  root.querySelectorAll("[data-bt-copy], .bt-sl__actions").forEach(function (node) { node.hidden = false; });
  var params = new URLSearchParams(location.search);
  if (params.get("in") === "bang-ron") bannerOn(params.get("bo") || "");
})();
