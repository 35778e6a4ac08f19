// Article editor, progressive enhancement: an empty slug shows the one the title would give. (The live preview is
// markdown-preview.js, shared with every page that previews Markdown.)
(function () {
  'use strict';

  function slugify(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
      .replace(/['\u2019]/g, '').replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120).replace(/-+$/, '');
  }

  function slugSuggestion(title, slug) {
    function suggest() {
      slug.placeholder = slugify(title.value);
    }
    title.addEventListener('input', suggest);
    suggest();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var title = document.getElementById('title');
    var slug = document.getElementById('slug');
    if (title && slug) {
      slugSuggestion(title, slug);
    }
  });
}());
