// The published site's search: filters the list of entities by any of their names.
(function () {
  var input = document.getElementById("filter");
  var items = document.querySelectorAll("#all-entities li");
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    items.forEach(function (li) { li.hidden = q !== "" && li.getAttribute("data-names").indexOf(q) < 0; });
  });
})();
