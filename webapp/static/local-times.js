/* Times arrive in UTC inside <time data-local datetime="...">. This shows them in the reader's own time zone
   and keeps the UTC text as the element's title, so a hover still tells the time the service recorded. */
(function () {
  'use strict';

  var localFormat = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit'
  });

  /** The server's own wording, e.g. "2026-11-24 10:15:03 UTC", from an ISO instant. */
  function utcText(iso) {
    return iso.slice(0, 19).replace('T', ' ') + ' UTC';
  }

  function showLocalTime(element) {
    var iso = element.getAttribute('datetime');
    var date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) {
      return;
    }
    element.title = utcText(iso);
    element.textContent = localFormat.format(date);
  }

  /** Gives a <time> a new moment (the service page learns its start and end times while it runs). */
  function setTime(element, iso) {
    if (element && iso && element.getAttribute('datetime') !== iso) {
      element.setAttribute('datetime', iso);
      showLocalTime(element);
    }
  }

  window.DayNight = window.DayNight || {};
  window.DayNight.showLocalTime = showLocalTime;
  window.DayNight.setTime = setTime;
  document.querySelectorAll('time[data-local]').forEach(showLocalTime);
  // Pages say once which zone their times are in, rather than beside every time.
  var zone = localFormat.resolvedOptions().timeZone;
  var inUtc = /^(Etc\/)?(UTC|GMT)$/.test(zone || '');
  document.querySelectorAll('[data-zone-note]').forEach(function (note) {
    note.querySelector('[data-zone]').textContent = zone ? zone.replace(/_/g, ' ') : 'your time zone';
    note.hidden = inUtc; // UTC readers see the times as recorded: nothing to explain
  });
})();
