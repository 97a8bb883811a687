/* A network view: draw the precomputed layout, filter by class and relation, search, and show
   the evidence of whatever is clicked. Every text from the graph goes in with textContent. */
(function () {
  "use strict";
  var graph = JSON.parse(document.getElementById("kg-graph").textContent);
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var vocabulary = data.vocabulary;
  var root = data.view.root;
  var nodes = new vis.DataSet(graph.nodes);
  var edges = new vis.DataSet(graph.edges);
  var network = new vis.Network(document.getElementById("kg-network"),
    { nodes: nodes, edges: edges }, graph.options);
  var panel = document.getElementById("kg-panel");
  var state = { drawn: false, hiddenKinds: {}, hiddenRelations: {}, boxes: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function className(entity) {
    var name = (vocabulary.classes[entity.kind] || { name: entity.kind }).name;
    if (entity.subtype && entity.subtype !== entity.kind) {
      name += " · " + (vocabulary.subtypes[entity.subtype] || entity.subtype);
    }
    return name;
  }

  function relationName(predicate) {
    return (vocabulary.relations[predicate] || { name: predicate }).name;
  }

  function labelOf(id) {
    return data.entities[id] ? data.entities[id].label : id;
  }

  /* ---- filters: one checkbox per class and per relation present in this view ---- */
  function countBy(items, key) {
    var counts = {};
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }

  function addFilter(fieldset, group, key, name, colour, count, mark) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = key;
    box.setAttribute("data-filter", group);
    box.addEventListener("change", function () {
      state[group][key] = !box.checked;
      applyFilters();
    });
    state.boxes[group + ":" + key] = box;
    var swatch = el("span", mark);
    swatch.style.background = colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "", name));
    label.appendChild(el("span", "kg-count", count));
    fieldset.appendChild(label);
  }

  function buildFilters() {
    var kinds = countBy(graph.nodes, "kind");
    var relations = countBy(graph.edges, "predicate");
    var classFilter = document.getElementById("kg-class-filter");
    var relationFilter = document.getElementById("kg-relation-filter");
    vocabulary.classOrder.forEach(function (kind) {
      if (kinds[kind]) {
        var c = vocabulary.classes[kind];
        addFilter(classFilter, "hiddenKinds", kind, c.name, c.colour, kinds[kind], "kg-swatch");
      }
    });
    vocabulary.relationOrder.forEach(function (predicate) {
      if (relations[predicate]) {
        var r = vocabulary.relations[predicate];
        addFilter(relationFilter, "hiddenRelations", predicate, r.name, r.colour, relations[predicate], "kg-line");
      }
    });
  }

  function applyFilters() {
    var kindOf = {};
    nodes.update(graph.nodes.map(function (n) {
      kindOf[n.id] = n.kind;
      return { id: n.id, hidden: !!state.hiddenKinds[n.kind] };
    }));
    edges.update(graph.edges.map(function (e) {
      return {
        id: e.id,
        hidden: !!(state.hiddenRelations[e.predicate] || state.hiddenKinds[kindOf[e.from]] ||
          state.hiddenKinds[kindOf[e.to]])
      };
    }));
  }

  /* ---- the side panel ---- */
  function clearPanel() {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
  }

  function entityButton(id) {
    if (!data.entities[id]) return el("span", "", labelOf(id));
    var button = el("button", "kg-entity-link", labelOf(id));
    button.type = "button";
    button.addEventListener("click", function () { select(id, true); });
    return button;
  }

  /* The evidence sentence with the two names (and the title) marked. Offsets count code points. */
  function sentence(evidence) {
    var p = el("p", "kg-evidence");
    var chars = Array.from(evidence.text);
    var at = 0;
    evidence.marks.forEach(function (mark) {
      if (mark[0] > at) p.appendChild(document.createTextNode(chars.slice(at, mark[0]).join("")));
      p.appendChild(el("mark", "m-" + mark[2], chars.slice(mark[0], mark[1]).join("")));
      at = mark[1];
    });
    if (at < chars.length) p.appendChild(document.createTextNode(chars.slice(at).join("")));
    return p;
  }

  function evidenceMeta(evidence) {
    var parts = [];
    var article = data.articles[evidence.article];
    if (article) {
      parts.push(article.title ? "《" + article.title + "》" : "（无标题文章）");
      parts.push(article.source + " 第 " + article.position + " 篇");
    }
    if (evidence.confidence !== "") parts.push("置信度 " + evidence.confidence);
    if (evidence.start !== null && evidence.end !== null) {
      parts.push("原文字符 " + evidence.start + "–" + evidence.end);
    }
    if (evidence.rule) parts.push("规则 " + evidence.rule);
    return el("p", "kg-meta", parts.join(" · "));
  }

  function relationBlock(id, here) {
    var relation = data.relations[id];
    var block = el("div", "kg-relation");
    block.setAttribute("data-relation", id);
    var head = el("div", "kg-relation-head");
    head.appendChild(relation.from === here ? el("span", "", labelOf(here)) : entityButton(relation.from));
    head.appendChild(el("span", "", " —" + relationName(relation.predicate) + "→ "));
    head.appendChild(relation.to === here ? el("span", "", labelOf(here)) : entityButton(relation.to));
    var roles = relation.evidence.map(function (e) { return e.role; }).filter(function (r, i, all) {
      return r && all.indexOf(r) === i;
    });
    if (roles.length) head.appendChild(el("span", "", "（" + roles.join("、") + "）"));
    block.appendChild(head);
    if (!relation.evidence.length) block.appendChild(el("p", "kg-meta", "图中没有这条关系的证据句。"));
    relation.evidence.forEach(function (evidence) {
      block.appendChild(sentence(evidence));
      block.appendChild(evidenceMeta(evidence));
    });
    var more = relation.evidenceCount - relation.evidence.length;
    if (more > 0) block.appendChild(el("p", "kg-meta", "另有 " + more + " 条证据（置信度较低），见 graph.ttl 或 kg query。"));
    return block;
  }

  function classBadge(entity) {
    var badge = el("span", "kg-class", className(entity));
    badge.style.background = (vocabulary.classes[entity.kind] || { colour: "#888" }).colour;
    return badge;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function showEntity(id) {
    var entity = data.entities[id];
    if (!entity) return;
    clearPanel();
    panel.setAttribute("data-entity", id);
    panel.appendChild(el("h2", "", entity.label));
    var line = el("p");
    line.appendChild(classBadge(entity));
    if (entity.level) line.appendChild(el("span", "", " 行政级别：" + (vocabulary.levels[entity.level] || entity.level)));
    panel.appendChild(line);
    if (entity.aliases.length) panel.appendChild(el("p", "kg-aliases", "别名：" + entity.aliases.join("、")));
    var links = el("p");
    if (entity.focus && entity.focus !== data.view.path) links.appendChild(link(root + entity.focus, "打开它的焦点视图"));
    if (data.view.kind === "focus" && entity.inNetwork) {
      if (links.firstChild) links.appendChild(document.createTextNode(" · "));
      links.appendChild(link(root + "network.html#" + encodeURIComponent(id), "在全网络中查看"));
    }
    if (links.firstChild) panel.appendChild(links);
    var own = Object.keys(data.relations).filter(function (rid) {
      return data.relations[rid].from === id || data.relations[rid].to === id;
    });
    own.sort(function (a, b) {
      var ra = data.relations[a], rb = data.relations[b];
      return vocabulary.relationOrder.indexOf(ra.predicate) - vocabulary.relationOrder.indexOf(rb.predicate) ||
        (a < b ? -1 : 1);
    });
    panel.appendChild(el("h3", "", "关系（" + own.length + "）"));
    own.forEach(function (rid) { panel.appendChild(relationBlock(rid, id)); });
    panel.appendChild(el("h3", "", "提及它的文章（" + entity.articleCount + "）"));
    var list = el("ul", "kg-articles");
    entity.articles.forEach(function (aid) {
      var article = data.articles[aid];
      if (!article) return;
      list.appendChild(el("li", "", (article.title ? "《" + article.title + "》" : "（无标题文章）") +
        " — " + article.source + " 第 " + article.position + " 篇"));
    });
    panel.appendChild(list);
    var more = entity.articleCount - entity.articles.length;
    if (more > 0) panel.appendChild(el("p", "kg-meta", "另有 " + more + " 篇，见 graph.ttl 或 kg query。"));
  }

  function showRelation(id) {
    var relation = data.relations[id];
    if (!relation) return;
    clearPanel();
    panel.setAttribute("data-relation", id);
    panel.appendChild(el("h2", "", labelOf(relation.from) + " " + relationName(relation.predicate) + " " +
      labelOf(relation.to)));
    panel.appendChild(el("p", "kg-meta", "证据 " + relation.evidenceCount + " 条"));
    panel.appendChild(relationBlock(id, null));
  }

  /* Select an entity of this view: show it even if its class is filtered out. */
  function select(id, zoom) {
    var node = nodes.get(id);
    if (!node) return false;
    if (state.hiddenKinds[node.kind]) {
      state.hiddenKinds[node.kind] = false;
      state.boxes["hiddenKinds:" + node.kind].checked = true;
      applyFilters();
    }
    network.selectNodes([id]);
    if (zoom) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showEntity(id);
    return true;
  }

  function searchEntries() {
    var here = graph.nodes.map(function (n) {
      var entity = data.entities[n.id];
      return { id: n.id, label: entity.label, aliases: entity.aliases, kind: entity.kind };
    });
    return here.concat(data.elsewhere);
  }

  /* "#<entity IRI>" selects that entity; "#q=<text>" searches for the text. */
  function fromHash() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (hash.indexOf("q=") === 0) {
      var input = document.getElementById("kg-search");
      input.kgSearch(hash.slice(2));
      input.focus();
    } else if (hash) {
      select(hash, true);
    }
  }

  buildFilters();
  network.on("click", function (params) {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showRelation(params.edges[0]);
  });
  network.once("afterDrawing", function () {
    state.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  window.KgSearch(document.getElementById("kg-search"), document.getElementById("kg-results"),
    searchEntries(), function (entry) {
      if (!select(entry.id, true)) {
        window.location.href = root + (entry.focus || "network.html#" + encodeURIComponent(entry.id));
      }
    }, function (entry) { return className(entry); },
    data.view.kind === "focus" ? function (query) {
      return root + "network.html#q=" + encodeURIComponent(query);
    } : null);
  window.addEventListener("hashchange", fromHash);
  if (!graph.nodes.length) {
    clearPanel();
    panel.appendChild(el("p", "kg-empty", "图中还没有实体。"));
  } else if (window.location.hash.length > 1) {
    fromHash();
  } else if (data.view.centre) {
    network.selectNodes([data.view.centre]);
    showEntity(data.view.centre);
  }
  window.kgView = { network: network, nodes: nodes, edges: edges, state: state, select: select };
})();
