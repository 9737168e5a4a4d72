// Search over the cards embedded in the page (script#search-data): every query word must match a field;
// the best matches come first. Runs from file:// (no fetch), loads nothing. The page wraps it in a CDATA
// section so the page also parses as XML: it must never contain the CDATA end marker.
(function () {
  'use strict';
  var embedded = JSON.parse(document.getElementById('search-data').textContent);
  var data = embedded.cards;
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var count = document.getElementById('search-count');
  var form = document.getElementById('search-form');
  var LIMIT = 50;

  // the words a card is found by, most specific first
  data.forEach(function (e) {
    e.parts = e.handle.toLowerCase().split(/[\/_]+/);
    e.named = (e.family + ' ' + e.head.replace('_', ' ') + ' ' + e.quantization + ' ' + e.format).toLowerCase()
      .split(/[^a-z0-9.]+/);
    e.text = embedded.texts[e.text].split(' ');
  });

  function prefixOf(words, t) {
    return words.some(function (w) { return w.indexOf(t) === 0; });
  }

  // score of one query word against one card; 0: no match
  function score(e, t) {
    if (/^[0-9]+(\.[0-9]+)?$/.test(t)) {
      var n = parseFloat(t);
      var s = 0;
      if (t.indexOf('.') >= 0 || n < 2) { s = Math.max(s, parseFloat(e.multiplier) === n ? 6 : 0); }
      if (e.resolution === n) { s = Math.max(s, 6); }
      if (e.version === n) { s = Math.max(s, 2); }
      if (s === 0 && e.parts.indexOf(t) >= 0) { s = 4; }
      return s;
    }
    if (t.length > 3 && e.handle.indexOf(t) >= 0) { return 8; }
    if (e.parts.indexOf(t) >= 0 || e.named.indexOf(t) >= 0) { return 5; }
    if (prefixOf(e.parts, t) || prefixOf(e.named, t)) { return 4; }
    if (prefixOf(e.text, t)) { return 1; }
    return 0;
  }

  function rank(query) {
    var terms = query.toLowerCase().split(/[\s,;]+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    var hits = [];
    data.forEach(function (e) {
      var total = 0;
      for (var i = 0; i < terms.length; i++) {
        var s = score(e, terms[i]);
        if (s === 0) { return; }
        total += s;
      }
      // ties: the latest version, the float model, the model card before its TF.js child
      if (e.latest) { total += 0.5; }
      if (e.quantization === '') { total += 0.25; }
      if (e.format !== 'TF.js') { total += 0.125; }
      hits.push({ entry: e, score: total });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || (a.entry.handle < b.entry.handle ? -1 : a.entry.handle > b.entry.handle ? 1 : 0);
    });
    return hits;
  }

  function show(query) {
    var hits = rank(query);
    list.textContent = '';
    hits.slice(0, LIMIT).forEach(function (h) {
      var e = h.entry;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = e.page;
      a.textContent = e.handle;
      li.appendChild(a);
      var what = document.createElement('span');
      what.className = 'muted';
      what.textContent = ' ' + e.family + ' ' + e.multiplier + '/' + e.resolution + ' ' + e.head.replace('_', ' ')
        + (e.quantization ? ' \u00b7 ' + e.quantization : '') + ' \u00b7 v' + e.version + ' \u00b7 ' + e.format
        + (e.latest ? ' \u00b7 latest' : '') + ' \u00b7 top-1 ' + e.top1 + ' %';
      li.appendChild(what);
      list.appendChild(li);
    });
    count.textContent = query.trim() === '' ? '' : hits.length === 0 ? 'No card matches.'
      : hits.length + (hits.length === 1 ? ' card' : ' cards') + (hits.length > LIMIT ? ', the first ' + LIMIT + ' shown' : '');
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  input.addEventListener('input', function () {
    show(input.value);
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var first = links()[0];
    if (first) { window.location.href = first.href; }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') { return; }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      (all[Math.min(at + 1, all.length - 1)] || input).focus();
    } else if (at >= 0) {
      ev.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q !== null) { input.value = q; }
  show(input.value);
  input.focus();
}());
