// Sends the import form's file as the request's body (streamed to disk by the server, up to the import limit), with
// the other fields in the query string and the CSRF token in its header; then opens the dry run's report, or shows
// the server's message on the form. Without this script the form posts as multipart (smaller files only).
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  var token = meta('_csrf');
  var header = meta('_csrf_header');
  if (!token || !header) {
    return;
  }
  var errorEl = document.getElementById('import-error');
  var sending = document.getElementById('import-sending');
  var button = document.getElementById('import-check');
  form.addEventListener('submit', function (event) {
    var input = document.getElementById('import-file');
    if (!input.files || input.files.length === 0) {
      return;
    }
    event.preventDefault();
    var file = input.files[0];
    var params = new URLSearchParams();
    params.set('name', file.name);
    params.set('format', document.getElementById('import-format').value);
    params.set('uploadsFolder', document.getElementById('import-uploads').value);
    params.set('sectionMap', document.getElementById('import-sections').value);
    params.set('update', document.getElementById('import-update').checked ? 'true' : 'false');
    var pages = document.getElementById('import-pages').value;
    if (pages) {
      params.set('pagesSection', pages);
    }
    var headers = {'Content-Type': 'application/octet-stream', 'Accept': 'application/json'};
    headers[header] = token;
    button.disabled = true;
    sending.hidden = false;
    errorEl.hidden = true;
    fetch(form.getAttribute('data-stream-url') + '?' + params.toString(),
          {method: 'POST', body: file, headers: headers, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().catch(function () { return {error: response.status + ' ' + response.statusText}; });
      })
      .then(function (answer) {
        if (answer.location) {
          window.location.assign(answer.location);
          return;
        }
        errorEl.textContent = answer.error || '';
        errorEl.hidden = false;
        button.disabled = false;
        sending.hidden = true;
      })
      .catch(function (problem) {
        errorEl.textContent = String(problem);
        errorEl.hidden = false;
        button.disabled = false;
        sending.hidden = true;
      });
  });
}());
