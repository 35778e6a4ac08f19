// The article editor's "new guest author": a small form beside the byline that uploads the photo to the media
// library (POST /admin/media/upload.json), creates the author (POST /admin/authors/quick.json) and puts them in the
// first free place of the byline, without leaving the article. Without this script the link to the authors page
// stays.
(function () {
  'use strict';

  function meta(name) {
    var found = document.querySelector('meta[name="' + name + '"]');
    return found ? found.getAttribute('content') : '';
  }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (whole, i) {
      return values[Number(i)] === undefined ? whole : values[Number(i)];
    });
  }

  function csrfHeaders() {
    var headers = {};
    var header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    return headers;
  }

  function postJson(url, body, headers) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: body })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) {
            var failure = new Error(answer.error || response.statusText);
            failure.field = answer.field;
            throw failure;
          }
          return answer;
        });
      });
  }

  function init() {
    var region = document.getElementById('new-author');
    var open = document.getElementById('new-author-button');
    if (!region || !open || !window.fetch || !window.FormData) {
      return;
    }
    var fallback = document.getElementById('new-author-link');
    var name = document.getElementById('new-author-name');
    var bio = document.getElementById('new-author-bio');
    var photo = document.getElementById('new-author-photo');
    var create = document.getElementById('new-author-create');
    var cancel = document.getElementById('new-author-cancel');
    var status = document.getElementById('new-author-status');
    var d = region.dataset;
    if (fallback) {
      fallback.parentNode.hidden = true;
    }
    open.hidden = false;

    function show(visible) {
      region.hidden = !visible;
      open.setAttribute('aria-expanded', visible ? 'true' : 'false');
      if (visible) {
        name.focus();
      }
    }

    function freeSelect() {
      var selects = document.querySelectorAll('select[id^="author-"]');
      for (var i = 0; i < selects.length; i++) {
        if (!selects[i].value) {
          return selects[i];
        }
      }
      return null;
    }

    function say(message) {
      status.textContent = message || '';
    }

    function invalid(field, message) {
      field.setAttribute('aria-invalid', 'true');
      say(message);
      field.focus();
    }

    function uploadPhoto(authorName) {
      if (!photo.files || photo.files.length === 0) {
        return Promise.resolve(null);
      }
      var form = new FormData();
      form.append('file', photo.files[0], photo.files[0].name);
      form.append('altText', format(d.photoAlt, [authorName]));
      return postJson(d.uploadUrl, form, csrfHeaders()).then(function (uploaded) {
        return uploaded.id;
      }, function (failure) {
        failure.photo = true;
        throw failure;
      });
    }

    function add() {
      var authorName = name.value.trim();
      name.removeAttribute('aria-invalid');
      photo.removeAttribute('aria-invalid');
      var target = freeSelect();
      if (!target) {
        say(d.full);
        return;
      }
      if (!authorName) {
        invalid(name, format(d.failed, ['', name.labels[0].textContent]));
        return;
      }
      create.disabled = true;
      region.setAttribute('aria-busy', 'true');
      say(format(d.creating, [authorName]));
      uploadPhoto(authorName).then(function (photoId) {
        var body = new URLSearchParams();
        body.append('name', authorName);
        body.append('bioMarkdown', bio.value);
        if (photoId !== null) {
          body.append('photoImageId', String(photoId));
        }
        var headers = csrfHeaders();
        headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
        return postJson(d.url, body.toString(), headers);
      }).then(function (author) {
        var selects = document.querySelectorAll('select[id^="author-"]');
        for (var i = 0; i < selects.length; i++) {
          var option = document.createElement('option');
          option.value = String(author.id);
          option.textContent = author.name;
          selects[i].appendChild(option);
        }
        target.value = String(author.id);
        target.dispatchEvent(new Event('change', { bubbles: true }));
        name.value = '';
        bio.value = '';
        photo.value = '';
        show(false);
        say(format(d.created, [author.name]));
        target.focus();
      }).catch(function (failure) {
        if (failure.photo) {
          invalid(photo, format(d.photoFailed, [failure.message]));
        } else {
          invalid(failure.field === 'bioMarkdown' ? bio : name, format(d.failed, [authorName, failure.message]));
        }
      }).then(function () {
        create.disabled = false;
        region.removeAttribute('aria-busy');
      });
    }

    open.addEventListener('click', function () {
      show(region.hidden);
    });
    cancel.addEventListener('click', function () {
      show(false);
      open.focus();
    });
    create.addEventListener('click', add);
    region.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target === name) {
        // Enter here adds the author: it must not send the article's form.
        event.preventDefault();
        add();
      } else if (event.key === 'Escape') {
        show(false);
        open.focus();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
