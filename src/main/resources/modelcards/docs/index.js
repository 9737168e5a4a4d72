// Filters and sorting for the model index. The table is complete without this script; it only hides
// rows that do not match the chosen family/head/resolution and reorders rows by a clicked column.
// The page wraps it in a CDATA section so the page also parses as XML: it must never contain the CDATA end marker.
(function () {
  'use strict';
  var table = document.getElementById('models');
  var form = document.getElementById('filters');
  var count = document.getElementById('count');
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));

  function applyFilters() {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (s) {
        return s.value === '' || row.getAttribute('data-' + s.getAttribute('data-filter')) === s.value;
      });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + ' of ' + rows.length + ' variants';
  }

  function sortBy(th, index) {
    var numeric = th.getAttribute('data-type') === 'number';
    var descending = th.getAttribute('aria-sort') === 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute('data-sort');
      var y = b.cells[index].getAttribute('data-sort');
      var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      if (d === 0) { d = a.getAttribute('data-handle').localeCompare(b.getAttribute('data-handle')); }
      return descending ? -d : d;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(th, index); });
  });
  selects.forEach(function (s) { s.addEventListener('change', applyFilters); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  // ?family=...&head=...&resolution=... preselects filters, so a filtered view can be linked to.
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var wanted = params.get(s.getAttribute('data-filter'));
    if (wanted !== null) { s.value = wanted; }
  });
  form.hidden = false;
  applyFilters();

  // the compare button is live only for 2 to 4 ticked rows
  var compareForm = document.getElementById('compare-select');
  var compareButton = document.getElementById('compare-button');
  var compareCount = document.getElementById('compare-count');
  function updateCompare() {
    var n = compareForm.querySelectorAll('input[name="h"]:checked').length;
    compareButton.disabled = n < 2 || n > 4;
    compareCount.textContent = n === 0 ? 'Tick 2 to 4 rows to compare them side by side.'
      : n + ' selected' + (n < 2 ? ': tick at least 2.' : n > 4 ? ': at most 4 fit side by side.' : '.');
  }
  if (compareForm) {
    compareForm.addEventListener('change', updateCompare);
    updateCompare();
  }
}());
