/* The submission form: once a name is typed, its recent services appear under the form (from the same
   JSON list as GET /services?userName=...). Built with textContent only: names and buckets are user data. */
(function () {
  'use strict';

  var input = document.getElementById('userName');
  var section = document.getElementById('recent');
  if (!input || !section) {
    return;
  }
  var list = document.getElementById('recent-list');
  var base = section.dataset.listUrl;
  var statuses = ['queued', 'started', 'finished', 'failed'];
  var asked = null;
  var timer;

  function lookUp() {
    var name = input.value;
    if (name === asked) {
      return;
    }
    asked = name;
    if (!name.trim()) {
      section.hidden = true;
      return;
    }
    var listUrl = base + '?userName=' + encodeURIComponent(name);
    fetch(listUrl + '&format=json', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (services) {
        if (name === input.value) {
          render(name, listUrl, services.slice(0, 5));
        }
      })
      .catch(function () { section.hidden = true; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  function render(name, listUrl, services) {
    list.replaceChildren();
    if (services.length === 0) {
      section.hidden = true;
      return;
    }
    document.getElementById('recent-name').textContent = name;
    document.getElementById('recent-all').href = listUrl;
    services.forEach(function (service) {
      var link = element('a', 'service-id-inline', service.ServiceId);
      link.href = base + '/' + encodeURIComponent(service.ServiceId);
      var status = statuses.indexOf(service.Status) >= 0 ? service.Status : 'queued';
      var when = element('time', 'when', '');
      when.setAttribute('datetime', service.ServiceRequestTime);
      window.DayNight.showLocalTime(when);
      var item = document.createElement('li');
      item.append(link, element('code', 'bucket', service.Bucket), element('span', 'badge status-' + status, service.Status), when);
      list.appendChild(item);
    });
    section.hidden = false;
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 400);
  });
  if (input.value) {
    lookUp();
  }
})();
