// Live Markdown preview: a button with data-preview-url posts the text of data-preview-source to the server, which
// renders it through the same pipeline as a saved text, and shows the result in data-preview-target. Without
// JavaScript the same button submits the form, which comes back with the preview.
(function () {
  'use strict';
  document.querySelectorAll('button[data-preview-url]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-preview-source'));
    var target = document.getElementById(button.getAttribute('data-preview-target'));
    if (!source || !target || !window.fetch) { return; }
    var form = button.form;
    var timer = null;

    function refresh() {
      var body = new URLSearchParams();
      body.append('markdown', source.value);
      var token = form && form.querySelector('input[name="_csrf"]');
      if (token) { body.append('_csrf', token.value); }
      fetch(button.getAttribute('data-preview-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) {
        target.innerHTML = html; // sanitised by the server's Markdown pipeline
      }).catch(function () {
        // Keep the last preview; the button still submits the form as a fallback next time.
        button.removeAttribute('data-preview-url');
      });
    }

    button.addEventListener('click', function (event) {
      if (!button.hasAttribute('data-preview-url')) { return; }
      event.preventDefault();
      refresh();
    });
    source.addEventListener('input', function () {
      if (!button.hasAttribute('data-preview-url')) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    });
  });
})();
