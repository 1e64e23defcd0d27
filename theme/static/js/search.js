// The search page: Pagefind UI over every language's index at once.
// Pagefind keeps one index per page language and searches the page's own by
// default; the others are merged in. Pagefind skips a merge whose path starts
// like the primary bundle's, so the same bundle is named through "./".
(function () {
  "use strict";
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var bundle = el.getAttribute("data-bundle") || "/pagefind/";
  var primary = (document.documentElement.lang || "en").toLowerCase();
  var query = new URLSearchParams(window.location.search).get("q");

  // Translations are indexed as articles/<slug>/translation-<lang>/ (see
  // digest/site/search_index.py): show them at the article, on that translation.
  var TRANSLATION = /\/translation-([A-Za-z-]+)\/?(#.*)?$/;
  function toArticle(url) {
    return url.replace(TRANSLATION, "/#translation-$1");
  }
  function processResult(result) {
    result.url = toArticle(result.url);
    if (result.meta && result.meta.url) result.meta.url = toArticle(result.meta.url);
    (result.sub_results || []).forEach(function (sub) { sub.url = toArticle(sub.url); });
    return result;
  }

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
      mergeIndex: merge,
      processResult: processResult
    });
    if (query) ui.triggerSearch(query);
  }

  fetch(bundle + "pagefind-entry.json")
    .then(function (r) { return r.ok ? r.json() : { languages: {} }; })
    .then(function (entry) { start(Object.keys(entry.languages || {}).sort()); })
    .catch(function () { start([]); });
})();
