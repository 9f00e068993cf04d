// Draws the timeline from the JSON the page carries; selecting an item opens its claim.
(function () {
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var links = JSON.parse(document.getElementById("timeline-links").textContent);
  var container = document.getElementById("timeline");
  var items = new vis.DataSet(data.items);
  var groups = new vis.DataSet(data.groups);
  var DAY = 24 * 3600 * 1000;
  var timeline = new vis.Timeline(container, items, groups, {
    zoomMin: DAY, zoomMax: DAY * 365 * 1000, stack: true, orientation: "top",
    margin: { item: 6 }, tooltip: { followMouse: true }
  });
  var span = timeline.getItemRange();  // fit every item, with room for the labels at the ends
  if (span.min && span.max) {
    var pad = Math.max((span.max - span.min) * 0.15, DAY * 365 * 2);
    timeline.setWindow(new Date(span.min.valueOf() - pad), new Date(span.max.valueOf() + pad), { animation: false });
  }
  timeline.on("select", function (props) {
    var id = props.items[0];
    if (id === undefined || String(id).charAt(0) === "n") return;
    var item = items.get(id);
    window.location.href = links.entity.replace("{}", item.group) + "#claim-" + id;
  });
  container.setAttribute("data-drawn", String(data.items.length));
})();
