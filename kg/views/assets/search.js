/* Search box: find an entity by its Chinese name or any alias, then hand it to `pick`.
   Results are built with textContent only: names come from newspaper text. */
(function () {
  "use strict";

  function rank(entry, q) {
    var label = entry.label.toLowerCase();
    var aliases = (entry.aliases || []).map(function (a) { return a.toLowerCase(); });
    if (label === q) return [0, ""];
    for (var i = 0; i < aliases.length; i++) if (aliases[i] === q) return [1, entry.aliases[i]];
    if (label.indexOf(q) === 0) return [2, ""];
    for (i = 0; i < aliases.length; i++) if (aliases[i].indexOf(q) === 0) return [3, entry.aliases[i]];
    if (label.indexOf(q) >= 0) return [4, ""];
    for (i = 0; i < aliases.length; i++) if (aliases[i].indexOf(q) >= 0) return [5, entry.aliases[i]];
    return null;
  }

  /* The best matches for `query`: exact names first, then prefixes, then any part. */
  function match(entries, query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    entries.forEach(function (entry) {
      var r = rank(entry, q);
      if (r) found.push({ entry: entry, score: r[0], alias: r[1] });
    });
    found.sort(function (a, b) {
      return a.score - b.score || a.entry.label.length - b.entry.label.length ||
        (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0) ||
        (a.entry.id < b.entry.id ? -1 : 1);
    });
    return found.slice(0, limit || 20);
  }

  /* `elsewhere(query)`, if given, is the address of a page that searches more entities: offered
     when this page finds nothing. */
  function KgSearch(input, list, entries, pick, describe, elsewhere) {
    var current = [];
    function hide() { list.hidden = true; }
    function choose(hit) { hide(); input.value = hit.entry.label; pick(hit.entry); }
    function show() {
      current = match(entries, input.value);
      while (list.firstChild) list.removeChild(list.firstChild);
      current.forEach(function (hit) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = hit.entry.label;
        var meta = document.createElement("span");
        meta.className = "kg-result-meta";
        meta.textContent = describe(hit.entry) + (hit.alias ? "（别名：" + hit.alias + "）" : "");
        button.appendChild(meta);
        button.addEventListener("click", function () { choose(hit); });
        item.appendChild(button);
        list.appendChild(item);
      });
      if (!current.length && input.value.trim()) {
        var none = document.createElement("li");
        none.className = "kg-result-meta";
        none.textContent = "此页没有匹配的名称";
        if (elsewhere) {
          var more = document.createElement("a");
          more.href = elsewhere(input.value.trim());
          more.textContent = "到全网络视图中搜索";
          none.appendChild(document.createTextNode("，"));
          none.appendChild(more);
        }
        list.appendChild(none);
      }
      list.hidden = !input.value.trim();
    }
    input.addEventListener("input", show);
    input.kgSearch = function (query) { input.value = query; show(); };
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        current = match(entries, input.value);
        if (current.length) choose(current[0]);
      } else if (event.key === "Escape") {
        hide();
      } else if (event.key === "ArrowDown" && list.querySelector("button")) {
        event.preventDefault();
        list.querySelector("button").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (event.target !== input && !list.contains(event.target)) hide();
    });
  }

  KgSearch.match = match;
  window.KgSearch = KgSearch;
})();
