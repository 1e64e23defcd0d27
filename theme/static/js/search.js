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

  // A large digest is indexed as several bundles (pagefind/shards.json, newest first):
  // every language of each is merged in.
  function shardBundles(manifest) {
    var merge = [];
    ((manifest && manifest.shards) || []).forEach(function (shard) {
      (shard.languages || []).forEach(function (lang) {
        merge.push({ bundlePath: bundle + shard.bundle, language: lang });
      });
    });
    return merge;
  }

  function start(languages, manifest) {
    var merge = languages
      .filter(function (lang) { return lang !== primary; })
      .map(function (lang) { return { bundlePath: bundle + "./", language: lang }; })
      .concat(shardBundles(manifest));
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

  function json(name, empty) {
    return fetch(bundle + name)
      .then(function (r) { return r.ok ? r.json() : empty; })
      .catch(function () { return empty; });
  }

  Promise.all([json("pagefind-entry.json", { languages: {} }), json("shards.json", {})])
    .then(function (got) { start(Object.keys(got[0].languages || {}).sort(), got[1]); });
})();
