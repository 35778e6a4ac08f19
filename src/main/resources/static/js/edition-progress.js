// Keeps an edition's progress view current without reloading: polls the JSON endpoint every two seconds while the
// send is under way, and reloads the page once it ends (so the report and the buttons match the new state).
(function () {
  'use strict';
  var section = document.getElementById('edition-progress');
  if (!section || !window.fetch) {
    return;
  }
  var url = section.getAttribute('data-url');
  var stateEl = document.getElementById('progress-state');
  var initialState = stateEl.getAttribute('data-state');
  var live = initialState === 'SENDING' || initialState === 'PAUSED';
  if (!live) {
    return;
  }
  var initialNotice = document.getElementById('progress-heading').getAttribute('data-notice') || '';
  var eta = document.getElementById('progress-eta');
  var secondsLabel = eta.getAttribute('data-seconds-label') || '{0} s';

  function set(id, value) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = String(value);
    }
  }

  function update(p) {
    document.getElementById('progress-bar').value = p.percent;
    document.getElementById('progress-bar').textContent = p.percent + '%';
    set('progress-recipients', p.recipients);
    set('progress-queued', p.queued);
    set('progress-sent', p.sent);
    set('progress-failed', p.failed);
    set('progress-skipped', p.skipped);
    set('progress-unknown', p.unknown);
    set('progress-remaining', p.remaining);
    set('progress-rate', p.perSecond);
    set('progress-status', p.statusText || '');
    var status = document.getElementById('progress-status');
    if (status) {
      status.classList.toggle('is-empty', !p.statusText);
    }
    eta.textContent = p.etaSeconds >= 0 ? secondsLabel.replace('{0}', p.etaSeconds) : '\u2014';
    if (p.state !== initialState || (p.notice || '') !== initialNotice) {
      window.location.reload();
      return false;
    }
    return true;
  }

  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (p) {
        if (p === null || update(p)) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 2000);
}());
