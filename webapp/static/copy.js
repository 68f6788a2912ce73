/* Copy buttons: <button data-copy="element-id" data-copy-status="status-id">. They stay hidden without
   scripts, where selecting the text is the way. */
(function () {
  'use strict';

  /** The Clipboard API needs a secure context (https or localhost); elsewhere a selected textarea is copied. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand('copy');
      area.remove();
      if (copied) {
        resolve();
      } else {
        reject(new Error('copy refused'));
      }
    });
  }

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copyStatus);
    var label = button.textContent;
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.textContent.trim();
      copy(text).then(function () {
        button.textContent = 'Copied';
        if (status) {
          status.textContent = 'ServiceID ' + text + ' copied to the clipboard.';
        }
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        if (status) {
          status.textContent = 'Copying is not allowed here: select the ServiceID and copy it by hand.';
        }
      });
    });
  });
})();
