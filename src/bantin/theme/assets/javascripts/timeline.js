// Timeline filters: by kind, issuer level and year. The page is complete
// without this script (its year links jump or load); with it a reader
// narrows the list, and the choice stays in the address (?loai=&cap=&nam=)
// so it survives a reload and follows the reader to another year's page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-bt-timeline]");
  if (!form) return;
  var fields = ["loai", "cap", "nam"];
  var sections = document.querySelectorAll(".bt-tl__year");
  var status = form.querySelector(".bt-tl__status");

  // A year page starts with its own year chosen: that is no filter.
  var ownYear = form.elements.nam.value;

  function query() {
    var params = new URLSearchParams();
    fields.forEach(function (name) {
      var value = form.elements[name].value;
      if (value && !(name === "nam" && value === ownYear)) params.set(name, value);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function apply() {
    var kind = form.elements.loai.value;
    var level = form.elements.cap.value;
    var year = form.elements.nam.value;
    var shown = 0;
    sections.forEach(function (section) {
      var inYear = !year || section.getAttribute("data-year") === year;
      var inSection = 0;
      section.querySelectorAll(".bt-tl__month").forEach(function (month) {
        var inMonth = 0;
        month.querySelectorAll(".bt-tl__item").forEach(function (item) {
          var keep = inYear &&
            (!kind || item.getAttribute("data-kind") === kind) &&
            (!level || item.getAttribute("data-level") === level);
          item.hidden = !keep;
          if (keep) inMonth++;
        });
        month.hidden = inMonth === 0;
        inSection += inMonth;
      });
      section.hidden = inSection === 0;
      shown += inSection;
    });
    var filtered = kind || level || (year && year !== ownYear);
    status.textContent = !filtered ? "" :
      shown ? "Đang hiện " + shown + " mục phù hợp." : "Không có mục nào phù hợp với lựa chọn.";
    history.replaceState(null, "", location.pathname + query() + location.hash);
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var select = form.elements[name];
    var wanted = params.get(name);
    for (var i = 0; wanted && i < select.options.length; i++) {
      // Only a value this page can show: never leave for another page on load.
      if (select.options[i].value === wanted && !select.options[i].hasAttribute("data-href")) {
        select.value = wanted;
      }
    }
  });
  form.addEventListener("change", function (event) {
    // A year kept on a page of its own: go there, filters and all.
    var away = event.target.name === "nam" && event.target.selectedOptions[0].getAttribute("data-href");
    if (away) {
      location.href = away + query();
    } else {
      apply();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
