// The search page: a small UI over Pagefind's JS API (pagefind.js).
//
// One result per article, in the interface's language: every page of an article
// (the original and each translation) is indexed into its own language's index, and
// carries a `ui` filter naming the interfaces that show it (see _search_record.html).
// This page searches every index at once (mergeIndex) with `ui` set to its own
// <html lang>. Results of one story are grouped under the first of them.
//
// Everything from the index (titles, names, snippets) goes in as text, never as HTML.
(function () {
  "use strict";
  var root = document.getElementById("search");
  var form = document.getElementById("search-form");
  var box = document.getElementById("search-q");
  if (!root || !form || !box) return;

  var bundle = root.getAttribute("data-bundle") || "/pagefind/";
  var ui = (document.documentElement.lang || "en").toLowerCase();
  var T = JSON.parse((document.getElementById("search-strings") || {}).textContent || "{}");
  var FACETS = ["topic", "actor", "language", "source"];  // shown, in this order
  var PAGE = 10;  // results loaded (and grouped) per "more"
  var LONG = 8;  // a facet with more values shows this many until "show all"
  var wide = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : { matches: true };

  var statusEl = document.getElementById("search-status");
  var activeEl = document.getElementById("search-active");
  var activeList = document.getElementById("search-active-list");
  var filtersEl = document.getElementById("search-filters");
  var facetsEl = document.getElementById("search-facets");
  var resultsEl = document.getElementById("search-results");
  var moreEl = document.getElementById("search-more");
  var suggestEl = document.getElementById("search-suggest");

  var pagefind = null;
  var state = { q: "", filters: {} };  // what the URL says
  var expanded = {};  // facets the reader opened in full ("show all")
  var run = 0;  // the latest search; older ones stop when they see a newer one
  var shown = null;  // { results, next, groups } of the latest search

  // ---- small helpers -------------------------------------------------------
  // An interface string; with a number, its plural form ("key_one", "key_other").
  function t(key, n) {
    if (n === undefined) return T[key] || key;
    var kind = (typeof Intl !== "undefined" && Intl.PluralRules)
      ? new Intl.PluralRules(ui).select(n) : (n === 1 ? "one" : "other");
    return (T[key + "_" + kind] || T[key + "_other"] || key).replace("{n}", String(n));
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function langName(code) {
    try { return new Intl.DisplayNames([ui], { type: "language" }).of(code) || code; }
    catch (e) { return code; }
  }
  function dir(code) {
    return /^(ar|fa|he|ur|ps|dv|yi|ckb|sd|ug)\b/i.test(code || "") ? "rtl" : "ltr";
  }
  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(ui, { dateStyle: "medium", timeZone: "UTC" })
        .format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }
  function activeCount(filters) {
    return FACETS.reduce(function (n, f) { return n + (filters[f] || []).length; }, 0);
  }

  // ---- the indexes -----------------------------------------------------------
  // The one list of indexes merged into the page's own: every other language of the
  // primary bundle, then every language of each older bundle a large digest is split
  // into (pagefind/shards.json, newest first). Pagefind skips a merge whose path starts
  // like the primary bundle's, so the same bundle is named through "./".
  function mergeList(entry, manifest) {
    var merge = Object.keys(entry.languages || {}).sort()
      .filter(function (lang) { return lang !== ui; })
      .map(function (lang) { return { bundlePath: bundle + "./", language: lang }; });
    ((manifest && manifest.shards) || []).forEach(function (shard) {
      (shard.languages || []).forEach(function (lang) {
        merge.push({ bundlePath: bundle + shard.bundle, language: lang });
      });
    });
    return merge;
  }

  function json(name, empty) {
    return fetch(bundle + name)
      .then(function (r) { return r.ok ? r.json() : empty; })
      .catch(function () { return empty; });
  }

  function load() {
    return import(bundle + "pagefind.js").then(function (pf) {
      pagefind = pf;
      return Promise.all([json("pagefind-entry.json", { languages: {} }),
                          json("shards.json", {})])
        .then(function (got) {
          return pf.options({ bundlePath: bundle }).then(function () {
            return Promise.all(mergeList(got[0], got[1]).map(function (m) {
              return pf.mergeIndex(m.bundlePath, { language: m.language });
            }));
          }).then(function () {
            // Loads every filter's values: a search counts only the filters it has.
            return pf.filters();
          });
        });
    });
  }

  // ---- URL state -------------------------------------------------------------
  function fromURL() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FACETS.forEach(function (f) {
      var values = params.getAll(f).filter(Boolean);
      if (values.length) filters[f] = values;
    });
    return { q: params.get("q") || "", filters: filters };
  }
  function toURL(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    FACETS.forEach(function (f) {
      (s.filters[f] || []).forEach(function (v) { params.append(f, v); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }
  // push: a step the back button should undo (a filter, a submitted query);
  // typing only replaces the current entry.
  function commit(push) {
    var url = toURL(state);
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  // ---- searching -------------------------------------------------------------
  function pagefindFilters(filters) {
    var out = { ui: ui };
    FACETS.forEach(function (f) { if ((filters[f] || []).length) out[f] = filters[f].slice(); });
    return out;
  }

  function search() {
    if (!pagefind) return Promise.resolve();  // load() runs it once the index is there
    var mine = ++run;
    root.setAttribute("aria-busy", "true");
    var q = state.q.trim();
    var filtered = activeCount(state.filters) > 0;
    renderActive();
    if (!q && !filtered) {
      shown = null;
      clear(resultsEl); clear(facetsEl); clear(suggestEl);
      filtersEl.hidden = true; moreEl.hidden = true; suggestEl.hidden = true;
      statusEl.textContent = "";
      return Promise.resolve(done(mine));
    }
    var options = { filters: pagefindFilters(state.filters) };
    if (!q) options.sort = { date: "desc" };  // filters alone: newest first
    return pagefind.search(q || null, options)
      .then(function (found) {
        if (mine !== run || !found) return null;
        shown = { results: found.results, next: 0, groups: [], byStory: {} };
        clear(resultsEl); clear(suggestEl); suggestEl.hidden = true;
        renderFacets(found.filters || {});
        return more(mine).then(function () {
          if (mine !== run) return null;
          return announce(found.results.length, q, filtered, mine);
        });
      }).then(function () { done(mine); });
  }

  // The latest search has shown everything it will (tests and styles can tell).
  function done(mine) {
    if (mine !== run) return;
    root.removeAttribute("aria-busy");
    root.setAttribute("data-searched", String(mine));
  }

  function announce(count, q, filtered, mine) {
    var text = q ? t("results_for", count).replace("{q}", q) : t("results", count);
    if (filtered) text += " " + t("with_filters", activeCount(state.filters));
    statusEl.textContent = text;
    if (filtered && !count) {
      // Say what the filters hide, rather than an empty page.
      return pagefind.search(q || null, { filters: { ui: ui } }).then(function (all) {
        if (mine !== run || !all || !all.results.length) return null;
        statusEl.textContent = text + " " + t("without_filters", all.results.length);
        return null;
      });
    }
    return suggest(q, count, mine);
  }

  // The next PAGE results: their data loaded, then grouped by story.
  function more(mine) {
    var batch = shown.results.slice(shown.next, shown.next + PAGE);
    shown.next += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== run) return;
      data.forEach(function (d) { place(d); });
      moreEl.hidden = shown.next >= shown.results.length;
    });
  }

  function place(d) {
    var story = d.meta && d.meta.story;
    var group = story ? shown.byStory[story] : null;
    if (group) {
      group.others.hidden = false;
      group.others.appendChild(otherItem(d));
      return;
    }
    var li = resultItem(d);
    resultsEl.appendChild(li.item);
    if (story) shown.byStory[story] = li;
  }

  // ---- results ---------------------------------------------------------------
  function metaLine(d, tag) {
    var m = d.meta || {};
    var p = el(tag || "p", { "class": "result-meta" });
    var parts = [];
    if (m.date) parts.push(el("time", { datetime: m.date }, formatDate(m.date)));
    if (m.source) parts.push(el("bdi", { "class": "result-source" }, m.source));
    if (m.lang) {
      var lang = el("span", { "class": "result-lang" }, langName(m.lang));
      parts.push(lang);
    }
    parts.forEach(function (part, i) {
      if (i) p.appendChild(document.createTextNode(" · "));
      p.appendChild(part);
    });
    if (m.original_url && m.original_lang) {
      p.appendChild(document.createTextNode(
        ", " + t("translated_from").replace("{language}", langName(m.original_lang)) + " · "));
      p.appendChild(el("a", { href: m.original_url, hreflang: m.original_lang,
                              "class": "result-original" }, t("original")));
    }
    return p;
  }

  function titleLink(d) {
    var m = d.meta || {};
    var a = el("a", { href: d.url, "class": "result-link" }, m.title || d.url);
    if (m.lang) { a.setAttribute("lang", m.lang); a.setAttribute("dir", dir(m.lang)); }
    return a;
  }

  function resultItem(d) {
    var item = el("li", { "class": "result" });
    var h = el("h2", { "class": "result-title" });
    h.appendChild(titleLink(d));
    item.appendChild(h);
    item.appendChild(metaLine(d));
    item.appendChild(snippet(d));
    var others = el("ul", { "class": "result-story", "aria-label": t("same_story") });
    others.hidden = true;
    item.appendChild(others);
    if (d.meta && d.meta.story) {
      var p = el("p", { "class": "result-story-more" });
      p.appendChild(el("a", { href: root.getAttribute("data-stories") +
                                    encodeURIComponent(d.meta.story) + "/",
                              "class": "result-story-link" }, t("story")));
      item.appendChild(p);
    }
    return { item: item, others: others };
  }

  function otherItem(d) {
    var li = el("li");
    li.appendChild(titleLink(d));
    li.appendChild(metaLine(d, "span"));
    return li;
  }

  // A snippet of whole words, from sentence start to sentence end where they are
  // near, built from the record's text and the match positions as text nodes and
  // <mark>. A record is: title, the page's text, on a translation's page the original's
  // text ("search-original"), the names of its actors and topics ("search-names"); the
  // last is never shown, and a snippet stays within one part.
  var SENTENCE_END = /[.!?؟。…]["'”’»)]*$/;
  var WINDOW = 28;
  function snippet(d) {
    var p = el("p", { "class": "result-snippet" });
    var words = (d.content || "").split(/[\r\n\s]+/g);
    var m = d.meta || {};
    var titleWords = (m.title || "").split(/\s+/).filter(Boolean).length;
    var at = { "search-original": words.length, "search-names": words.length };
    (d.anchors || []).forEach(function (a) {
      if (a.id in at) at[a.id] = Math.min(at[a.id], a.location);
    });
    var originalAt = Math.min(at["search-original"], at["search-names"]);
    var parts = [[titleWords, originalAt, m.lang], [originalAt, at["search-names"],
                 m.original_lang || m.lang]];
    var locations = d.locations || [];
    var part = parts[0];
    var hits = [];
    for (var n = 0; n < parts.length && !hits.length; n++) {
      hits = locations.filter(function (l) { return l >= parts[n][0] && l < parts[n][1]; });
      if (hits.length) part = parts[n];
    }
    var from = part[0], to = part[1];
    var marks = {};
    hits.forEach(function (l) { marks[l] = true; });
    var first = hits.length ? hits[0] : from;
    var start = Math.max(from, first - 10);
    for (var i = first - 1; i >= Math.max(from, first - 18); i--) {
      if (SENTENCE_END.test(words[i])) { start = i + 1; break; }
      if (i === from) { start = i; break; }
    }
    var end = Math.min(to, start + WINDOW);
    for (var j = Math.max(first, start + 8); j < Math.min(to, start + WINDOW + 12); j++) {
      if (SENTENCE_END.test(words[j])) { end = j + 1; break; }
    }
    if (start >= end) return p;
    var lead = start > from && !SENTENCE_END.test(words[start - 1]);
    var tail = end < to && !SENTENCE_END.test(words[end - 1]);
    var buf = lead ? "… " : "";
    for (var k = start; k < end; k++) {
      if (k > start) buf += " ";
      if (marks[k]) {
        if (buf) p.appendChild(document.createTextNode(buf));
        buf = "";
        p.appendChild(el("mark", null, words[k]));
      } else {
        buf += words[k];
      }
    }
    if (tail) buf += " …";
    if (buf) p.appendChild(document.createTextNode(buf));
    if (part[2]) { p.setAttribute("lang", part[2]); p.setAttribute("dir", dir(part[2])); }
    return p;
  }

  // ---- filters -----------------------------------------------------------------
  function renderFacets(counts) {
    clear(facetsEl);
    var any = false;
    FACETS.forEach(function (facet) {
      var ticked = state.filters[facet] || [];
      var values = Object.keys(counts[facet] || {}).filter(function (v) {
        return counts[facet][v] > 0 || ticked.indexOf(v) >= 0;  // no "(0)"
      });
      ticked.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      if (!values.length) return;
      any = true;
      values.sort(function (a, b) {
        return ((counts[facet][b] || 0) - (counts[facet][a] || 0)) || a.localeCompare(b, ui);
      });
      facetsEl.appendChild(facetBlock(facet, values, counts[facet] || {}, ticked));
    });
    filtersEl.hidden = !any;
    if (!filtersEl.hasAttribute("data-touched")) filtersEl.open = wide.matches;
    if (refocus) {  // the list was built anew: keep the reader on the box they ticked
      var inputs = facetsEl.querySelectorAll("input[type=checkbox]");
      for (var i = 0; i < inputs.length; i++) {
        var fs = inputs[i].closest("fieldset");
        if (fs.getAttribute("data-facet") === refocus.facet &&
            inputs[i].getAttribute("data-value") === refocus.value) inputs[i].focus();
      }
      refocus = null;
    }
  }

  function facetBlock(facet, values, counts, ticked) {
    var fs = el("fieldset", { "class": "facet", "data-facet": facet });
    fs.appendChild(el("legend", null, t("facet_" + facet)));
    var list = el("ul", { "class": "facet-values" });
    var long = values.length > LONG;
    var find = null;
    if (long) {
      var id = "facet-find-" + facet;
      var wrap = el("p", { "class": "facet-find" });
      wrap.appendChild(el("label", { "for": id }, t("find_" + facet)));
      find = el("input", { id: id, type: "search", autocomplete: "off" });
      wrap.appendChild(find);
      fs.appendChild(wrap);
    }
    values.forEach(function (value, i) {
      var li = el("li");
      var id = "f-" + facet + "-" + i;
      var input = el("input", { type: "checkbox", id: id });
      input.checked = ticked.indexOf(value) >= 0;
      input.addEventListener("change", function () {
        toggle(facet, value, input.checked, true);
      });
      var label = el("label", { "for": id });
      label.appendChild(el("bdi", { "class": "facet-name" }, value));
      label.appendChild(document.createTextNode(" "));
      label.appendChild(el("span", { "class": "facet-count" }, "(" + (counts[value] || 0) + ")"));
      input.setAttribute("data-value", value);
      li.appendChild(input);
      li.appendChild(label);
      li.setAttribute("data-value", value.toLocaleLowerCase());
      if (long && i >= LONG && !input.checked && !expanded[facet]) li.hidden = true;
      list.appendChild(li);
    });
    fs.appendChild(list);
    if (long) {
      var all = el("button", { type: "button", "class": "facet-all",
                               "aria-expanded": expanded[facet] ? "true" : "false" },
                   expanded[facet] ? t("show_fewer") : t("show_all", values.length));
      all.addEventListener("click", function () {
        expanded[facet] = !expanded[facet];
        all.setAttribute("aria-expanded", expanded[facet] ? "true" : "false");
        all.textContent = expanded[facet] ? t("show_fewer") : t("show_all", values.length);
        narrow(list, find.value, facet);
      });
      find.addEventListener("input", function () { narrow(list, find.value, facet); });
      fs.appendChild(all);
    }
    return fs;
  }

  function narrow(list, needle, facet) {
    needle = needle.trim().toLocaleLowerCase();
    var items = list.querySelectorAll("li");
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var checked = li.querySelector("input").checked;
      li.hidden = needle ? li.getAttribute("data-value").indexOf(needle) < 0
                         : !(expanded[facet] || i < LONG || checked);
    }
  }

  var refocus = null;
  function toggle(facet, value, on, fromBox) {
    if (fromBox) refocus = { facet: facet, value: value };
    var values = (state.filters[facet] || []).filter(function (v) { return v !== value; });
    if (on) values.push(value);
    if (values.length) state.filters[facet] = values; else delete state.filters[facet];
    commit(true);
    search();
  }

  // The ticked filters, above the results, each with its own remove button.
  function renderActive() {
    clear(activeList);
    FACETS.forEach(function (facet) {
      (state.filters[facet] || []).forEach(function (value) {
        var li = el("li");
        var b = el("button", { type: "button", "class": "active-filter",
                               "aria-label": t("remove_filter").replace("{filter}",
                                 t("facet_" + facet) + ": " + value) });
        b.appendChild(el("span", null, t("facet_" + facet) + ": "));
        b.appendChild(el("bdi", { "class": "active-value" }, value));
        b.appendChild(el("span", { "aria-hidden": "true" }, " ×"));
        b.addEventListener("click", function () { toggle(facet, value, false); box.focus(); });
        li.appendChild(b);
        activeList.appendChild(li);
      });
    });
    activeEl.hidden = activeCount(state.filters) === 0;
  }

  // ---- "did you mean": actor and topic names near a query that found nothing --------
  var namesList = null;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase().trim();
  }
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1,
                          prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, cur[j]);
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  // The names nearest to the query; none when the query is (the start of) a name or of
  // one of its words, unless nothing was found.
  function closest(q, rows, found) {
    var needle = fold(q);
    if (needle.length < 3) return [];
    if (found && rows.some(function (row) {
      var name = fold(row[0]);
      return name.indexOf(needle) === 0 || name.split(/\s+/).some(function (w) {
        return w.indexOf(needle) === 0;
      });
    })) return [];
    var limit = needle.length < 5 ? 1 : needle.length < 9 ? 2 : 3;
    var best = {};
    rows.forEach(function (row) {
      var name = fold(row[0]);
      // The whole name, or any of its words (a query for one word of a long name).
      var d = Math.min.apply(null, [name].concat(name.split(/\s+/)).map(function (w) {
        return distance(needle, w, limit);
      }));
      if (d <= limit && (!best[row[1]] || d < best[row[1]].d)) {
        best[row[1]] = { d: d, name: row[0], url: row[1], label: row[2] };
      }
    });
    return Object.keys(best).map(function (k) { return best[k]; })
      .sort(function (a, b) { return a.d - b.d || a.name.localeCompare(b.name); })
      .slice(0, 3);
  }
  function suggest(q, count, mine) {
    if (!q) return null;
    var names = namesList || fetch(root.getAttribute("data-names"))
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; });
    namesList = names;
    return Promise.resolve(names).then(function (rows) {
      if (mine !== run) return;
      var found = closest(q, rows, count > 0);
      clear(suggestEl);
      if (!found.length) { suggestEl.hidden = true; return; }
      suggestEl.appendChild(el("p", null, count ? t("see_also") : t("did_you_mean")));
      var ul = el("ul", { "class": "suggestions" });
      found.forEach(function (s) {
        var li = el("li");
        li.appendChild(el("a", { href: root.getAttribute("data-site") + "/" + s.url }, s.name));
        if (s.label !== s.name) li.appendChild(el("span", { "class": "meta" }, " (" + s.label + ")"));
        ul.appendChild(li);
      });
      suggestEl.appendChild(ul);
      suggestEl.hidden = false;
    });
  }

  // ---- wiring ----------------------------------------------------------------
  // From the address; at start-up, what the reader typed while the index loaded wins
  // over the address's empty query.
  function restore(typed) {
    state = fromURL();
    if (typed && !state.q) {
      clearTimeout(typing);
      state.q = typed;
      commit(false);
    }
    box.value = state.q;
    return search();
  }

  var typing = null;
  box.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.q = box.value;
      commit(false);
      search();
    }, 250);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(typing);
    var changed = state.q !== box.value;
    state.q = box.value;
    // Typing replaced the entry as it went: a submit makes it a step of its own.
    if (changed || toURL(state) !== window.location.pathname + window.location.search) {
      commit(true);
    }
    search();
  });
  document.getElementById("search-clear").addEventListener("click", function () {
    state.filters = {};
    commit(true);
    search();
    box.focus();
  });
  moreEl.addEventListener("click", function () { if (shown) more(run); });
  filtersEl.addEventListener("toggle", function () {
    if (filtersEl.open !== wide.matches) filtersEl.setAttribute("data-touched", "");
  });
  window.addEventListener("popstate", function () { restore(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var target = ev.target;
    if (target && (target.isContentEditable ||
                   /^(input|textarea|select)$/i.test(target.tagName || ""))) return;
    ev.preventDefault();
    box.focus();
    box.select();
  });

  load().then(function () { return restore(box.value); })
    .then(function () { root.setAttribute("data-ready", ""); })
    .catch(function (err) {
      statusEl.textContent = t("unavailable");
      if (window.console) console.error(err);
    });
})();
