// Asks before a step one click should not take (a form with data-confirm: unpublish, archive, delete). Confirmed,
// the form is sent with confirmed=true; without this script the server answers such a form with a confirmation page.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) {
      return;
    }
    if (!window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      return;
    }
    if (!form.querySelector('input[name="confirmed"]')) {
      var confirmed = document.createElement('input');
      confirmed.type = 'hidden';
      confirmed.name = 'confirmed';
      confirmed.value = 'true';
      form.appendChild(confirmed);
    }
  });
})();
