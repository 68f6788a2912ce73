/* The service page's results table: filtering (all / day / night / errors), sorting by image name, and the
   rows service-progress.js adds while a service runs, with the page's counts of each answer, which it keeps.
   Without scripts the filter links ask the server. */
(function () {
  'use strict';

  var card = document.getElementById('results-card');
  if (!card) {
    return;
  }
  var table = document.getElementById('results');
  var tbody = table.tBodies[0];
  var wrap = table.closest('.table-wrap');
  var template = document.getElementById('row-template');
  var emptyNote = document.getElementById('empty-note');
  var truncatedNote = document.getElementById('truncated-note');
  var links = Array.prototype.slice.call(card.querySelectorAll('.filters a[data-filter]'));
  var serverFilter = card.dataset.filter;
  var maxRows = Number(card.dataset.maxRows);
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var shown = serverFilter;
  var order = 'none';
  var counts = {};
  ['day', 'night', 'error'].forEach(function (kind) {
    counts[kind] = Number(document.getElementById('count-' + kind).textContent);
  });
  var nextSeq = 0;

  Array.prototype.forEach.call(tbody.rows, function (row) { row.dataset.seq = nextSeq++; });

  /** Filtering in the page needs every row in it: true while the server listed them all, unfiltered. */
  function holdsEveryRow() {
    return serverFilter === 'all' && truncatedNote.hidden;
  }

  function keeps(filter, result) {
    return filter === 'all' || filter === result;
  }

  function show(filter) {
    shown = filter;
    links.forEach(function (link) {
      if (link.dataset.filter === filter) {
        link.setAttribute('aria-current', 'true');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    var visible = 0;
    var last = null;
    Array.prototype.forEach.call(tbody.rows, function (row) {
      row.hidden = !keeps(filter, row.dataset.result);
      row.classList.remove('last-shown');
      if (!row.hidden) {
        visible++;
        last = row;
      }
    });
    if (last) {
      last.classList.add('last-shown'); // a filtered table ends without a rule, as a whole one does
    }
    wrap.hidden = visible === 0;
    emptyNote.hidden = visible > 0;
    emptyNote.textContent = total() === 0 ? 'No image is done yet.' : 'No result of this kind.';
  }

  links.forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (!holdsEveryRow()) {
        return; // the server lists the first rows of that kind
      }
      event.preventDefault();
      show(link.dataset.filter);
      history.replaceState(null, '', link.href);
    });
  });

  // --- sorting by name: listing order, then A to Z, then Z to A

  var header = table.querySelector('th.col-image');
  var sortButton = document.createElement('button');
  sortButton.type = 'button';
  sortButton.className = 'sort';
  sortButton.id = 'sort-image';
  sortButton.textContent = header.textContent;
  var icon = document.createElement('span');
  icon.className = 'sort-icon';
  icon.setAttribute('aria-hidden', 'true');
  sortButton.appendChild(icon);
  header.textContent = '';
  header.appendChild(sortButton);
  header.setAttribute('aria-sort', 'none');
  sortButton.title = 'Sort by image name';

  function sortRows() {
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      if (order === 'none') {
        return a.dataset.seq - b.dataset.seq;
      }
      var byName = collator.compare(a.cells[0].textContent, b.cells[0].textContent);
      return order === 'ascending' ? byName : -byName;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    show(shown);
  }

  sortButton.addEventListener('click', function () {
    order = order === 'none' ? 'ascending' : order === 'ascending' ? 'descending' : 'none';
    header.setAttribute('aria-sort', order);
    sortRows();
  });

  // --- rows that arrive while the service runs

  /** What a result counts as: day, night, or an error for anything else. */
  function kindOf(result) {
    return result.result === 'day' || result.result === 'night' ? result.result : 'error';
  }

  function rowFor(result, kind) {
    var row = template.content.firstElementChild.cloneNode(true);
    row.dataset.result = kind;
    row.dataset.seq = nextSeq++;
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

  /**
   * Results in listing order, after those the page already had: each is counted; the server's filter and row
   * limit decide which become rows.
   */
  function add(results) {
    results.forEach(function (result) {
      var kind = kindOf(result);
      counts[kind]++;
      if (!keeps(serverFilter, result.result)) {
        return;
      }
      if (tbody.rows.length >= maxRows) {
        truncatedNote.hidden = false;
        return;
      }
      tbody.appendChild(rowFor(result, kind));
    });
    showCounts();
    if (order !== 'none') {
      sortRows();
    }
    show(shown);
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
    document.getElementById('matching-count').textContent = serverFilter === 'all' ? total() : counts[serverFilter];
  }

  /** The counts so far, a copy: only add() changes them. */
  function currentCounts() {
    return { day: counts.day, night: counts.night, error: counts.error };
  }

  window.DayNight = window.DayNight || {};
  window.DayNight.resultsTable = { add: add, counts: currentCounts };
})();
