// Draws the lineage graph (cytoscape): each body a box holding its name and life span,
// placed in the column and row the server gave it (columns run left to right in time);
// the box is sized to its text and the drawing to the boxes. A click or Enter on a body
// opens its page.
(function () {
  var g = JSON.parse(document.getElementById("graph-data").textContent);
  var links = JSON.parse(document.getElementById("graph-links").textContent);
  var container = document.getElementById("graph");
  var FONT = "12px system-ui, sans-serif", LINE = 15, PAD = 8, WRAP = 150, COL_GAP = 130, ROW_GAP = 34;
  var pen = document.createElement("canvas").getContext("2d");
  pen.font = FONT;

  // the lines a box's text wraps into, as cytoscape will wrap them at WRAP pixels
  function lines(text) {
    var out = [];
    text.split("\n").forEach(function (para) {
      var line = "";
      para.split(" ").forEach(function (word) {
        var next = line ? line + " " + word : word;
        if (line && pen.measureText(next).width > WRAP) { out.push(line); line = word; } else { line = next; }
      });
      out.push(line);
    });
    return out;
  }

  var boxes = {};
  g.nodes.forEach(function (n) {
    var text = n.label + (n.span ? "\n" + n.span : "");
    var ls = lines(text);
    var w = Math.max.apply(null, ls.map(function (l) { return pen.measureText(l).width; }));
    boxes[n.id] = { text: text, w: Math.ceil(w) + 2 * PAD, h: ls.length * LINE + 2 * PAD };
  });

  // columns as wide as their widest box; rows as tall as the tallest box, each column centred
  var cols = {}, rowH = 0;
  g.nodes.forEach(function (n) {
    var c = cols[n.col] || (cols[n.col] = { w: 0, n: 0 });
    c.w = Math.max(c.w, boxes[n.id].w);
    c.n += 1;
    rowH = Math.max(rowH, boxes[n.id].h);
  });
  rowH += ROW_GAP;
  var x = 0, colX = {};
  Object.keys(cols).map(Number).sort(function (a, b) { return a - b; }).forEach(function (c) {
    colX[c] = x + cols[c].w / 2;
    x += cols[c].w + COL_GAP;
  });
  var pos = {};
  g.nodes.forEach(function (n) {
    pos[n.id] = { x: colX[n.col], y: (n.row - (cols[n.col].n - 1) / 2) * rowH };
  });

  // a line that spans columns must not run through a box it passes: move such a box down
  // half a row until it is clear (a few tries; the server's rows already avoid most)
  function crosses(e, n) {
    var a = pos[e.source], b = pos[e.target], p = pos[n.id], box = boxes[n.id];
    if (n.id === e.source || n.id === e.target || p.x <= Math.min(a.x, b.x) || p.x >= Math.max(a.x, b.x)) return false;
    var y = a.y + (b.y - a.y) * (p.x - a.x) / (b.x - a.x);
    return Math.abs(y - p.y) < box.h / 2 + LINE;
  }
  for (var tries = 0; tries < 8; tries++) {
    var moved = false;
    g.edges.forEach(function (e) {
      g.nodes.forEach(function (n) {
        if (crosses(e, n)) { pos[n.id].y += rowH / 2; moved = true; }
      });
    });
    if (!moved) break;
  }

  var elements = g.nodes.map(function (n) {
    return { data: { id: "n" + n.id, entity: n.id, label: boxes[n.id].text, w: boxes[n.id].w, h: boxes[n.id].h,
                     root: n.root ? "yes" : "no" }, position: pos[n.id] };
  }).concat(g.edges.map(function (e) {
    return { data: { id: "e" + e.id, source: "n" + e.source, target: "n" + e.target, type: e.type,
                     label: e.label + (e.year !== null ? "\n" + e.year : "") } };
  }));
  var ys = g.nodes.map(function (n) { return pos[n.id].y; });
  var tall = Math.max.apply(null, ys) - Math.min.apply(null, ys) + rowH + 40;
  container.style.height = Math.max(160, Math.min(tall, 900)) + "px";  // sized to the graph, within a screen
  var cy = cytoscape({
    container: container, elements: elements, maxZoom: 1, minZoom: 0.2, layout: { name: "preset", padding: 20 },
    style: [
      { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "text-max-width": WRAP,
          "font-size": 12, "font-family": "system-ui, sans-serif", "line-height": LINE / 12, "text-valign": "center",
          "text-halign": "center", "shape": "round-rectangle", "width": "data(w)", "height": "data(h)",
          "background-color": "#eef3f9", "border-width": 1, "border-color": "#1f5fa8", "color": "#1a1a1a" } },
      { selector: "node[root = 'yes']", style: { "background-color": "#fff4d6", "border-color": "#b37800",
          "border-width": 2 } },
      { selector: "edge", style: { "label": "data(label)", "font-size": 10, "text-wrap": "wrap", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "line-color": "#8a949e", "target-arrow-color": "#8a949e",
          "text-background-color": "#fff", "text-background-opacity": 1, "text-background-padding": 2 } },
      { selector: "edge[type = 'member_of'], edge[type = 'parent_org']", style: { "line-style": "dashed" } }
    ]
  });
  cy.fit(undefined, 20);
  cy.on("tap", "node", function (evt) {
    window.location.href = links.entity.replace("{}", evt.target.data("entity"));
  });
  container.setAttribute("data-nodes", String(cy.nodes().length));
  window.orglineGraph = cy;
})();
