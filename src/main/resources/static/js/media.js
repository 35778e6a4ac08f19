// Progressive enhancement for the media library; every form works without it.
// 1. The upload form: drop an image anywhere on the drop zone instead of using the file field.
// 2. The "insert image" helper: buttons that insert an image's Markdown at the cursor of the textarea #body.
(function () {
  'use strict';

  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('file');
  if (zone && input && 'DataTransfer' in window) {
    var hint = zone.querySelector('.drop-zone__hint');
    if (hint) { hint.hidden = false; }
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('drop-zone--over');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('drop-zone--over'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        var alt = document.getElementById('altText');
        if (alt && !alt.value) { alt.focus(); }
      }
    });
  }

  function bindInsertButtons(helper, target) {
    helper.querySelectorAll('.media-insert__button').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var snippet = button.getAttribute('data-markdown');
        var start = target.selectionStart, end = target.selectionEnd, text = target.value;
        var before = text.slice(0, start), after = text.slice(end);
        var block = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '') + snippet + '\n\n';
        target.value = before + block + after;
        var cursor = (before + block).length;
        target.focus();
        target.setSelectionRange(cursor, cursor);
        target.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
  }

  // 3. The helper's search box: the library's matches replace the list as you type.
  function searchBox(helper, target) {
    var box = helper.querySelector('.media-insert__search');
    var query = box && box.querySelector('input');
    var results = helper.querySelector('.media-insert__results');
    if (!box || !query || !results || !window.fetch) { return; }
    box.hidden = false;
    var timer = null, latest = 0;
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); }
    });
    query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var request = ++latest;
        fetch(query.getAttribute('data-url') + '?q=' + encodeURIComponent(query.value.trim()), {
          credentials: 'same-origin'
        }).then(function (response) {
          if (!response.ok) { throw new Error('search ' + response.status); }
          return response.text();
        }).then(function (html) {
          if (request !== latest) { return; }
          results.innerHTML = html;
          bindInsertButtons(results, target);
        }).catch(function () { /* the list stays as it was */ });
      }, 250);
    });
  }

  // 4. An image picker's search box (a form's featured image): the library's matches replace the radio buttons as
  // you type; the image already chosen stays among them, so a search never drops the choice.
  document.querySelectorAll('.media-picker').forEach(function (picker) {
    var box = picker.querySelector('.media-picker__search');
    var query = box && box.querySelector('input');
    var results = picker.querySelector('.media-picker__results');
    if (!box || !query || !results || !window.fetch) { return; }
    box.hidden = false;
    var timer = null, latest = 0;
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); }
    });
    query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var request = ++latest;
        var chosen = picker.querySelector('input[type=radio]:checked');
        var url = query.getAttribute('data-url') + '&q=' + encodeURIComponent(query.value.trim())
          + (chosen && chosen.value ? '&selected=' + encodeURIComponent(chosen.value) : '');
        fetch(url, { credentials: 'same-origin' }).then(function (response) {
          if (!response.ok) { throw new Error('search ' + response.status); }
          return response.text();
        }).then(function (html) {
          if (request === latest) { results.innerHTML = html; }
        }).catch(function () { /* the list stays as it was */ });
      }, 250);
    });
  });

  document.querySelectorAll('.media-insert').forEach(function (helper) {
    var target = document.getElementById(helper.getAttribute('data-insert-target') || 'body');
    if (!target || target.tagName !== 'TEXTAREA') { return; }
    bindInsertButtons(helper, target);
    searchBox(helper, target);
  });
})();
