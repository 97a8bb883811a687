/* The entry page: its search box opens the entity's focused view, or the network at the entity. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var classes = data.vocabulary.classes;
  window.KgSearch(document.getElementById("kg-search"), document.getElementById("kg-results"),
    data.elsewhere, function (entry) {
      window.location.href = entry.focus || "network.html#" + encodeURIComponent(entry.id);
    }, function (entry) { return (classes[entry.kind] || { name: entry.kind }).name; });
})();
