// Article editor: autosave and the warning before leaving with unsaved changes. Progressive enhancement: the form
// saves without this file. With it, the form's working copy goes to the server a couple of seconds after typing
// stops (and at least every eight seconds while typing goes on), kept apart from the article's revisions, and the
// status beside Save says "Saved · 10 s ago" or why not ("Not saved: offline"). Opening the editor again offers the
// working copy back. Texts come from the page (messages.properties), none are written here.
(function () {
  'use strict';

  var QUIET = 2000; // after the last keystroke
  var LONGEST = 8000; // at the latest, while typing goes on
  var CHECK = 5000; // how often the status and changes made by other scripts are looked at

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function snapshot(form) {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function autosave(form, status, token, header, unsaved) {
    var url = form.getAttribute('data-autosave-url');
    var paused = form.getAttribute('data-autosave-paused') === 'true';
    var sent = unsaved ? '' : snapshot(form); // what the server holds, as far as this page knows
    var savedAt = 0;
    var timer = null;
    var firstChange = 0;
    var inFlight = false;
    var state = 'idle';

    function show(key, problem, count) {
      state = key;
      var text = status.getAttribute('data-' + key) || '';
      status.textContent = count === undefined ? text : text.replace('{0}', String(count));
      status.setAttribute('data-state', problem ? 'problem' : 'ok');
    }

    function showSaved() {
      var seconds = Math.floor((Date.now() - savedAt) / 1000);
      if (seconds < 10) {
        show('saved-now');
      } else if (seconds < 60) {
        show('saved-seconds', false, Math.floor(seconds / 10) * 10);
      } else {
        show('saved-minutes', false, Math.floor(seconds / 60));
      }
      state = 'saved';
    }

    function save() {
      clearTimeout(timer);
      timer = null;
      firstChange = 0;
      if (paused || inFlight) {
        return;
      }
      var current = snapshot(form);
      if (current === sent) {
        return;
      }
      if (navigator.onLine === false) {
        show('offline', true);
        return;
      }
      inFlight = true;
      show('saving');
      var headers = {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'Accept': 'application/json'
      };
      headers[header] = token;
      fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: current })
        .then(function (response) {
          var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
          if (response.ok && json && !response.redirected) {
            sent = current;
            savedAt = Date.now();
            showSaved();
          } else if (response.redirected) {
            show('signed-out', true); // sent to the sign-in page
          } else if (response.status === 413) {
            show('too-large', true);
          } else if (response.status === 401 || response.status === 403) {
            show('refused', true);
          } else {
            show('error', true);
          }
        })
        .catch(function () {
          show('offline', true);
        })
        .then(function () {
          inFlight = false;
        });
    }

    function changed() {
      if (paused) {
        return;
      }
      var now = Date.now();
      if (!firstChange) {
        firstChange = now;
      }
      clearTimeout(timer);
      timer = setTimeout(save, Math.min(QUIET, Math.max(0, firstChange + LONGEST - now)));
    }

    status.hidden = false;
    if (paused) {
      show('paused', true);
    } else {
      show('idle');
    }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    window.addEventListener('online', changed);
    setInterval(function () {
      if (state === 'saved') {
        showSaved();
      }
      // Text put in by other scripts (or a paste) that fired no input event, and retries after a failure.
      if (!paused && !timer && !inFlight && snapshot(form) !== sent) {
        changed();
      }
    }, CHECK);
    if (unsaved) {
      changed();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('article-form');
    if (!form) {
      return;
    }
    // The page shows text that is not saved yet (a conflict, a refused save, a restored autosave): it counts as a
    // change from the start.
    var unsaved = form.getAttribute('data-unsaved') === 'true';
    var loaded = unsaved ? '' : snapshot(form);
    var submitting = false;
    form.addEventListener('submit', function () {
      submitting = true;
    });
    window.addEventListener('pageshow', function () {
      submitting = false;
    });
    window.addEventListener('beforeunload', function (event) {
      if (!submitting && snapshot(form) !== loaded) {
        event.preventDefault();
        event.returnValue = '';
      }
    });

    var status = document.getElementById('autosave-status');
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (status && token && header && window.fetch && window.URLSearchParams && form.getAttribute('data-autosave-url')) {
      autosave(form, status, token, header, unsaved);
    }
  });
}());
