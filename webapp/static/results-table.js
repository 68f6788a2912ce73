/* The service page's results while a service runs: the counts of each answer, which it keeps, and, when the
   page shows the table's first page in the bucket's order, the rows service-progress.js hands it, up to the
   page's size. Filtering, sorting and paging are the server's (the links ask for them), over all results. */
(function () {
  'use strict';

  var card = document.getElementById('results-card');
  if (!card) {
    return;
  }
  var table = document.getElementById('results');
  var live = card.dataset.live === 'true' && table !== null;
  var tbody = table ? table.tBodies[0] : null;
  var wrap = table ? table.closest('.table-wrap') : null;
  var template = document.getElementById('row-template');
  var emptyNote = document.getElementById('empty-note');
  var moreNote = document.getElementById('more-note');
  var serverFilter = card.dataset.filter;
  /** The kind of result the page's filter keeps ('errors' keeps the kind 'error'); 'all' keeps every kind. */
  var serverKind = serverFilter === 'errors' ? 'error' : serverFilter;
  var maxRows = Number(card.dataset.maxRows);
  var counts = {};
  ['day', 'night', 'error'].forEach(function (kind) {
    counts[kind] = Number(document.getElementById('count-' + kind).textContent);
  });

  /** What a result counts as: day, night, or an error for anything else. */
  function kindOf(result) {
    return result.result === 'day' || result.result === 'night' ? result.result : 'error';
  }

  function keeps(kind) {
    return serverFilter === 'all' || serverKind === kind;
  }

  function rowFor(result, kind) {
    var row = template.content.firstElementChild.cloneNode(true);
    row.dataset.result = kind;
    row.cells[0].textContent = result.image;
    var badge = row.cells[1].firstElementChild;
    badge.classList.add('result-' + kind);
    badge.textContent = kind;
    if (result.error) {
      var error = document.createElement('span');
      error.className = 'error-text';
      error.textContent = result.error;
      row.cells[1].append(' ', error);
    }
    row.cells[2].textContent = typeof result.confidence === 'number' ? percent(result.confidence) : '';
    return row;
  }

  /** As ResultRow.getConfidence: tenths, rounded down, so only a certain answer reads 100%. */
  function percent(confidence) {
    var tenths = Math.floor(confidence * 1000 + 1e-9) / 10;
    return tenths >= 100 ? '100%' : tenths.toFixed(1) + '%';
  }

  /** Results in listing order, after those the page already had: each is counted; a live table shows some. */
  function add(results) {
    results.forEach(function (result) {
      var kind = kindOf(result);
      counts[kind]++;
      if (!live || !keeps(kind)) {
        return;
      }
      if (tbody.rows.length >= maxRows) {
        moreNote.hidden = false;
        return;
      }
      tbody.appendChild(rowFor(result, kind));
    });
    showCounts();
    if (live && tbody.rows.length > 0) {
      wrap.hidden = false;
      emptyNote.hidden = true;
      document.getElementById('page-summary').hidden = false;
      document.getElementById('first-shown').textContent = '1';
      document.getElementById('last-shown').textContent = tbody.rows.length;
    }
  }

  function total() {
    return counts.day + counts.night + counts.error;
  }

  function showCounts() {
    document.getElementById('filter-count-all').textContent = total();
    ['day', 'night', 'error'].forEach(function (kind) {
      document.getElementById('count-' + kind).textContent = counts[kind];
      document.getElementById('filter-count-' + kind).textContent = counts[kind];
    });
    document.getElementById('matching-count').textContent = serverFilter === 'all' ? total() : counts[serverKind];
  }

  /** The counts so far, a copy: only add() changes them. */
  function currentCounts() {
    return { day: counts.day, night: counts.night, error: counts.error };
  }

  window.DayNight = window.DayNight || {};
  window.DayNight.resultsTable = { add: add, counts: currentCounts };
})();
