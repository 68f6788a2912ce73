/* The name fields' limit, counted as the server counts it: in characters (code points), so that 100 emoji fit
   where the browser's maxlength (UTF-16 units) would have cut the name at 50, silently. A name over the limit
   is said at once, and the form is not sent with it. */
(function () {
  'use strict';

  function length(value) {
    return Array.from(value).length; // code points, as the server and MySQL's VARCHAR count them
  }

  function check(input) {
    var max = Number(input.dataset.maxChars);
    var count = length(input.value);
    var note = document.getElementById(input.id + '-length');
    var tooLong = count > max;
    var message = tooLong ? 'your name is too long: ' + count + ' characters, at most ' + max : '';
    input.setCustomValidity(message);
    if (note) {
      note.textContent = message;
      note.hidden = !tooLong;
    }
    if (tooLong) {
      input.setAttribute('aria-invalid', 'true');
    } else if (!input.hasAttribute('data-server-invalid')) {
      input.removeAttribute('aria-invalid');
    }
    return !tooLong;
  }

  document.querySelectorAll('input[data-max-chars]').forEach(function (input) {
    if (input.getAttribute('aria-invalid') === 'true') {
      input.setAttribute('data-server-invalid', '');
    }
    input.addEventListener('input', function () { check(input); });
    input.form.addEventListener('submit', function (event) {
      if (!check(input)) {
        event.preventDefault();
        input.focus();
      }
    });
  });
})();
