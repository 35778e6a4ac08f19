// Keeps an import's progress current while it is queued or running: polls the JSON endpoint every two seconds and
// reloads the page when the state changes (so the report and the buttons match).
(function () {
  'use strict';
  var section = document.getElementById('import-progress');
  if (!section || !window.fetch) {
    return;
  }
  var stateEl = document.getElementById('import-state');
  var initial = stateEl.getAttribute('data-state');
  if (initial !== 'QUEUED' && initial !== 'RUNNING') {
    return;
  }
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = String(value);
    }
  }
  function poll() {
    fetch(section.getAttribute('data-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (p) {
        if (p !== null) {
          var bar = document.getElementById('import-bar');
          bar.value = p.percent;
          bar.textContent = p.percent + '%';
          set('import-done', p.done);
          set('import-total', p.total);
          set('import-current', p.current);
          set('import-problems', p.problems);
          if (p.state !== initial) {
            window.location.reload();
            return;
          }
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
