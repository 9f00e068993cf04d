// Draws the timeline from the JSON the page carries; selecting an item opens its claim.
(function () {
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var links = JSON.parse(document.getElementById("timeline-links").textContent);
  var container = document.getElementById("timeline");
  var DAY = 24 * 3600 * 1000;
  // the first window holds every item, with room for labels at the ends; set before the
  // first draw, so the scale never starts from today's date
  var times = [];
  data.items.forEach(function (i) {
    times.push(Date.parse(i.start));
    if (i.end) times.push(Date.parse(i.end));
  });
  var options = {
    zoomMin: DAY, zoomMax: DAY * 365 * 1000, stack: true, orientation: "top",
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 6 }, tooltip: { followMouse: true },
    groupHeightMode: "auto", dataAttributes: ["id"]
  };
  if (times.length) {
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var pad = Math.max((hi - lo) * 0.15, DAY * 365 * 2);
    options.start = new Date(lo - pad);
    options.end = new Date(hi + 2.5 * pad);  // labels run to the right of their items
  }
  var items = new vis.DataSet(data.items);
  var timeline = new vis.Timeline(container, items, new vis.DataSet(data.groups), options);
  timeline.on("select", function (props) {
    var id = props.items[0];
    if (id === undefined || String(id).charAt(0) === "n") return;
    var item = items.get(id);
    window.location.href = links.entity.replace("{}", item.group) + "#claim-" + id;
  });
  // once drawn, widen the window until every label ends inside it: a label is as wide as
  // its text, whatever the scale, so the window needs (t - start) * W / (W - label) at least
  var fitted = false;
  timeline.on("changed", function () {
    if (fitted) {  // drawn again in the fitted window: say so, for whoever waits on it
      container.setAttribute("data-fitted", "yes");
      return;
    }
    if (!times.length) return;
    fitted = true;
    var panel = container.querySelector(".vis-panel.vis-center").getBoundingClientRect();
    var w = timeline.getWindow(), start = w.start.valueOf(), span = w.end.valueOf() - start, need = span;
    container.querySelectorAll(".vis-item[data-id]").forEach(function (el) {
      var item = items.get(el.getAttribute("data-id")) || items.get(Number(el.getAttribute("data-id")));
      if (!item) return;
      var text = el.querySelector(".vis-item-content") || el;
      var room = panel.width - text.getBoundingClientRect().width - 24;
      var t = Date.parse(item.start);
      if (room > 0) need = Math.max(need, (t - start) * panel.width / room);
      if (item.end) need = Math.max(need, (Date.parse(item.end) - start) * 1.02);
    });
    if (need > span) timeline.setWindow(new Date(start), new Date(start + need), { animation: false });
    else container.setAttribute("data-fitted", "yes");
  });
  container.setAttribute("data-drawn", String(data.items.length));
})();
