// Article editor helpers, progressive enhancement: without this file the form works as it is. With it the body gets
// a Markdown toolbar (bold, italic, link, heading, quote, lists, footnote, image from the library), keyboard
// shortcuts (Ctrl or Cmd + S save, + Shift + P preview, + B bold, + I italic, + K link), a word count with the
// reading time, and the SEO fields show their length against what search engines display. Every label comes from
// the page (data-* attributes of #editor-tools, written from messages.properties).
(function () {
  'use strict';

  var WORDS_PER_MINUTE = 230;

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (match, index) {
      return values[Number(index)];
    });
  }

  function changed(field) {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Wraps the selection in before/after, or inserts them around a placeholder that is left selected. */
  function wrap(field, before, after, placeholder) {
    var start = field.selectionStart;
    var end = field.selectionEnd;
    var selected = field.value.slice(start, end) || placeholder;
    field.focus();
    field.setRangeText(before + selected + after, start, end, 'end');
    field.setSelectionRange(start + before.length, start + before.length + selected.length);
    changed(field);
  }

  /** Puts prefix at the start of every line the selection touches. */
  function prefixLines(field, prefixFor) {
    var value = field.value;
    var start = value.lastIndexOf('\n', field.selectionStart - 1) + 1;
    var endIndex = value.indexOf('\n', field.selectionEnd);
    var end = endIndex < 0 ? value.length : endIndex;
    var lines = value.slice(start, end).split('\n');
    var replaced = lines.map(function (line, i) { return prefixFor(i) + line; }).join('\n');
    field.focus();
    field.setRangeText(replaced, start, end, 'select');
    changed(field);
  }

  function insertAtCaret(field, text) {
    field.focus();
    field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
    changed(field);
  }

  function nextFootnote(field) {
    var used = field.value.match(/\[\^(\d+)\]/g) || [];
    var highest = used.reduce(function (max, ref) {
      return Math.max(max, Number(ref.replace(/\D/g, '')));
    }, 0);
    return highest + 1;
  }

  /** A numbered reference at the caret, and its definition at the end of the text, left selected to be typed over. */
  function footnote(field, noteText) {
    var n = nextFootnote(field);
    field.focus();
    field.setRangeText('[^' + n + ']', field.selectionStart, field.selectionEnd, 'end');
    var trimmed = field.value.replace(/\s+$/, '');
    var definition = '\n\n[^' + n + ']: ';
    field.value = trimmed + definition + noteText + '\n';
    var at = trimmed.length + definition.length;
    field.setSelectionRange(at, at + noteText.length);
    changed(field);
  }

  function actions(tools, body) {
    return {
      bold: function () { wrap(body, '**', '**', tools.dataset.placeholderText); },
      italic: function () { wrap(body, '_', '_', tools.dataset.placeholderText); },
      link: function () { wrap(body, '[', '](https://)', tools.dataset.placeholderLink); },
      heading: function () { prefixLines(body, function () { return '## '; }); },
      quote: function () { prefixLines(body, function () { return '> '; }); },
      bullets: function () { prefixLines(body, function () { return '- '; }); },
      numbers: function () { prefixLines(body, function (i) { return (i + 1) + '. '; }); },
      footnote: function () { footnote(body, tools.dataset.placeholderFootnote); },
      image: function () {
        var helper = document.querySelector('.media-insert');
        if (helper) {
          helper.scrollIntoView({ block: 'nearest' });
          var first = helper.querySelector('input, button');
          if (first) {
            first.focus();
          }
        }
      }
    };
  }

  function toolbar(tools, body, run) {
    var bar = document.createElement('div');
    bar.className = 'md-toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', tools.dataset.toolbarLabel);
    bar.setAttribute('aria-controls', body.id);
    ['bold', 'italic', 'link', 'heading', 'quote', 'bullets', 'numbers', 'footnote', 'image'].forEach(function (name) {
      var button = document.createElement('button');
      button.type = 'button';
      button.id = 'md-' + name;
      button.className = 'md-toolbar__button';
      button.textContent = tools.dataset['label' + name.charAt(0).toUpperCase() + name.slice(1)];
      var shortcut = tools.dataset['shortcut' + name.charAt(0).toUpperCase() + name.slice(1)];
      if (shortcut) {
        button.title = shortcut;
        button.setAttribute('aria-keyshortcuts', shortcut.replace('Ctrl', 'Control'));
      }
      button.addEventListener('click', function () { run[name](); });
      bar.appendChild(button);
    });
    body.parentNode.insertBefore(bar, body);
  }

  function counter(field, limit, template, id) {
    var output = document.createElement('p');
    output.className = 'field__hint counter';
    output.id = id;
    output.setAttribute('aria-live', 'polite');
    var describedBy = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', describedBy ? describedBy + ' ' + id : id);
    field.parentNode.insertBefore(output, field.nextSibling);
    function update() {
      var length = Array.from(field.value).length;
      output.textContent = format(template, [length, limit]);
      output.classList.toggle('counter--over', length > limit);
    }
    field.addEventListener('input', update);
    update();
  }

  function wordCount(tools, body) {
    var output = document.createElement('p');
    output.className = 'field__hint counter';
    output.id = 'body-stats';
    body.parentNode.insertBefore(output, body.nextSibling);
    function update() {
      var text = body.value
        .replace(/```[\s\S]*?```/g, ' ')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
        .replace(/\]\([^)]*\)/g, ' ')
        .replace(/[#>*_`~\[\]|-]+/g, ' ');
      var words = (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) || []).length;
      var minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
      output.textContent = format(tools.dataset.wordCount, [words.toLocaleString(), minutes]);
    }
    body.addEventListener('input', update);
    update();
  }

  function shortcuts(body, run) {
    document.addEventListener('keydown', function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) {
        return;
      }
      var key = event.key.toLowerCase();
      if (key === 's' && !event.shiftKey) {
        var save = document.getElementById('save-button');
        if (save) {
          event.preventDefault();
          save.click();
        }
      } else if (key === 'p' && event.shiftKey) {
        var preview = document.getElementById('preview-button');
        if (preview) {
          event.preventDefault();
          preview.click();
        }
      } else if (document.activeElement === body && !event.shiftKey && (key === 'b' || key === 'i' || key === 'k')) {
        event.preventDefault();
        run[{ b: 'bold', i: 'italic', k: 'link' }[key]]();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var tools = document.getElementById('editor-tools');
    var body = document.getElementById('body');
    if (!tools || !body || !body.setRangeText) {
      return;
    }
    var run = actions(tools, body);
    toolbar(tools, body, run);
    wordCount(tools, body);
    shortcuts(body, run);
    var seoTitle = document.getElementById('seo-title');
    if (seoTitle) {
      counter(seoTitle, Number(tools.dataset.seoTitleLimit), tools.dataset.counter, 'seo-title-count');
    }
    var seoDescription = document.getElementById('seo-description');
    if (seoDescription) {
      counter(seoDescription, Number(tools.dataset.seoDescriptionLimit), tools.dataset.counter,
        'seo-description-count');
    }
  });
})();
