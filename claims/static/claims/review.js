/* The review desk's keyboard and live status. No dependencies; every key is listed in the page's
   help dialog (press ?). Keys are ignored while typing in a field, except Escape. */
(function () {
  "use strict";

  function typing(event) {
    var target = event.target;
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function go(url) { if (url) { window.location.href = url; } }

  function toggleHelp() {
    var help = document.getElementById("fc-keyboard-help");
    if (!help) { return; }
    if (help.open) { help.close(); } else { help.showModal(); }
  }

  // --- The queue: j/k move the current row, Enter/o opens it.
  function queueKeys() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
    if (!rows.length) { return null; }
    var current = 0;
    function mark(index) {
      rows[current].classList.remove("fc-current");
      current = Math.max(0, Math.min(rows.length - 1, index));
      rows[current].classList.add("fc-current");
      rows[current].scrollIntoView({block: "nearest"});
    }
    mark(0);
    return function (key) {
      if (key === "j") { mark(current + 1); return true; }
      if (key === "k") { mark(current - 1); return true; }
      if (key === "Enter" || key === "o") {
        var link = rows[current].querySelector(".field-figure_first a, th a");
        if (link) { go(link.href); }
        return true;
      }
      return false;
    };
  }

  // --- A claim: ratings, accept, save-and-next, not check-worthy, neighbours.
  function claimKeys() {
    var panel = document.getElementById("fc-verdict-panel");
    var rating = document.getElementById("id_rating");
    var form = rating && rating.form;
    function link(id) { var a = document.getElementById(id); return a ? a.href : ""; }
    function saveAndNext() { if (form) { form.requestSubmit(document.getElementById("fc-save-next")); } }
    return function (key) {
      if (key === "j") { go(link("fc-next")); return true; }
      if (key === "k") { go(link("fc-previous")); return true; }
      if (key === "q") { go(link("fc-to-queue")); return true; }
      if (!form) { return false; }
      if (/^[1-6]$/.test(key)) {
        // Option 0 is the empty choice: 1 selects the first rating.
        rating.selectedIndex = Number(key);
        rating.dispatchEvent(new Event("change", {bubbles: true}));
        rating.focus();
        rating.blur();
        return true;
      }
      if (key === "a") {
        var suggested = panel && panel.dataset.suggestedRating;
        if (suggested) { rating.value = suggested; }
        if (rating.value) { saveAndNext(); }
        return true;
      }
      if (key === "s") { if (rating.value) { saveAndNext(); } else { rating.focus(); } return true; }
      if (key === "n") {
        var notWorthy = document.getElementById("fc-not-checkworthy-form");
        if (notWorthy) { notWorthy.submit(); }
        return true;
      }
      return false;
    };
  }

  // --- Live status: articles still in the pipeline, and contradictions found since the page loaded.
  function live() {
    var box = document.getElementById("fc-live");
    if (!box || !window.fetch) { return; }
    var seenNewest = null;
    function render(data) {
      var articles = box.querySelector(".fc-live-articles");
      if (box.dataset.article) {
        // An article page keeps its own sentence; it only reloads when the article is done.
      } else if (data.articles.length) {
        articles.textContent = data.text.busy + ": " + data.articles.map(function (a) {
          return a.title + " (" + a.status + ")";
        }).join("، ");
      } else {
        articles.textContent = data.text.idle;
      }
      var watched = box.dataset.article;
      if (watched && data.article_finished) {
        window.location.reload();  // this article's claims are ready
        return;
      }
      if (seenNewest === null) { seenNewest = data.flagged_newest; }
      var fresh = box.querySelector(".fc-live-new");
      if (data.flagged_new && data.flagged_new.length) {
        // New contradictions appear here as they are found, each linking to its claim.
        fresh.textContent = data.text.new + ": ";
        data.flagged_new.forEach(function (claim, index) {
          var link = document.createElement("a");
          link.href = claim.url;
          link.textContent = claim.finding;
          if (index) { fresh.appendChild(document.createTextNode("، ")); }
          fresh.appendChild(link);
        });
        var again = document.createElement("a");
        again.href = window.location.href;
        again.textContent = " (" + data.text.reload + ")";
        fresh.appendChild(again);
        fresh.hidden = false;
      }
      box.hidden = false;
    }
    function poll() {
      var query = [];
      if (box.dataset.article) { query.push("article=" + box.dataset.article); }
      if (seenNewest !== null) { query.push("since=" + seenNewest); }
      var url = box.dataset.url + (query.length ? "?" + query.join("&") : "");
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { render(data); } })
        .catch(function () {})
        .finally(function () { window.setTimeout(poll, 5000); });
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var handler = document.body.classList.contains("fc-queue") ? queueKeys() : claimKeys();
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "Escape" && typing(event)) { event.target.blur(); return; }
      if (typing(event)) { return; }
      if (event.key === "?") { toggleHelp(); event.preventDefault(); return; }
      if (handler && handler(event.key)) { event.preventDefault(); }
    });
    live();
  });
})();
