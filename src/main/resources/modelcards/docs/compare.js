// The compare table: the variants named by ?h=<handle> (2 to 4), one column each, one row per fact, the
// best value of each numeric row marked. The data is embedded in the page (script#compare-data), so this
// runs from file://. The page wraps it in a CDATA section: it must never contain the CDATA end marker.
(function () {
  'use strict';
  var MAX = 4;
  var data = JSON.parse(document.getElementById('compare-data').textContent);
  var byHandle = {};
  data.forEach(function (v) { byHandle[v.handle] = v; });
  var table = document.getElementById('compare');
  var status = document.getElementById('compare-status');
  var picks = Array.prototype.slice.call(document.querySelectorAll('#compare-form select'));

  // label, value, and which end is best: 'min', 'max' or none
  var ROWS = [
    ['Family', function (v) { return v.family; }],
    ['Multiplier', function (v) { return v.multiplier; }],
    ['Resolution', function (v) { return v.resolution + ' px'; }],
    ['Head', function (v) { return v.head.replace('_', ' '); }],
    ['Quantization', function (v) { return v.quantization; }],
    ['Input size', function (v) { return v.input; }],
    ['Output dims', function (v) { return String(v.output); }],
    ['MACs (M)', function (v) { return v.macs; }, 'min', 'macs'],
    ['Params (M)', function (v) { return v.params; }, 'min', 'params'],
    ['Top-1 %', function (v) { return v.top1; }, 'max', 'top1'],
    ['Top-5 %', function (v) { return v.top5; }, 'max', 'top5'],
    ['Pixel 1 latency (ms)', function (v) { return v.latency === null ? '\u2014' : v.latency; }, 'min', 'latency'],
    ['Versions', function (v) { return v.versions.join(', ') + ' (latest ' + v.latest + ')'; }],
    ['Formats', function (v) { return v.formats.join(', ') + (v.tfjs ? ', TF.js' : ''); }]
  ];

  var wanted = new URLSearchParams(window.location.search).getAll('h').filter(function (h) { return h !== ''; });
  var unknown = wanted.filter(function (h) { return !byHandle[h]; });
  var chosen = wanted.filter(function (h, i) { return byHandle[h] && wanted.indexOf(h) === i; }).slice(0, MAX);
  picks.forEach(function (s, i) { s.value = chosen[i] || ''; });

  if (unknown.length > 0) {
    status.textContent = 'Not in the catalog: ' + unknown.join(', ') + '. ';
  }
  if (chosen.length < 2) {
    status.textContent += 'Choose at least two variants to compare.';
    return;
  }
  if (wanted.length > MAX) {
    status.textContent += 'Only the first ' + MAX + ' variants are shown.';
  }
  var variants = chosen.map(function (h) { return byHandle[h]; });

  var head = table.tHead.insertRow();
  var corner = document.createElement('th');
  corner.textContent = 'Variant';
  corner.scope = 'col';
  head.appendChild(corner);
  variants.forEach(function (v) {
    var th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('data-handle', v.handle);
    var a = document.createElement('a');
    a.href = v.page;
    a.textContent = v.name;
    th.appendChild(a);
    head.appendChild(th);
  });

  var body = table.tBodies[0];
  ROWS.forEach(function (row) {
    var tr = body.insertRow();
    if (row[3]) { tr.setAttribute('data-field', row[3]); }
    var th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row[0];
    tr.appendChild(th);
    var values = variants.map(row[1]);
    var numbers = values.map(function (x) { return row[2] ? parseFloat(x) : NaN; });
    var known = numbers.filter(function (x) { return !isNaN(x); });
    var best = null;
    if (row[2] && known.length > 1) {
      best = row[2] === 'min' ? Math.min.apply(null, known) : Math.max.apply(null, known);
      if (Math.min.apply(null, known) === Math.max.apply(null, known)) { best = null; }
    }
    values.forEach(function (x, i) {
      var td = tr.insertCell();
      td.textContent = String(x);
      if (row[2]) { td.className = 'num'; }
      if (best !== null && numbers[i] === best) {
        td.className += ' best';
        td.setAttribute('data-best', 'true');
        var mark = document.createElement('span');
        mark.className = 'badge pass';
        mark.textContent = 'best';
        td.appendChild(document.createTextNode(' '));
        td.appendChild(mark);
      }
    });
  });
  table.hidden = false;
  status.textContent += 'Comparing ' + variants.length + ' variants.';
}());
