// Draws the lineage graph (cytoscape, dagre's layered layout); a click or Enter on a
// body opens its page.
(function () {
  var g = JSON.parse(document.getElementById("graph-data").textContent);
  var links = JSON.parse(document.getElementById("graph-links").textContent);
  cytoscape.use(cytoscapeDagre);
  var elements = g.nodes.map(function (n) {
    return { data: { id: "n" + n.id, entity: n.id, label: n.label, root: n.root ? "yes" : "no" } };
  }).concat(g.edges.map(function (e) {
    return { data: { id: "e" + e.id, source: "n" + e.source, target: "n" + e.target, label: e.label, type: e.type } };
  }));
  var cy = cytoscape({
    container: document.getElementById("graph"), elements: elements, maxZoom: 1.4, minZoom: 0.2,
    layout: { name: "dagre", rankDir: "LR", nodeSep: 30, rankSep: 90 },
    style: [
      { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "text-max-width": 140,
          "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "background-color": "#1f5fa8", "width": 18, "height": 18 } },
      { selector: "node[root = 'yes']", style: { "background-color": "#f0a500", "width": 24, "height": 24 } },
      { selector: "edge", style: { "label": "data(label)", "font-size": 9, "curve-style": "bezier",
          "target-arrow-shape": "triangle", "line-color": "#9aa4ae", "target-arrow-color": "#9aa4ae",
          "text-background-color": "#fff", "text-background-opacity": 1, "text-rotation": "autorotate" } },
      { selector: "edge[type = 'member_of'], edge[type = 'parent_org']", style: { "line-style": "dashed" } }
    ]
  });
  cy.on("tap", "node", function (evt) {
    window.location.href = links.entity.replace("{}", evt.target.data("entity"));
  });
  document.getElementById("graph").setAttribute("data-nodes", String(cy.nodes().length));
  window.orglineGraph = cy;
})();
