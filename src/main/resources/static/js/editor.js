// Article editor, progressive enhancement: the form works without this file (the Preview button re-renders
// the page). With it, the preview pane follows the body as you type (debounced), rendered on the server by
// the same Markdown pipeline as the public pages, and an empty slug shows the one the title would give.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function slugify(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
      .replace(/['\u2019]/g, '').replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120).replace(/-+$/, '');
  }

  function livePreview(body, pane) {
    var url = body.getAttribute('data-preview-url');
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (!url || !token || !header || !window.fetch) {
      return;
    }
    var timer = null;
    var latest = 0;
    function refresh() {
      var request = ++latest;
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
      headers[header] = token;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: new URLSearchParams({ bodyMarkdown: body.value }).toString()
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('preview ' + response.status);
        }
        return response.text();
      }).then(function (html) {
        if (request === latest) {
          // The server renders through the sanitising Markdown pipeline: this is the same HTML readers get.
          pane.innerHTML = html;
          var hint = document.getElementById('preview-empty');
          if (hint) {
            hint.hidden = true;
          }
        }
      }).catch(function () {
        // Leave the last preview in place; the Preview button still works.
      });
    }
    body.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  function slugSuggestion(title, slug) {
    function suggest() {
      slug.placeholder = slugify(title.value);
    }
    title.addEventListener('input', suggest);
    suggest();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var body = document.getElementById('body');
    var pane = document.getElementById('preview');
    if (body && pane) {
      livePreview(body, pane);
    }
    var title = document.getElementById('title');
    var slug = document.getElementById('slug');
    if (title && slug) {
      slugSuggestion(title, slug);
    }
  });
}());
