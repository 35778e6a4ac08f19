// Progressive enhancement for the media library; every form works without it.
// 1. The upload form: drop an image anywhere on the drop zone instead of using the file field.
// 2. The "insert image" helper: buttons that insert an image's Markdown at the cursor of the textarea #body.
// 3. Search boxes and pages of older images in the helper and in the image pickers.
// 4. An image picker (featured image, author's photo) takes an image file dropped or pasted onto it, or chosen with
//    its file button: alt text asked in place, uploaded through the library's checks (POST /admin/media/upload.json)
//    and chosen; a refusal names the file to choose again and keeps what was typed.
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

  // 3. The helper's search box and page buttons: the library's matches replace the list.
  function searchBox(helper, target) {
    var box = helper.querySelector('.media-insert__search');
    var query = box && box.querySelector('input');
    var results = helper.querySelector('.media-insert__results');
    if (!box || !query || !results || !window.fetch) { return; }
    box.hidden = false;
    showPages(results);
    var timer = null, latest = 0;
    function load(page) {
      var request = ++latest;
      fetch(query.getAttribute('data-url') + '?q=' + encodeURIComponent(query.value.trim()) + '&page=' + page, {
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) { throw new Error('search ' + response.status); }
        return response.text();
      }).then(function (html) {
        if (request !== latest) { return; }
        results.innerHTML = html;
        showPages(results);
        bindInsertButtons(results, target);
        if (page > 1 || results.querySelector('.media-pages')) { focusFirst(results); }
      }).catch(function () { /* the list stays as it was */ });
    }
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); }
    });
    query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(1); }, 250);
    });
    results.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('.media-pages__button');
      if (button) {
        event.preventDefault();
        load(Number(button.getAttribute('data-page')) || 1);
      }
    });
  }

  function showPages(container) {
    container.querySelectorAll('.media-pages').forEach(function (pages) { pages.hidden = false; });
  }

  /** After a page button replaced the list, the focus goes to the list's first choice (not lost with the button). */
  function focusFirst(container) {
    if (!container.contains(document.activeElement) || document.activeElement === document.body) {
      var first = container.querySelector('input[type=radio], .media-insert__button:not([hidden]), .media-pages__button');
      if (first) { first.focus(); }
    }
  }

  // 4. An image picker's search box and page buttons (a form's featured image, an author's photo): the library's
  // matches replace the radio buttons; the image already chosen stays among them, so a search never drops the choice.
  function pickerSearch(picker) {
    var box = picker.querySelector('.media-picker__search');
    var query = box && box.querySelector('input');
    var results = picker.querySelector('.media-picker__results');
    if (!box || !query || !results || !window.fetch) { return null; }
    box.hidden = false;
    showPages(results);
    var timer = null, latest = 0;
    function load(page, then) {
      var request = ++latest;
      var chosen = picker.querySelector('input[type=radio]:checked');
      var url = query.getAttribute('data-url') + '&q=' + encodeURIComponent(query.value.trim())
        + '&page=' + page
        + (chosen && chosen.value ? '&selected=' + encodeURIComponent(chosen.value) : '');
      fetch(url, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) { throw new Error('search ' + response.status); }
        return response.text();
      }).then(function (html) {
        if (request !== latest) { return; }
        results.innerHTML = html;
        showPages(results);
        if (then) { then(); }
      }).catch(function () { /* the list stays as it was */ });
    }
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); }
    });
    query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(1); }, 250);
    });
    results.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('.media-pages__button');
      if (button) {
        event.preventDefault();
        load(Number(button.getAttribute('data-page')) || 1, function () { focusFirst(results); });
      }
    });
    return load;
  }

  function format(template, values) {
    return (template || '').replace(/\{(\d)\}/g, function (whole, i) {
      return values[Number(i)] === undefined ? whole : values[Number(i)];
    });
  }

  function isImage(file) {
    return file && (/^image\//.test(file.type) || (file.type === '' && /\.(jpe?g|png|gif|webp)$/i.test(file.name)));
  }

  // 5. A picker's drop zone: an image file dropped or pasted onto the picker, or chosen with its file button, is
  // described in place (alt text required, as in the library), uploaded through the library's checks and chosen.
  function pickerUpload(picker) {
    var zone = picker.querySelector('.media-picker__drop');
    if (!zone || !window.fetch || !window.FormData) { return; }
    var fileInput = zone.querySelector('.media-picker__file');
    var describe = zone.querySelector('.media-picker__describe');
    var title = zone.querySelector('.media-picker__describe-title');
    var alt = zone.querySelector('.media-picker__alt');
    var caption = zone.querySelector('.media-picker__caption');
    var upload = zone.querySelector('.media-picker__upload');
    var cancel = zone.querySelector('.media-picker__cancel');
    var status = zone.querySelector('.media-picker__status');
    var results = picker.querySelector('.media-picker__results');
    var field = (picker.querySelector('input[type=radio]') || {}).name;
    var pending = null;
    var busy = false;
    zone.hidden = false;

    function say(text, failed) {
      status.textContent = text || '';
      status.classList.toggle('media-picker__status--error', !!failed);
    }

    function take(file) {
      if (!file) { return; }
      if (!isImage(file)) {
        say(format(zone.getAttribute('data-not-image'), [file.name]), true);
        return;
      }
      pending = file;
      title.textContent = format(zone.getAttribute('data-describe'), [file.name]);
      describe.hidden = false;
      alt.removeAttribute('aria-invalid');
      say('');
      alt.focus();
    }

    function close() {
      pending = null;
      describe.hidden = true;
      fileInput.value = '';
    }

    function choose(answer) {
      var list = results.querySelector('.media-picker__list');
      if (!list) {
        var found = results.querySelector('.media-picker__found') || results;
        found.querySelectorAll('.empty').forEach(function (empty) { empty.remove(); });
        list = document.createElement('ul');
        list.className = 'media-picker__list';
        found.insertBefore(list, found.querySelector('.media-pages'));
      }
      var id = field + '-' + answer.id;
      var item = document.createElement('li');
      var radio = document.createElement('input');
      radio.type = 'radio';
      radio.id = id;
      radio.name = field;
      radio.value = String(answer.id);
      var label = document.createElement('label');
      label.htmlFor = id;
      var image = document.createElement('img');
      image.src = answer.thumbnail || answer.url;
      image.alt = answer.alt;
      var text = document.createElement('span');
      text.textContent = answer.alt;
      label.appendChild(image);
      label.appendChild(text);
      item.appendChild(radio);
      item.appendChild(label);
      list.insertBefore(item, list.firstChild);
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      radio.dispatchEvent(new Event('input', { bubbles: true }));
    }

    function send() {
      if (!pending || busy) { return; }
      var file = pending;
      var described = alt.value.trim();
      if (!described) {
        alt.setAttribute('aria-invalid', 'true');
        say(zone.getAttribute('data-alt-required'), true);
        alt.focus();
        return;
      }
      alt.removeAttribute('aria-invalid');
      var form = new FormData();
      form.append('file', file, file.name);
      form.append('altText', described);
      form.append('caption', caption.value.trim());
      var headers = {};
      if (zone.getAttribute('data-csrf-header')) {
        headers[zone.getAttribute('data-csrf-header')] = zone.getAttribute('data-csrf');
      }
      busy = true;
      upload.disabled = true;
      say(format(zone.getAttribute('data-uploading'), [file.name]));
      fetch(zone.getAttribute('data-upload-url'), {
        method: 'POST', credentials: 'same-origin', headers: headers, body: form
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) { throw new Error(answer.error || response.statusText || String(response.status)); }
          return answer;
        });
      }, function () {
        throw new Error(zone.getAttribute('data-unreachable'));
      }).then(function (answer) {
        choose(answer);
        alt.value = '';
        caption.value = '';
        close();
        say(format(zone.getAttribute('data-uploaded'), [file.name]));
      }).catch(function (failure) {
        // What was typed stays; the file has to be chosen again.
        pending = null;
        fileInput.value = '';
        say(format(zone.getAttribute('data-failed'), [file.name, failure.message]), true);
        var chooser = zone.querySelector('label[for="' + fileInput.id + '"]');
        if (chooser) { fileInput.focus(); }
      }).then(function () {
        busy = false;
        upload.disabled = false;
      });
    }

    ['dragenter', 'dragover'].forEach(function (type) {
      picker.addEventListener(type, function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0) {
          event.preventDefault();
          picker.classList.add('media-picker--over');
        }
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      picker.addEventListener(type, function () { picker.classList.remove('media-picker--over'); });
    });
    picker.addEventListener('drop', function (event) {
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length > 0) {
        event.preventDefault();
        take(files[0]);
      }
    });
    picker.addEventListener('paste', function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (files && files.length > 0) {
        event.preventDefault();
        take(files[0]);
      }
    });
    fileInput.addEventListener('change', function () {
      take(fileInput.files && fileInput.files[0]);
    });
    [alt, caption].forEach(function (input) {
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') {
          event.preventDefault();
          send();
        }
      });
    });
    upload.addEventListener('click', send);
    cancel.addEventListener('click', function () {
      var name = pending && pending.name;
      close();
      if (name) { say(format(zone.getAttribute('data-cancelled'), [name])); }
      fileInput.focus();
    });
  }

  document.querySelectorAll('.media-picker').forEach(function (picker) {
    pickerSearch(picker);
    pickerUpload(picker);
  });

  document.querySelectorAll('.media-insert').forEach(function (helper) {
    var target = document.getElementById(helper.getAttribute('data-insert-target') || 'body');
    if (!target || target.tagName !== 'TEXTAREA') { return; }
    bindInsertButtons(helper, target);
    searchBox(helper, target);
  });
})();
