// The search page: Pagefind UI over every language's index at once.
// Pagefind keeps one index per page language and searches the page's own by
// default; the others are merged in. Pagefind skips a merge whose path starts
// like the primary bundle's, so the same bundle is named through "./".
// Translations are pages of their own (articles/<slug>/<lang>/): results link there.
(function () {
  "use strict";
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var bundle = el.getAttribute("data-bundle") || "/pagefind/";
  var primary = (document.documentElement.lang || "en").toLowerCase();
  var query = new URLSearchParams(window.location.search).get("q");

  function start(languages) {
    var merge = languages
      .filter(function (lang) { return lang !== primary; })
      .map(function (lang) { return { bundlePath: bundle + "./", language: lang }; });
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      mergeIndex: merge
    });
    if (query) ui.triggerSearch(query);
  }

  fetch(bundle + "pagefind-entry.json")
    .then(function (r) { return r.ok ? r.json() : { languages: {} }; })
    .then(function (entry) { start(Object.keys(entry.languages || {}).sort()); })
    .catch(function () { start([]); });
})();
