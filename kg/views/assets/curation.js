/* Marks what a curator changed (data/curation.js, written by explorer.py only for a curated graph):
   a badge 已校订 with the curation's line, note and curator in a curated entity's panel, a mark
   人工添加 under each evidence a curator added, and a dashed ring around curated entities.

   This script is a separate file, loaded before explorer.js only when the graph has curations, so
   the views of an uncurated corpus stay byte for byte the same. It therefore works from outside
   explorer.js: it watches the side panel for what explorer.js draws there, and draws the rings on
   the network explorer.js hands out (window.kg) after each frame.
   Every text is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var marks = window.kgData.curation;
  var keys = window.kgData.index.entities.key;  // entity number → key, as panel's data-entity holds
  var byKey = {};
  keys.forEach(function (key, v) { byKey[key] = v; });
  var RING = "#d97706";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* "curation.csv:3 · 李研究 · 2024-05-01 · 同一机构": where, who, when and why. */
  function describe(n) {
    var note = marks.notes[n];
    return [note.line, note.curator, note.date, note.note].filter(Boolean).join(" · ");
  }

  function markEntity(panel) {
    var v = byKey[panel.getAttribute("data-entity")];
    var found = marks.entities[v];
    var title = panel.querySelector("h2");
    if (!found || !title || panel.querySelector(".kg-curated")) return;
    var box = el("div", "kg-curated");
    box.style.cssText = "margin:4px 0 8px;padding:4px 8px;border-left:3px solid " + RING +
      ";background:#fff7ed;font-size:12px";
    var badge = el("span", "kg-curated-badge", "已校订");
    badge.style.cssText = "display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:" + RING;
    box.appendChild(badge);
    found.forEach(function (n) {
      box.appendChild(el("div", "kg-curated-line", marks.notes[n].label + "（" + describe(n) + "）"));
    });
    title.parentNode.insertBefore(box, title.nextSibling);
  }

  /* A relation block holds its shown evidence as sentence/meta pairs, in the order the data
     numbers them: the mark goes under the k-th meta line. */
  function markRelations(panel) {
    panel.querySelectorAll(".kg-relation[data-edge]").forEach(function (block) {
      var added = marks.edges[block.getAttribute("data-edge")];
      if (!added || block.querySelector(".kg-added")) return;
      var sentences = block.querySelectorAll(".kg-evidence");
      Object.keys(added).forEach(function (k) {
        var sentence = sentences[Number(k)];
        if (!sentence) return;
        var mark = el("p", "kg-added kg-meta");
        mark.style.cssText = "color:" + RING + ";font-weight:700";
        mark.textContent = "人工添加" + added[k].map(function (n) { return "（" + describe(n) + "）"; }).join("");
        var meta = sentence.nextSibling;
        block.insertBefore(mark, meta ? meta.nextSibling : null);
      });
    });
  }

  function watchPanel() {
    var panel = document.getElementById("kg-panel");
    if (!panel) return;
    // Our own insertions are mutations too: both marks check first, so they settle at once.
    new MutationObserver(function () {
      if (panel.hasAttribute("data-entity")) markEntity(panel);
      markRelations(panel);
    }).observe(panel, { childList: true, subtree: true, attributes: true });
  }

  /* A dashed ring around each curated entity drawn, after vis-network draws a frame. */
  function ring(network) {
    network.on("afterDrawing", function (ctx) {
      var body = network.body.nodes, scale = network.getScale();
      ctx.save();
      ctx.strokeStyle = RING;
      ctx.lineWidth = 3 / scale;
      ctx.setLineDash([6 / scale, 4 / scale]);
      Object.keys(marks.entities).forEach(function (v) {
        var node = body[v];
        if (!node || node.options.hidden) return;
        ctx.beginPath();
        ctx.arc(node.x, node.y, node.options.size + 4 / scale, 0, 2 * Math.PI);
        ctx.stroke();
      });
      ctx.restore();
    });
  }

  /* explorer.js runs after this script and hands out its network as window.kg; by
     DOMContentLoaded every script of the page has run. */
  function start() {
    watchPanel();
    if (window.kg && window.kg.network) {
      ring(window.kg.network);
      window.kg.network.redraw();
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
