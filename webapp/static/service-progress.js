/* Follows a queued or started service: polls its JSON document for the results it has not seen yet (from=n),
   moves the progress bar, the counts, the times and the table, and stops once the service is finished or
   failed. A screen reader hears the status changes and every quarter of the way, not each poll. */
(function () {
  'use strict';

  var page = document.getElementById('service');
  var resultsCard = document.getElementById('results-card');
  if (!page || !resultsCard) {
    return;
  }
  var DayNight = window.DayNight;
  var status = page.dataset.status;
  var quarterSaid = 0;
  var failures = 0;
  var baseTitle = document.title;

  function byId(id) {
    return document.getElementById(id);
  }

  function isDone(value) {
    return value === 'finished' || value === 'failed';
  }

  /** Each poll asks only for the results after those counted; a slow answer still spaces the polls: 4 times its cost, 1.5 to 10 s. */
  function nextDelay(elapsed) {
    return Math.min(10000, Math.max(1500, elapsed * 4));
  }

  function poll() {
    var began = performance.now();
    var counts = DayNight.resultsTable.counts();
    var from = counts.day + counts.night + counts.error;
    fetch(page.dataset.jsonUrl + '&from=' + from, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (document) {
        if (document.serviceResults.Progress.done < from) {
          // Fewer results than the page holds: the service started over (its bucket changed between two
          // attempts), so the rows and counts here are stale. The page is drawn again from the server.
          window.location.reload();
          return;
        }
        failures = 0;
        byId('progress-hint').textContent = 'This page follows the service until it is done.';
        update(document.serviceResults);
        if (!isDone(status)) {
          setTimeout(poll, nextDelay(performance.now() - began));
        }
      })
      .catch(function () {
        failures++;
        byId('progress-hint').textContent = 'The service cannot be reached just now; trying again.';
        setTimeout(poll, Math.min(15000, 2000 * failures));
      });
  }

  /** doc.Results holds the results after those counted (from doc.ResultsFrom): the table adds and counts them. */
  function update(doc) {
    DayNight.resultsTable.add(doc.Results || []);

    DayNight.setTime(byId('started-time'), doc.ServiceStartTime);
    DayNight.setTime(byId('ended-time'), doc.ServiceEndTime);
    var percent = showProgress(doc.Progress, doc.Status);
    showStatus(doc, DayNight.resultsTable.counts(), percent);
  }

  /** Returns the percentage done, or null while the bucket is still being listed. */
  function showProgress(progress, newStatus) {
    var done = progress.done;
    var total = progress.total;
    var known = total !== null && total !== undefined;
    // listed is false while the bucket is still being listed: the total is then a lower bound
    var lowerBound = known && progress.listed === false;
    var percent = !known || lowerBound
      ? (newStatus === 'finished' ? 100 : newStatus === 'failed' ? 0 : null)
      : (total === 0 ? 100 : Math.floor(100 * done / total));
    var text = !known ? String(done) : done + (lowerBound ? ' of at least ' : ' of ') + total;
    var bar = byId('progress-bar');
    byId('progress-text').textContent = text;
    byId('progress-percent').textContent = percent === null ? '' : percent + '%';
    bar.classList.toggle('indeterminate', percent === null);
    bar.firstElementChild.style.width = (percent === null ? 100 : percent) + '%';
    bar.setAttribute('aria-valuetext', text + ' images');
    if (percent === null) {
      bar.removeAttribute('aria-valuenow');
      bar.removeAttribute('aria-valuemax');
    } else {
      bar.setAttribute('aria-valuemax', '100');
      bar.setAttribute('aria-valuenow', String(percent));
    }
    return percent;
  }

  function showStatus(doc, counts, percent) {
    var newStatus = doc.Status;
    if (newStatus !== status) {
      var badge = byId('status');
      badge.className = 'badge status-' + newStatus;
      badge.textContent = newStatus;
      page.dataset.status = newStatus;
      status = newStatus;
      announce(newStatus, doc, counts);
    } else if (status === 'started' && percent !== null && Math.floor(percent / 25) > quarterSaid && percent < 100) {
      quarterSaid = Math.floor(percent / 25);
      say(percent + '% of the images done.');
    }
    document.title = (isDone(status) ? status : (percent === null ? status : percent + '%')) + ' · ' + baseTitle;
    if (isDone(status)) {
      byId('progress-hint').hidden = true;
      byId('duration').textContent = duration(doc.ServiceStartTime, doc.ServiceEndTime);
    }
    if (doc.Notice) { // finished with no result: say why instead of a bare 100 %
      byId('service-notice-text').textContent = doc.Notice;
      byId('service-notice').hidden = false;
      byId('progress-bar').classList.add('nothing-done');
      byId('empty-note').textContent = 'No image was classified.';
    }
    if (status === 'failed') {
      byId('service-error-text').textContent = doc.Error || 'for a reason that was not recorded';
      byId('service-error').hidden = false;
    }
  }

  function announce(newStatus, doc, counts) {
    if (newStatus === 'started') {
      say('The service has started.');
    } else if (newStatus === 'finished') {
      say('The service is finished: ' + counts.day + ' day, ' + counts.night + ' night, '
        + counts.error + ' errors.');
    } else if (newStatus === 'failed') {
      say('The service failed.');
    }
  }

  function say(text) {
    byId('announcer').textContent = text;
  }

  /** The same wording as the server's: "4.2 s", "3 min 12 s", "1 h 5 min". */
  function duration(startIso, endIso) {
    if (!startIso || !endIso) {
      return '-';
    }
    var ms = new Date(endIso).getTime() - new Date(startIso).getTime();
    if (ms < 100) {
      return 'under 0.1 s';
    }
    if (ms < 60000) {
      return (ms / 1000).toFixed(1) + ' s';
    }
    if (ms < 3600000) {
      return Math.floor(ms / 60000) + ' min ' + Math.floor(ms / 1000) % 60 + ' s';
    }
    return Math.floor(ms / 3600000) + ' h ' + Math.floor(ms / 60000) % 60 + ' min';
  }

  if (!isDone(status)) {
    setTimeout(poll, 1000);
  }
})();
