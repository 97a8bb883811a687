/* The explorer: search every entity, expand neighbourhoods, trace paths, read the evidence,
   export what is drawn. Data arrive as static scripts (data/*.js, see kg/views/explorer.py):
   the index and the edge table at once, neighbourhood and article shards when needed.
   Every text from the graph goes in with textContent: names and sentences are untrusted. */
(function () {
  "use strict";

  var EXPAND = 20;        // neighbours added per expand, most connected first
  var LABELS = 400;       // labels drawn at most per frame, most important first
  var LABEL_PX = 13;      // label size on screen, whatever the zoom
  var RELATIONS_SHOWN = 30, ARTICLES_SHOWN = 20, MENTIONS_DRAWN = 80;

  var index = window.kgData.index, table = window.kgData.edges;
  var vocabulary = index.vocabulary, E = index.entities, A = index.articles;
  [[E, "subtype"], [E, "level"], [A, "source"]].forEach(function (c) {  // see coded() in explorer.py
    var column = c[0][c[1]];
    c[0][c[1]] = column.codes.map(function (i) { return column.names[i]; });
  });
  var count = E.key.length;
  var byKey = {};
  E.key.forEach(function (key, i) { byKey[key] = i; });

  /* adjacency: entity → indices of the relations that touch it */
  var adjacency = [];
  for (var i = 0; i < count; i++) adjacency.push([]);
  table.from.forEach(function (from, e) {
    adjacency[from].push(e);
    if (table.to[e] !== from) adjacency[table.to[e]].push(e);
  });
  var degree = adjacency.map(function (edges, v) {  // distinct neighbours
    var seen = {};
    edges.forEach(function (e) { seen[other(e, v)] = true; });
    return Object.keys(seen).length;
  });

  function other(e, v) { return table.from[e] === v ? table.to[e] : table.from[e]; }
  function kindOf(v) { return vocabulary.classOrder[E.kind[v]] || ""; }
  function predicateOf(e) { return vocabulary.relationOrder[table.predicate[e]]; }

  var state = {
    hiddenKinds: {}, hiddenRelations: {}, minConfidence: 0, colour: "class",
    selected: null,      // {type: "entity"|"edge"|"article"|"path"|"table"|"start", id}
    pathStart: null, path: null,  // path: {nodes: [...], edges: [...]}
    order: [],           // drawn entities in the order they came, for the URL
    labelled: [], labelBoxes: []  // entities whose labels the last frame drew, and where
  };

  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true, physics: { enabled: false }, layout: { improvedLayout: false },
    interaction: { hover: true, multiselect: false, keyboard: false, tooltipDelay: 3600000,
                   zoomView: true, dragView: true },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 0 } },  // labels: drawLabels below
    edges: { smooth: false, width: 1.2, selectionWidth: 2, arrows: { to: { scaleFactor: 0.6 } },
             font: { face: fontFace(), size: 11, color: "#3e4c59", strokeWidth: 3,
                     strokeColor: "#ffffff", align: "middle" } }
  });
  var panel = document.getElementById("kg-panel");
  var statusLine = document.getElementById("kg-status");

  /* ---------------- small helpers ---------------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function button(text, onClick, className) {
    var b = el("button", className || "kg-button", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function fontFace() {
    return getComputedStyle(document.body).fontFamily;
  }
  function className(v) {
    var name = (vocabulary.classes[kindOf(v)] || { name: kindOf(v) }).name;
    if (E.subtype[v]) name += " · " + (vocabulary.subtypes[E.subtype[v]] || E.subtype[v]);
    return name;
  }
  function classColour(v) {
    return (vocabulary.classes[kindOf(v)] || { colour: "#888888" }).colour;
  }
  function groupColour(group) {
    return group < 0 ? "#c4cbd3" : vocabulary.groupColours[group % vocabulary.groupColours.length];
  }
  function colourOf(v) {
    return state.colour === "class" ? classColour(v) : groupColour(E[state.colour][v]);
  }
  function relationLabel(e) {
    var label = vocabulary.relations[predicateOf(e)].label;
    var titles = table.titles[e];
    return titles ? label + "·" + titles : label;
  }
  function articleName(a) {
    return A.title[a] ? "《" + A.title[a] + "》" : "（无标题文章）";
  }
  function setStatus(text) { statusLine.textContent = text || ""; }

  /* ---------------- data shards, loaded by <script> (fetch() is blocked on file://) ---------------- */

  var shards = {};
  function load(name) {
    if (!shards[name]) {
      shards[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = "data/" + name + ".js";
        script.onload = function () {
          var value = window.kgData[name];
          delete window.kgData[name];
          script.remove();
          value ? resolve(value) : reject(new Error("empty shard " + name));
        };
        script.onerror = function () { delete shards[name]; reject(new Error("cannot load " + name)); };
        document.head.appendChild(script);
      });
    }
    return shards[name];
  }
  function shardName(kind, n) {
    var size = kind === "n" ? index.shards.entity : index.shards.article;
    return kind + "/" + ("000" + Math.floor(n / size)).slice(-4);
  }

  /* ---------------- what is drawn ---------------- */

  function isDrawn(v) { return nodes.get(v) !== null; }

  function edgeVisible(e) {
    return !state.hiddenRelations[predicateOf(e)] &&
      table.confidence[e] >= Math.round(state.minConfidence * 100) &&
      !state.hiddenKinds[kindOf(table.from[e])] && !state.hiddenKinds[kindOf(table.to[e])];
  }

  function visNode(v, x, y) {
    var fill = colourOf(v);
    return { id: v, x: x, y: y, size: Math.min(36, Math.round(8 + 3 * Math.sqrt(degree[v]))),
             hidden: !!state.hiddenKinds[kindOf(v)],
             color: { background: fill, border: "#1f2933",
                      highlight: { background: fill, border: "#000000" },
                      hover: { background: fill, border: "#000000" } } };
  }

  function visEdge(e) {
    var relation = vocabulary.relations[predicateOf(e)];
    var onPath = state.path && state.path.edges.indexOf(e) >= 0;
    return { id: e, from: table.from[e], to: table.to[e], label: relationLabel(e),
             arrows: relation.directed ? "to" : "", hidden: !edgeVisible(e),
             width: onPath ? 4 : 1.2,
             color: { color: onPath ? "#1f2933" : relation.colour, highlight: "#000000", hover: "#000000" } };
  }

  /* Add entities at the given positions, with every relation between them and what is drawn. */
  function add(placed) {
    var fresh = placed.filter(function (p) { return !isDrawn(p[0]); });
    if (!fresh.length) return;
    nodes.add(fresh.map(function (p) { return visNode(p[0], p[1], p[2]); }));
    var newEdges = {};
    fresh.forEach(function (p) {
      state.order.push(p[0]);
      adjacency[p[0]].forEach(function (e) {
        if (isDrawn(other(e, p[0])) && edges.get(e) === null) newEdges[e] = true;
      });
    });
    edges.add(Object.keys(newEdges).map(function (e) { return visEdge(Number(e)); }));
  }

  function clear() {
    nodes.clear();
    edges.clear();
    state.order = [];
    state.path = null;
  }

  function positionOf(v) {
    var p = network.getPositions([v])[v];
    return p ? [p.x, p.y] : null;
  }

  function centroid() {
    var all = network.getPositions(), x = 0, y = 0, n = 0;
    Object.keys(all).forEach(function (id) { x += all[id].x; y += all[id].y; n++; });
    return n ? [x / n, y / n] : [0, 0];
  }

  /* Free places on rings around `centre`, the first ring facing away from the rest, never on an
     entity already drawn. */
  function ring(centre, howMany) {
    var all = network.getPositions(), taken = Object.keys(all).map(function (id) { return all[id]; });
    var middle = centroid();
    var away = Math.atan2(centre[1] - middle[1], centre[0] - middle[0]) || 0;
    var spots = [], radius = 140;
    while (spots.length < howMany) {
      var slots = Math.max(6, Math.floor(2 * Math.PI * radius / 90));
      for (var k = 0; k < slots && spots.length < howMany; k++) {
        var turn = (k % 2 ? 1 : -1) * Math.ceil(k / 2);  // outward first, then both sides
        var angle = away + turn * 2 * Math.PI / slots;
        var x = centre[0] + radius * Math.cos(angle), y = centre[1] + radius * Math.sin(angle);
        var free = taken.every(function (p) { return (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y) > 60 * 60; });
        if (free) { spots.push([x, y]); taken.push({ x: x, y: y }); }
      }
      radius += 90;
    }
    return spots;
  }

  /* Draw `v` if it is not drawn: next to a drawn neighbour, else beside the drawing. */
  function place(v) {
    if (isDrawn(v)) return;
    var near = adjacency[v].map(function (e) { return other(e, v); }).filter(isDrawn)[0];
    var spot;
    if (near !== undefined) {
      spot = ring(positionOf(near), 1)[0];
    } else if (nodes.length) {  // unconnected to the drawing: to the right of it
      var all = network.getPositions(), right = -Infinity, y = 0;
      Object.keys(all).forEach(function (id) { if (all[id].x > right) { right = all[id].x; y = all[id].y; } });
      spot = [right + 200, y];
    } else {
      spot = [0, 0];
    }
    add([[v, spot[0], spot[1]]]);
  }

  /* Fit these entities in the view, with a margin for their labels. */
  function fit(list) {
    network.fit({ nodes: list, animation: false });
    network.moveTo({ scale: Math.min(1.5, network.getScale() * 0.85), animation: false });
  }

  function inView(v) {
    var p = network.canvasToDOM(network.getPositions([v])[v]);
    return p.x > 20 && p.y > 20 && p.x < container.clientWidth - 20 && p.y < container.clientHeight - 20;
  }

  function neighbours(v) {
    var seen = {}, list = [];
    adjacency[v].forEach(function (e) {
      var w = other(e, v);
      if (!seen[w] && edgeVisible(e)) { seen[w] = true; list.push(w); }
    });
    return list.sort(function (a, b) { return degree[b] - degree[a] || a - b; });
  }

  /* One step out: the EXPAND most connected neighbours not drawn yet (the filters apply). */
  function expand(v) {
    place(v);
    var hidden = neighbours(v).filter(function (w) { return !isDrawn(w); });
    var next = hidden.slice(0, EXPAND);
    var spots = ring(positionOf(v), next.length);
    add(next.map(function (w, k) { return [w, spots[k][0], spots[k][1]]; }));
    if (!next.concat([v]).every(inView)) fit(next.concat([v]));
    setStatus(next.length ? "已展开 " + E.label[v] + " 的 " + next.length + " 个邻居" +
      (hidden.length > next.length ? "，还有 " + (hidden.length - next.length) + " 个（再次展开）" : "")
      : E.label[v] + " 的邻居都已在图中");
    select({ type: "entity", id: v });  // the panel's count of neighbours left changes
    return next.length;
  }

  /* ---------------- shortest path (breadth-first over the relations that pass the filters) ---------------- */

  function shortestPath(a, b) {
    if (a === b) return { nodes: [a], edges: [] };
    var via = {}, seen = {}, frontier = [a];
    seen[a] = true;
    while (frontier.length && !seen[b]) {
      var next = [];
      frontier.forEach(function (v) {
        adjacency[v].forEach(function (e) {
          var w = other(e, v);
          if (!seen[w] && edgeVisible(e)) { seen[w] = true; via[w] = e; next.push(w); }
        });
      });
      frontier = next;
    }
    if (!seen[b]) return null;
    var path = { nodes: [b], edges: [] };
    for (var v = b; v !== a; ) {
      var e = via[v];
      path.edges.unshift(e);
      v = other(e, v);
      path.nodes.unshift(v);
    }
    return path;
  }

  function showPath(a, b) {
    var found = shortestPath(a, b);
    state.path = found;
    state.pathStart = a;
    if (!found) {
      select({ type: "path", id: [a, b] });
      return null;
    }
    place(a);
    var start = positionOf(a), missing = found.nodes.filter(function (v) { return !isDrawn(v); });
    var end = isDrawn(b) ? positionOf(b) : [start[0] + 160 * (found.nodes.length - 1), start[1]];
    add(found.nodes.map(function (v, k) {
      var t = k / Math.max(1, found.nodes.length - 1);
      return [v, start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]) + (k % 2 ? 40 : 0)];
    }).filter(function (p) { return missing.indexOf(p[0]) >= 0; }));
    refreshEdges();
    fit(found.nodes);
    select({ type: "path", id: [a, b] });
    return found;
  }

  /* ---------------- filters, colours, labels ---------------- */

  function refreshNodes() {
    nodes.update(nodes.getIds().map(function (v) { return visNode(v, undefined, undefined); })
      .map(function (n) { delete n.x; delete n.y; return n; }));
  }
  function refreshEdges() {
    edges.update(edges.getIds().map(visEdge));
  }
  function applyFilters() {
    refreshNodes();
    refreshEdges();
    legend();
    saveState();
  }

  function addFilter(fieldset, group, key, name, colour, mark) {
    var label = el("label"), box = el("input"), swatch = el("span", mark);
    box.type = "checkbox";
    box.checked = !state[group][key];
    box.value = key;
    box.addEventListener("change", function () { state[group][key] = !box.checked; applyFilters(); });
    swatch.style.background = colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "", name));
    fieldset.appendChild(label);
  }

  function buildFilters() {
    var classFilter = document.getElementById("kg-class-filter");
    var relationFilter = document.getElementById("kg-relation-filter");
    vocabulary.classOrder.forEach(function (kind) {
      var c = vocabulary.classes[kind];
      if (index.summary.classes[kind]) addFilter(classFilter, "hiddenKinds", kind, c.name + " " + index.summary.classes[kind], c.colour, "kg-swatch");
    });
    vocabulary.relationOrder.forEach(function (p) {
      var r = vocabulary.relations[p];
      if (index.summary.relations[p]) addFilter(relationFilter, "hiddenRelations", p, r.name + " " + index.summary.relations[p], r.colour, "kg-line");
    });
  }

  function syncControls() {
    document.querySelectorAll(".kg-filters input[type=checkbox]").forEach(function (box) {
      var group = box.parentNode.parentNode.id === "kg-class-filter" ? "hiddenKinds" : "hiddenRelations";
      box.checked = !state[group][box.value];
    });
    document.getElementById("kg-confidence").value = state.minConfidence;
    document.getElementById("kg-confidence-value").textContent = Number(state.minConfidence).toFixed(2);
    document.getElementById("kg-colour").value = state.colour;
  }

  /* The colour key: classes, or the districts / streets drawn now, largest first. */
  function legend() {
    var box = document.getElementById("kg-legend");
    while (box.firstChild) box.removeChild(box.firstChild);
    if (state.colour === "class") return;
    var counts = {};
    nodes.getIds().forEach(function (v) { var g = E[state.colour][v]; counts[g] = (counts[g] || 0) + 1; });
    Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a] || a - b; })
      .slice(0, 14).forEach(function (g) {
        var line = el("div", "kg-legend-item"), swatch = el("span", "kg-swatch");
        swatch.style.background = groupColour(g);
        line.appendChild(swatch);
        line.appendChild(g < 0 ? el("span", "", "未知") : entityLink(g));
        line.appendChild(el("span", "kg-count", " " + counts[g]));
        box.appendChild(line);
      });
  }

  /* Move what is drawn into one cluster per district (or street, when colouring by streets),
     largest first, in rows; entities of no district last. Within a cluster the most connected
     sit in the middle, the rest on a sunflower spiral around them. */
  function arrangeByGroup() {
    var by = state.colour === "street" ? "street" : "district", members = {};
    nodes.getIds().forEach(function (v) { (members[E[by][v]] = members[E[by][v]] || []).push(v); });
    var groups = Object.keys(members).map(Number).sort(function (a, b) {
      return (a < 0) - (b < 0) || members[b].length - members[a].length || a - b;
    });
    var radius = function (g) { return 50 * Math.sqrt(members[g].length) + 40; };
    var area = groups.reduce(function (sum, g) { return sum + 4 * radius(g) * radius(g); }, 0);
    var rowWidth = Math.sqrt(area * 1.6), x = 0, y = 0, rowHeight = 0, moved = [];
    groups.forEach(function (g) {
      var r = radius(g);
      if (x > 0 && x + 2 * r > rowWidth) { x = 0; y += rowHeight + 80; rowHeight = 0; }
      members[g].sort(function (a, b) { return degree[b] - degree[a] || a - b; }).forEach(function (v, k) {
        var distance = 50 * Math.sqrt(k), angle = k * 2.39996;  // the golden angle
        moved.push({ id: v, x: x + r + distance * Math.cos(angle), y: y + r + distance * Math.sin(angle) });
      });
      x += 2 * r + 80;
      rowHeight = Math.max(rowHeight, 2 * r);
    });
    nodes.update(moved);
    network.fit({ animation: false });
    setStatus("已按" + (by === "street" ? "街道、镇" : "区县") + "分组排列 " + groups.length + " 组");
    saveState();
  }

  /* Labels at a constant size on screen, at every zoom: the most important first (selected, on
     the path, most connected), each only where it overlaps no label already drawn. */
  function drawLabels(ctx) {
    var scale = network.getScale(), font = LABEL_PX / scale, pad = 2 / scale;
    var body = network.body.nodes;
    var selected = network.getSelectedNodes();
    var onPath = state.path ? state.path.nodes : [];
    var ids = nodes.getIds().filter(function (v) { return body[v] && !body[v].options.hidden; });
    ids.sort(function (a, b) {
      var pa = (selected.indexOf(a) >= 0 ? 2 : 0) + (onPath.indexOf(a) >= 0 ? 1 : 0);
      var pb = (selected.indexOf(b) >= 0 ? 2 : 0) + (onPath.indexOf(b) >= 0 ? 1 : 0);
      return pb - pa || degree[b] - degree[a] || a - b;
    });
    ctx.save();
    ctx.font = font + "px " + fontFace();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var boxes = [];
    state.labelled = [];
    state.labelBoxes = boxes;
    for (var k = 0; k < ids.length && boxes.length < LABELS; k++) {
      var node = body[ids[k]], text = E.label[ids[k]];
      var w = ctx.measureText(text).width, top = node.y + node.options.size + 3 / scale;
      var b = [node.x - w / 2 - pad, top - pad, node.x + w / 2 + pad, top + font + pad];
      var clash = boxes.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; });
      if (clash) continue;
      boxes.push(b);
      state.labelled.push(ids[k]);
      ctx.lineWidth = 3 / scale;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(text, node.x, top);
      ctx.fillStyle = "#1f2933";
      ctx.fillText(text, node.x, top);
    }
    ctx.restore();
  }

  /* ---------------- the side panel ---------------- */

  function clearPanel() {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    ["data-entity", "data-edge", "data-article", "data-loaded"].forEach(function (a) { panel.removeAttribute(a); });
  }

  function entityLink(v) {
    return button(E.label[v], function () { openEntity(v, true); }, "kg-entity-link");
  }
  function articleLink(a) {
    return button(articleName(a), function () { select({ type: "article", id: a }); }, "kg-entity-link");
  }

  function badge(v) {
    var b = el("span", "kg-class", className(v));
    b.style.background = classColour(v);
    return b;
  }

  /* "A 由 B 发布": the relation read the right way round, both ends clickable. */
  function reading(e, here) {
    var head = el("div", "kg-relation-head");
    var parts = vocabulary.relations[predicateOf(e)].reading.split(/(\{s\}|\{o\})/);
    parts.forEach(function (part) {
      if (part === "{s}" || part === "{o}") {
        var v = part === "{s}" ? table.from[e] : table.to[e];
        head.appendChild(v === here ? el("strong", "", E.label[v]) : entityLink(v));
      } else if (part) {
        head.appendChild(el("span", "", part));
      }
    });
    if (table.titles[e]) head.appendChild(el("span", "", "（" + table.titles[e] + "）"));
    return head;
  }

  /* The sentence with both names (and the post) marked. Offsets count code points. */
  function sentence(shard, ev) {
    var p = el("p", "kg-evidence"), chars = Array.from(shard.sentences[ev.t]), at = 0;
    ev.m.forEach(function (mark) {
      if (mark[0] > at) p.appendChild(document.createTextNode(chars.slice(at, mark[0]).join("")));
      p.appendChild(el("mark", "m-" + mark[2], chars.slice(mark[0], mark[1]).join("")));
      at = mark[1];
    });
    if (at < chars.length) p.appendChild(document.createTextNode(chars.slice(at).join("")));
    return p;
  }

  function evidenceMeta(ev) {
    var meta = el("p", "kg-meta");
    if (ev.a >= 0) {
      meta.appendChild(articleLink(ev.a));
      meta.appendChild(document.createTextNode(" " + A.source[ev.a] + " 第 " + A.position[ev.a] + " 篇 · "));
    }
    var parts = [];
    if (ev.c !== "") parts.push("置信度 " + ev.c);
    if (ev.s !== null && ev.e !== null) parts.push("原文字符 " + ev.s + "–" + ev.e);
    if (ev.r) parts.push("规则 " + ev.r);
    if (ev.o) parts.push("职务 " + ev.o);
    meta.appendChild(document.createTextNode(parts.join(" · ")));
    return meta;
  }

  function relationBlock(shard, e, here) {
    var block = el("div", "kg-relation");
    block.setAttribute("data-edge", e);
    block.appendChild(reading(e, here));
    var evidence = shard.relations[e] || [];
    if (!evidence.length) block.appendChild(el("p", "kg-meta", "图中没有这条关系的证据句。"));
    evidence.forEach(function (ev) {
      block.appendChild(sentence(shard, ev));
      block.appendChild(evidenceMeta(ev));
    });
    var more = table.evidence[e] - evidence.length;
    if (more > 0) block.appendChild(el("p", "kg-meta", "另有 " + more + " 条置信度较低的证据，见 graph.ttl 或 kg query。"));
    return block;
  }

  function showStart() {
    clearPanel();
    var s = index.summary;
    panel.appendChild(el("h2", "", "党建知识图谱"));
    panel.appendChild(el("p", "", s.pages + " 个版面，" + s.articles + " 篇文章；" + s.entities + " 个实体，" +
      s.edges + " 条关系（" + s.statements + " 条证据句）。"));
    panel.appendChild(el("p", "kg-hint", "画布上是连接最多的 " + index.overview.nodes.length +
      " 个实体。在上方搜索任何实体、别名（拼音首字母也可）或文章标题；双击节点展开邻居；" +
      "点击节点或连线，这里会列出每条关系的原文句子、文章、字符位置、置信度和规则。"));
    panel.appendChild(el("h3", "", "连接最多的实体"));
    var list = el("p", "kg-chips");
    index.overview.nodes.slice().sort(function (a, b) { return degree[b] - degree[a] || a - b; })
      .slice(0, 20).forEach(function (v) { list.appendChild(entityLink(v)); list.appendChild(document.createTextNode(" ")); });
    panel.appendChild(list);
  }

  function entityActions(v) {
    var actions = el("p", "kg-actions");
    var waiting = neighbours(v).filter(function (w) { return !isDrawn(w); }).length;
    actions.appendChild(button("展开邻居（" + waiting + "）", function () { expand(v); }));
    actions.appendChild(button("设为路径起点", function () {
      state.pathStart = v;
      setStatus("路径起点：" + E.label[v] + "。再选一个实体，点「到此的最短路径」。");
      select({ type: "entity", id: v });
    }));
    if (state.pathStart !== null && state.pathStart !== v) {
      actions.appendChild(button("从 " + E.label[state.pathStart] + " 到此的最短路径", function () {
        showPath(state.pathStart, v);
      }));
    }
    return actions;
  }

  function showEntity(v) {
    clearPanel();
    panel.setAttribute("data-entity", E.key[v]);
    panel.appendChild(el("h2", "", E.label[v]));
    var line = el("p");
    line.appendChild(badge(v));
    if (E.level[v]) line.appendChild(el("span", "", " 行政级别：" + (vocabulary.levels[E.level[v]] || E.level[v])));
    panel.appendChild(line);
    if (E.aliases[v].length) panel.appendChild(el("p", "kg-aliases", "别名：" + E.aliases[v].join("、")));
    ["district", "street"].forEach(function (g) {
      var head = E[g][v];
      if (head >= 0 && head !== v) {
        var p = el("p", "kg-meta", g === "district" ? "所属区县：" : "所属街道、镇：");
        p.appendChild(entityLink(head));
        panel.appendChild(p);
      }
    });
    panel.appendChild(el("p", "kg-iri", index.base + E.key[v]));
    panel.appendChild(entityActions(v));
    var own = adjacency[v].slice().sort(function (a, b) {
      return table.predicate[a] - table.predicate[b] || degree[other(b, v)] - degree[other(a, v)] || a - b;
    });
    var heading = el("h3", "", "关系（" + own.length + "）");
    panel.appendChild(heading);
    var holder = el("div");
    panel.appendChild(holder);
    var articles = el("div");
    panel.appendChild(articles);
    load(shardName("n", v)).then(function (shard) {
      if (panel.getAttribute("data-entity") !== E.key[v]) return;
      var shown = 0;
      function more() {
        own.slice(shown, shown + RELATIONS_SHOWN).forEach(function (e) { holder.appendChild(relationBlock(shard, e, v)); });
        shown += RELATIONS_SHOWN;
        if (shown < own.length) holder.appendChild(button("再显示 " + Math.min(RELATIONS_SHOWN, own.length - shown) + " 条关系", function (event) {
          event.target.remove();
          more();
        }));
      }
      more();
      var mine = shard.articles[v] || [];
      articles.appendChild(el("h3", "", "提及它的文章（" + mine.length + "）"));
      var list = el("ul", "kg-articles");
      mine.slice(0, ARTICLES_SHOWN).forEach(function (a) {
        var item = el("li");
        item.appendChild(articleLink(a));
        item.appendChild(el("span", "kg-meta", " " + A.source[a] + " 第 " + A.position[a] + " 篇"));
        list.appendChild(item);
      });
      articles.appendChild(list);
      if (mine.length > ARTICLES_SHOWN) articles.appendChild(el("p", "kg-meta", "另有 " + (mine.length - ARTICLES_SHOWN) + " 篇。"));
      panel.setAttribute("data-loaded", "true");
    }, failed);
  }

  function showEdge(e) {
    clearPanel();
    panel.setAttribute("data-edge", e);
    panel.appendChild(el("h2", "", E.label[table.from[e]] + " " + relationLabel(e) + " " + E.label[table.to[e]]));
    panel.appendChild(el("p", "kg-meta", "证据 " + table.evidence[e] + " 条 · 最高置信度 " + (table.confidence[e] / 100).toFixed(2)));
    load(shardName("n", table.from[e])).then(function (shard) {
      if (panel.getAttribute("data-edge") !== String(e)) return;
      panel.appendChild(relationBlock(shard, e, null));
      panel.setAttribute("data-loaded", "true");
    }, failed);
  }

  /* An article and everything it mentions, by class; one click draws them all. */
  function showArticle(a) {
    clearPanel();
    panel.setAttribute("data-article", A.key[a]);
    panel.appendChild(el("h2", "", articleName(a)));
    panel.appendChild(el("p", "kg-meta", A.source[a] + " 第 " + A.position[a] + " 篇 · 提及 " + A.mentions[a] + " 个实体"));
    load(shardName("a", a)).then(function (shard) {
      if (panel.getAttribute("data-article") !== A.key[a]) return;
      var mentioned = shard[a] || [];
      panel.appendChild(el("p", "kg-actions")).appendChild(button("在图中显示这些实体", function () {
        drawTogether(mentioned.slice(0, MENTIONS_DRAWN));
      }));
      vocabulary.classOrder.forEach(function (kind) {
        var ofKind = mentioned.filter(function (v) { return kindOf(v) === kind; });
        if (!ofKind.length) return;
        panel.appendChild(el("h3", "", vocabulary.classes[kind].name + "（" + ofKind.length + "）"));
        var chips = el("p", "kg-chips");
        ofKind.forEach(function (v) { chips.appendChild(entityLink(v)); chips.appendChild(document.createTextNode(" ")); });
        panel.appendChild(chips);
      });
      panel.setAttribute("data-loaded", "true");
    }, failed);
  }

  function drawTogether(list) {
    var missing = list.filter(function (v) { return !isDrawn(v); });
    var anchor = nodes.length ? centroid() : [0, 0];
    var spots = ring(anchor, missing.length);
    add(missing.map(function (v, k) { return [v, spots[k][0], spots[k][1]]; }));
    fit(list);
    saveState();
  }

  function showPathPanel(a, b) {
    clearPanel();
    panel.appendChild(el("h2", "", "最短路径"));
    var path = state.path;
    if (!path) {
      panel.appendChild(el("p", "", "在当前筛选下，" + E.label[a] + " 与 " + E.label[b] + " 之间没有路径。"));
      panel.setAttribute("data-loaded", "true");
      return;
    }
    panel.setAttribute("data-path", path.nodes.map(function (v) { return E.key[v]; }).join(" "));
    panel.appendChild(el("p", "kg-meta", E.label[a] + " → " + E.label[b] + "：" + path.edges.length + " 步"));
    var names = path.edges.map(function (e) { return shardName("n", table.from[e]); });
    Promise.all(names.map(load)).then(function (loaded) {
      path.edges.forEach(function (e, k) { panel.appendChild(relationBlock(loaded[k], e, null)); });
      panel.setAttribute("data-loaded", "true");
    }, failed);
  }

  function showTable() {
    clearPanel();
    panel.appendChild(el("h2", "", "画布上的实体和关系"));
    var shownNodes = nodes.getIds().filter(function (v) { return !state.hiddenKinds[kindOf(v)]; });
    var shownEdges = edges.getIds().filter(edgeVisible);
    var actions = el("p", "kg-actions");
    actions.appendChild(button("下载实体 CSV", function () { download("kg-entities.csv", csv(entityRows(shownNodes)), "text/csv"); }));
    actions.appendChild(button("下载关系 CSV", function () { download("kg-relations.csv", csv(edgeRows(shownEdges)), "text/csv"); }));
    panel.appendChild(actions);
    panel.appendChild(el("h3", "", "实体（" + shownNodes.length + "）"));
    panel.appendChild(htmlTable(entityRows(shownNodes)));
    panel.appendChild(el("h3", "", "关系（" + shownEdges.length + "）"));
    panel.appendChild(htmlTable(edgeRows(shownEdges)));
    panel.setAttribute("data-loaded", "true");
  }

  function entityRows(list) {
    return [["名称", "类别", "区县", "街道、镇", "连接数", "IRI"]].concat(list.map(function (v) {
      return [E.label[v], className(v), E.district[v] >= 0 ? E.label[E.district[v]] : "",
              E.street[v] >= 0 ? E.label[E.street[v]] : "", degree[v], index.base + E.key[v]];
    }));
  }
  function edgeRows(list) {
    return [["起点", "关系", "终点", "最高置信度", "证据数"]].concat(list.map(function (e) {
      return [E.label[table.from[e]], relationLabel(e), E.label[table.to[e]],
              (table.confidence[e] / 100).toFixed(2), table.evidence[e]];
    }));
  }
  function htmlTable(rows) {
    var t = el("table", "kg-table"), head = el("tr");
    rows[0].forEach(function (h) { head.appendChild(el("th", "", h)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    rows.slice(1).forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell) { tr.appendChild(el("td", "", cell)); });
      body.appendChild(tr);
    });
    return t;
  }

  /* RFC 4180 quoting; a cell that a spreadsheet would take for a formula starts with ' instead. */
  function csv(rows) {
    return "\ufeff" + rows.map(function (row) {
      return row.map(function (cell) {
        var text = String(cell);
        if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
        return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  function download(name, content, type) {
    var a = el("a");
    a.download = name;
    a.href = typeof content === "string" && type ? URL.createObjectURL(new Blob([content], { type: type + ";charset=utf-8" })) : content;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function png() {
    return container.querySelector("canvas").toDataURL("image/png");
  }

  function failed(error) {
    panel.appendChild(el("p", "kg-error", "无法载入数据：" + error.message + "（views 文件夹是否完整？）"));
  }

  /* ---------------- selection and the URL ---------------- */

  function select(what) {
    state.selected = what;
    if (what.type === "entity") {
      network.selectNodes(isDrawn(what.id) ? [what.id] : []);
      showEntity(what.id);
    } else if (what.type === "edge") {
      network.selectEdges([what.id]);
      showEdge(what.id);
    } else if (what.type === "article") {
      showArticle(what.id);
    } else if (what.type === "path") {
      showPathPanel(what.id[0], what.id[1]);
    } else if (what.type === "table") {
      showTable();
    } else {
      network.unselectAll();
      showStart();
    }
    saveState();
  }

  /* Open an entity from anywhere: draw it (beside a drawn neighbour), select it, zoom to it. */
  function openEntity(v, zoom) {
    if (state.hiddenKinds[kindOf(v)]) {
      state.hiddenKinds[kindOf(v)] = false;
      syncControls();
      applyFilters();
    }
    place(v);
    if (zoom) network.focus(v, { scale: Math.max(network.getScale(), 0.9), animation: false });
    select({ type: "entity", id: v });
  }

  function keys(list) { return list.map(function (v) { return encodeURIComponent(E.key[v]); }).join(","); }
  function fromKeys(text) {
    return (text ? text.split(",") : []).map(function (k) { return byKey[decodeURIComponent(k)]; })
      .filter(function (v) { return v !== undefined; });
  }

  /* The hash says what is drawn and selected, the filters and the view, so a copied link
     reopens the same picture: o=1 the overview, n=entities drawn (besides), s=selection, p=path ends, hk/hr=hidden classes
     and relations, c=minimum confidence, g=colouring, z=zoom,x,y. */
  function stateHash() {
    var parts = [], s = state.selected || { type: "start" };
    var o = index.overview.nodes;
    var fromOverview = state.order.length >= o.length && o.every(function (v, k) { return state.order[k] === v; });
    if (fromOverview) parts.push("o=1");
    var added = fromOverview ? state.order.slice(o.length) : state.order;
    if (added.length || !fromOverview) parts.push("n=" + keys(added));
    if (s.type === "entity") parts.push("s=" + keys([s.id]));
    if (s.type === "edge") parts.push("e=" + keys([table.from[s.id], table.to[s.id]]) + "," + predicateOf(s.id));
    if (s.type === "article") parts.push("a=" + encodeURIComponent(A.key[s.id]));
    if (s.type === "path") parts.push("p=" + keys(s.id));
    if (s.type === "table") parts.push("t=1");
    var hk = Object.keys(state.hiddenKinds).filter(function (k) { return state.hiddenKinds[k]; }).sort();
    var hr = Object.keys(state.hiddenRelations).filter(function (k) { return state.hiddenRelations[k]; }).sort();
    if (hk.length) parts.push("hk=" + hk.join(","));
    if (hr.length) parts.push("hr=" + hr.join(","));
    if (state.minConfidence > 0) parts.push("c=" + state.minConfidence);
    if (state.colour !== "class") parts.push("g=" + state.colour);
    var view = network.getViewPosition();
    parts.push("z=" + network.getScale().toFixed(3) + "," + Math.round(view.x) + "," + Math.round(view.y));
    return "#" + parts.join("&");
  }

  var restoring = false;
  function saveState() {
    if (restoring) return;
    var hash = stateHash();
    if (hash !== window.location.hash) history.replaceState(null, "", hash);
  }

  function drawOverview() {
    clear();
    var o = index.overview;
    add(o.nodes.map(function (v, k) { return [v, o.x[k], o.y[k]]; }));
    network.fit({ animation: false });
  }

  function restore(hash) {
    var params = {};
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1);
    });
    restoring = true;
    setStatus("");
    state.hiddenKinds = {};
    state.hiddenRelations = {};
    (params.hk ? params.hk.split(",") : []).forEach(function (k) { state.hiddenKinds[k] = true; });
    (params.hr ? params.hr.split(",") : []).forEach(function (k) { state.hiddenRelations[k] = true; });
    state.minConfidence = Math.min(1, Math.max(0, Number(params.c) || 0));
    state.colour = params.g === "district" || params.g === "street" ? params.g : "class";
    syncControls();
    if (params.o || params.n === undefined) {
      drawOverview();
    } else {
      clear();
    }
    var o = index.overview, at = {};
    o.nodes.forEach(function (v, k) { at[v] = [o.x[k], o.y[k]]; });
    fromKeys(params.n).forEach(function (v) {
      if (at[v] && !isDrawn(v)) add([[v, at[v][0], at[v][1]]]); else place(v);
    });
    refreshNodes();
    legend();
    var what = { type: "start" };
    if (params.s) {
      var v = fromKeys(params.s)[0];
      if (v !== undefined) what = { type: "entity", id: v };
    } else if (params.e) {
      var ends = fromKeys(params.e), p = decodeURIComponent(params.e.split(",").pop());
      var e = ends.length === 2 ? adjacency[ends[0]].filter(function (x) {
        return table.to[x] === ends[1] && predicateOf(x) === p; })[0] : undefined;
      if (e !== undefined) what = { type: "edge", id: e };
    } else if (params.a) {
      var a = A.key.indexOf(decodeURIComponent(params.a));
      if (a >= 0) what = { type: "article", id: a };
    } else if (params.p) {
      var pair = fromKeys(params.p);
      if (pair.length === 2) {
        state.path = shortestPath(pair[0], pair[1]);
        state.pathStart = pair[0];
        refreshEdges();
        what = { type: "path", id: pair };
      }
    } else if (params.t) {
      what = { type: "table" };
    }
    select(what);
    if (params.z) {
      var z = params.z.split(",").map(Number);
      if (z.length === 3 && z.every(isFinite) && z[0] > 0) {
        network.moveTo({ scale: z[0], position: { x: z[1], y: z[2] }, animation: false });
      }
    }
    restoring = false;
    saveState();
  }

  /* ---------------- search: every entity, alias, pinyin initials, article title ---------------- */

  function rank(v, q, ascii) {
    var label = E.label[v].toLowerCase();
    if (label === q) return [0, ""];
    var aliases = E.aliases[v];
    for (var k = 0; k < aliases.length; k++) if (aliases[k].toLowerCase() === q) return [1, aliases[k]];
    if (label.indexOf(q) === 0) return [2, ""];
    for (k = 0; k < aliases.length; k++) if (aliases[k].toLowerCase().indexOf(q) === 0) return [3, aliases[k]];
    if (label.indexOf(q) >= 0) return [4, ""];
    for (k = 0; k < aliases.length; k++) if (aliases[k].toLowerCase().indexOf(q) >= 0) return [5, aliases[k]];
    if (ascii && E.initials[v] === q) return [6, ""];
    if (ascii && E.initials[v].indexOf(q) === 0) return [7, ""];
    return null;
  }

  /* The best matches: exact names first, then prefixes, then any part, then pinyin initials;
     more connected first within a rank. Then articles whose title contains the text. */
  function search(query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var ascii = /^[a-z]+$/.test(q), found = [];
    for (var v = 0; v < count; v++) {
      var r = rank(v, q, ascii);
      if (r) found.push({ entity: v, score: r[0], alias: r[1] });
    }
    found.sort(function (a, b) {
      return a.score - b.score || degree[b.entity] - degree[a.entity] ||
        E.label[a.entity].length - E.label[b.entity].length || a.entity - b.entity;
    });
    var more = Math.max(0, found.length - (limit || 20));
    found = found.slice(0, limit || 20);
    for (var a = 0; a < A.title.length && found.length < (limit || 20) + 5; a++) {
      if (A.title[a].toLowerCase().indexOf(q) >= 0) found.push({ article: a });
    }
    found.more = more;  // entities matched but left out: the list offers them on request
    return found;
  }

  function setupSearch() {
    var input = document.getElementById("kg-search"), list = document.getElementById("kg-results");
    var current = [];
    function hide() { list.hidden = true; }
    function choose(hit) {
      hide();
      if (hit.article !== undefined) select({ type: "article", id: hit.article });
      else { input.value = E.label[hit.entity]; openEntity(hit.entity, true); }
    }
    function show(limit) {
      limit = typeof limit === "number" ? limit : 20;
      current = search(input.value, limit);
      while (list.firstChild) list.removeChild(list.firstChild);
      current.forEach(function (hit) {
        var item = el("li"), b;
        if (hit.article !== undefined) {
          b = button(articleName(hit.article), function () { choose(hit); }, "");
          b.appendChild(el("span", "kg-result-meta", "文章 · " + A.source[hit.article]));
        } else {
          b = button(E.label[hit.entity], function () { choose(hit); }, "");
          var district = E.district[hit.entity];  // tells apart people of the same name
          b.appendChild(el("span", "kg-result-meta", className(hit.entity) + " · " + degree[hit.entity] + " 个关联" +
            (district >= 0 && district !== hit.entity ? " · " + E.label[district] : "") +
            (hit.alias ? "（别名：" + hit.alias + "）" : "")));
        }
        item.appendChild(b);
        list.appendChild(item);
      });
      if (current.more) {
        var more = el("li");
        more.appendChild(button("另有 " + current.more + " 个匹配的实体，再显示 " + Math.min(50, current.more) + " 个", function (event) {
          event.stopPropagation();  // the list is rebuilt: the click must not count as outside it
          show(limit + 50);
        }, "kg-more"));
        list.appendChild(more);
      }
      if (!current.length && input.value.trim()) list.appendChild(el("li", "kg-result-meta", "没有匹配的实体或文章"));
      list.hidden = !input.value.trim();
    }
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        current = search(input.value);
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

  /* ---------------- wiring ---------------- */

  function tooltip() {
    var tip = document.getElementById("kg-tip");
    network.on("hoverNode", function (params) {
      var v = params.node;
      tip.textContent = "";
      tip.appendChild(el("strong", "", E.label[v]));
      tip.appendChild(el("div", "", className(v) + " · " + degree[v] + " 个关联"));
      if (E.district[v] >= 0 && E.district[v] !== v) tip.appendChild(el("div", "", "区县：" + E.label[E.district[v]]));
      if (E.aliases[v].length) tip.appendChild(el("div", "", "别名：" + E.aliases[v].slice(0, 3).join("、")));
      tip.appendChild(el("div", "kg-meta", "单击看证据，双击展开"));
      tip.style.left = (params.pointer.DOM.x + 14) + "px";
      tip.style.top = (params.pointer.DOM.y + 14) + "px";
      tip.hidden = false;
    });
    network.on("blurNode", function () { tip.hidden = true; });
    network.on("dragStart", function () { tip.hidden = true; });
  }

  function wire() {
    network.on("click", function (params) {
      if (params.nodes.length) select({ type: "entity", id: params.nodes[0] });
      else if (params.edges.length) select({ type: "edge", id: params.edges[0] });
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) expand(params.nodes[0]);
    });
    network.on("beforeDrawing", function (ctx) {
      // A white ground, so the exported PNG is not transparent.
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.restore();
    });
    network.on("afterDrawing", function (ctx) {
      drawLabels(ctx);
      document.body.setAttribute("data-drawn", "true");
    });
    network.on("dragEnd", saveState);
    var settle = 0;  // save the zoom once the wheel stops, not at every step
    network.on("zoom", function () { window.clearTimeout(settle); settle = window.setTimeout(saveState, 200); });
    document.getElementById("kg-confidence").addEventListener("input", function (event) {
      state.minConfidence = Number(event.target.value);
      document.getElementById("kg-confidence-value").textContent = state.minConfidence.toFixed(2);
      applyFilters();
    });
    document.getElementById("kg-colour").addEventListener("change", function (event) {
      state.colour = event.target.value;
      applyFilters();
    });
    document.getElementById("kg-overview").addEventListener("click", function () { drawOverview(); select({ type: "start" }); });
    document.getElementById("kg-home").addEventListener("click", function (event) {
      event.preventDefault();
      drawOverview();
      select({ type: "start" });
    });
    document.getElementById("kg-clear").addEventListener("click", function () {
      var keep = network.getSelectedNodes();
      clear();
      keep.forEach(function (v) { add([[v, 0, 0]]); });
      saveState();
    });
    document.getElementById("kg-arrange").addEventListener("click", arrangeByGroup);
    document.getElementById("kg-table-button").addEventListener("click", function () { select({ type: "table" }); });
    document.getElementById("kg-png").addEventListener("click", function () { download("kg-explorer.png", png()); });
    document.getElementById("kg-link").addEventListener("click", function () {
      saveState();
      var done = function () { setStatus("链接已复制：" + window.location.href.slice(0, 80) + "…"); };
      if (navigator.clipboard) navigator.clipboard.writeText(window.location.href).then(done, function () {
        setStatus("请从地址栏复制链接。");
      });
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash !== stateHash()) restore(window.location.hash);
    });
  }

  buildFilters();
  setupSearch();
  tooltip();
  wire();
  if (!count) {
    clearPanel();
    panel.appendChild(el("p", "kg-empty", "图中还没有实体。"));
    document.body.setAttribute("data-drawn", "true");
  } else {
    restore(window.location.hash);
  }

  /* For the browser tests and the curious: the explorer's own handles. */
  window.kg = {
    network: network, nodes: nodes, edges: edges, state: state, degree: degree,
    key: function (v) { return E.key[v]; }, label: function (v) { return E.label[v]; },
    find: function (key) { return byKey[key]; },
    search: search, open: openEntity, expand: expand, path: showPath, shortestPath: shortestPath,
    select: select, csv: csv, png: png, hash: stateHash, arrange: arrangeByGroup,
    drawnKeys: function () { return nodes.getIds().map(function (v) { return E.key[v]; }).sort(); }
  };
})();
