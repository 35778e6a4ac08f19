// Rich text pasted into a Markdown field (from Word, Google Docs, LibreOffice or a web page) becomes Markdown.
// The clipboard's HTML goes to the server's converter (data-paste-url on the textarea; the same converter the
// archive import uses) and the Markdown it answers goes where the caret was. Progressive enhancement: without
// this script, or when the clipboard holds no HTML, the browser pastes the plain text as usual; when the server
// cannot help (offline, signed out, too large), the plain text is inserted and data-paste-fallback is shown.
(function () {
  'use strict';

  var TIMEOUT_MS = 30000;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function status(field, message) {
    var id = field.id + '-paste-status';
    var element = document.getElementById(id);
    if (!element) {
      if (!message) {
        return;
      }
      element = document.createElement('p');
      element.id = id;
      element.className = 'field__hint paste-status';
      element.setAttribute('role', 'status');
      field.insertAdjacentElement('afterend', element);
    }
    element.textContent = message || '';
    element.hidden = !message;
  }

  // Blocks (several paragraphs, a list, a table) pasted into the middle of a line get blank lines around them,
  // so they stay blocks; a phrase is inserted as it is.
  function fitted(text, before, after) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    var lead = '';
    if (before.length > 0 && !/\n\n$/.test(before)) {
      lead = /\n$/.test(before) ? '\n' : '\n\n';
    }
    var tail = '';
    if (after.length > 0 && !/^\n\n/.test(after)) {
      tail = /^\n/.test(after) ? '\n' : '\n\n';
    }
    return lead + text + tail;
  }

  function insert(field, text, start, end) {
    var value = field.value;
    var content = fitted(text, value.slice(0, start), value.slice(end));
    field.focus();
    field.setSelectionRange(start, end);
    // As typing does, so that Undo takes the paste back; it fires the input event other scripts (live preview,
    // autosave) follow. Where the browser cannot, the text is set directly and the event fired by hand.
    var typed = false;
    try {
      typed = document.execCommand('insertText', false, content);
    } catch (ignored) {
      typed = false;
    }
    if (!typed || field.value !== value.slice(0, start) + content + value.slice(end)) {
      field.value = value;
      field.setRangeText(content, start, end, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  function enhance(field) {
    var url = field.getAttribute('data-paste-url');
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (!url || !token || !header || !window.fetch || !field.setRangeText) {
      return;
    }
    field.addEventListener('paste', function (event) {
      var data = event.clipboardData;
      var html = data ? data.getData('text/html') : '';
      if (!html || !html.trim()) {
        return; // plain text: the browser pastes it
      }
      var plain = data.getData('text/plain') || '';
      event.preventDefault();

      var start = field.selectionStart;
      var end = field.selectionEnd;
      var valueAtPaste = field.value;
      function place(text) {
        field.removeAttribute('aria-busy');
        if (field.value === valueAtPaste) {
          insert(field, text, start, end);
        } else {
          // Typed meanwhile: the paste goes where the caret is now.
          insert(field, text, field.selectionStart, field.selectionEnd);
        }
      }

      var headers = { 'Content-Type': 'text/html;charset=UTF-8' };
      headers[header] = token;
      var controller = window.AbortController ? new AbortController() : null;
      var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
      field.setAttribute('aria-busy', 'true');
      // The notes already in the text: the pasted ones are numbered around them, so no two share a label.
      var labels = [];
      (field.value.match(/\[\^[^\]\s]+\]/g) || []).forEach(function (reference) {
        var label = reference.slice(2, -1);
        if (labels.indexOf(label) < 0) {
          labels.push(label);
        }
      });
      var target = url + (url.indexOf('?') < 0 ? '?' : '&') + 'footnotes=' + encodeURIComponent(labels.join(','));
      fetch(target, {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: html,
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('paste ' + response.status);
        }
        return response.text();
      }).then(function (markdown) {
        clearTimeout(timer);
        var text = markdown.replace(/\s+$/, '');
        place(text.length > 0 ? text : plain);
        status(field, '');
      }).catch(function () {
        clearTimeout(timer);
        place(plain);
        status(field, field.getAttribute('data-paste-fallback'));
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-paste-url]').forEach(enhance);
  });
})();
