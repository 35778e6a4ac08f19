// Live Markdown preview, the one implementation for every page with a Markdown field (the article editor, author
// bios, a member's own profile). Progressive enhancement: without this file the page's Preview button submits the
// form, which comes back with the preview.
//
// Markup: an element with data-preview-url (the server endpoint, which renders through the same sanitising Markdown
// pipeline as a saved text) and data-preview-target (the id of the pane). The element is the Markdown textarea
// itself, or a Preview button whose data-preview-source names the textarea (then a click previews instead of
// submitting). Optional: data-preview-param (the request parameter, default "markdown"), data-preview-hint (the id
// of a hint hidden once a preview is shown), data-preview-now (preview at once, not only after typing).
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function attach(trigger) {
    var isButton = trigger.tagName === 'BUTTON';
    var source = isButton ? document.getElementById(trigger.getAttribute('data-preview-source')) : trigger;
    var target = document.getElementById(trigger.getAttribute('data-preview-target'));
    if (!source || !target || !window.fetch) {
      return;
    }
    var param = trigger.getAttribute('data-preview-param') || 'markdown';
    var hint = document.getElementById(trigger.getAttribute('data-preview-hint') || '');
    var timer = null;
    var latest = 0;
    var broken = false;

    function refresh() {
      var request = ++latest;
      var body = new URLSearchParams();
      body.append(param, source.value);
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
      var token = source.form && source.form.querySelector('input[name="_csrf"]');
      if (token) {
        body.append('_csrf', token.value);
      } else if (meta('_csrf') && meta('_csrf_header')) {
        headers[meta('_csrf_header')] = meta('_csrf');
      }
      fetch(trigger.getAttribute('data-preview-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: body.toString()
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('preview ' + response.status);
        }
        return response.text();
      }).then(function (html) {
        if (request === latest) {
          target.innerHTML = html; // sanitised by the server's Markdown pipeline: the HTML readers get
          if (hint) {
            hint.hidden = true;
          }
        }
      }).catch(function () {
        // Keep the last preview; a Preview button goes back to submitting the form.
        broken = isButton;
      });
    }

    if (isButton) {
      trigger.addEventListener('click', function (event) {
        if (broken) {
          return;
        }
        event.preventDefault();
        refresh();
      });
    }
    source.addEventListener('input', function () {
      if (broken) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    });
    if (trigger.hasAttribute('data-preview-now')) {
      refresh();
    }
  }

  function start() {
    document.querySelectorAll('[data-preview-url][data-preview-target]').forEach(attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
