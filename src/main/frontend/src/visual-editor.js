// The article body's visual view: a ProseMirror editor (Milkdown, with CommonMark and GFM) over the same Markdown.
// The textarea #body stays the form's field: every change here writes the Markdown back into it and fires `input`,
// so autosave, conflicts, draft rescue and the live preview see what they always saw. A body this editor could not
// write back byte for byte opens as Markdown, with a note saying so. Without this file the textarea works alone.
import {
  Editor,
  commandsCtx,
  defaultValueCtx,
  editorViewCtx,
  editorViewOptionsCtx,
  parserCtx,
  remarkStringifyOptionsCtx,
  rootCtx,
  serializerCtx,
} from '@milkdown/kit/core';
import {
  commonmark,
  imageSchema,
  linkSchema,
  remarkPreserveEmptyLinePlugin,
  toggleEmphasisCommand,
  toggleLinkCommand,
  toggleStrongCommand,
  turnIntoTextCommand,
  updateLinkCommand,
  wrapInBlockquoteCommand,
  wrapInBulletListCommand,
  wrapInHeadingCommand,
  wrapInOrderedListCommand,
} from '@milkdown/kit/preset/commonmark';
import { gfm, insertTableCommand, tableCellSchema, tableHeaderSchema } from '@milkdown/kit/preset/gfm';
import { history } from '@milkdown/kit/plugin/history';
import { Plugin, TextSelection, NodeSelection } from '@milkdown/kit/prose/state';
import { Fragment, Slice } from '@milkdown/kit/prose/model';
import { $prose, $view } from '@milkdown/kit/utils';

const VIEW_KEY = 'masthead.editor.view';

/** How Markdown is written: the choices Masthead's own texts and Markdown toolbar make. */
const STRINGIFY = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
};

function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? element.getAttribute('content') : null;
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The Markdown written for `doc`, ending as `original` ends (the serialiser always adds one line break). */
function written(markdown, original) {
  const ending = /\s*$/.exec(original)[0];
  return markdown.replace(/\s+$/, '') + ending;
}

/** The first line where two texts differ, counted from 1. */
function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return { line: i + 1, text: (left[i] || '').slice(0, 80) };
    }
  }
  return null;
}

/** Every footnote label in a document, references and definitions. */
function footnoteLabels(doc) {
  const labels = new Set();
  doc.descendants((node) => {
    if (node.type.name === 'footnote_reference' || node.type.name === 'footnote_definition') {
      labels.add(String(node.attrs.label));
    }
  });
  return labels;
}

/** Footnote labels written in Markdown text: `[^1]`, `[^note]`. */
function markdownLabels(text) {
  const labels = new Set();
  for (const match of text.matchAll(/\[\^([^\]\s]+)\]/g)) {
    labels.add(match[1]);
  }
  return labels;
}

function nextLabel(labels) {
  let n = 1;
  while (labels.has(String(n))) {
    n++;
  }
  return String(n);
}

/** Text typed right after a link is not part of it. */
const linkEndsWhereItEnds = linkSchema.extendSchema((previous) => (ctx) => ({ ...previous(ctx), inclusive: false }));

/**
 * An image without a title (or alt text) in the Markdown has none: the schema wants a string where the Markdown
 * parser gives null, and would otherwise drop the image.
 */
const imageTextsAlwaysStrings = imageSchema.extendSchema((previous) => (ctx) => {
  const schema = previous(ctx);
  return {
    ...schema,
    parseMarkdown: {
      match: schema.parseMarkdown.match,
      runner: (state, node, type) => {
        state.addNode(type, { src: node.url || '', alt: node.alt || '', title: node.title || '' });
      },
    },
  };
});

/**
 * A table cell's alignment as a data attribute the stylesheet reads, not an inline style, which the pages' content
 * security policy refuses.
 */
function alignedWithoutStyle(cellSchema) {
  return cellSchema.extendSchema((previous) => (ctx) => {
    const schema = previous(ctx);
    return {
      ...schema,
      toDOM: (node) => {
        const [tag, attributes, ...content] = schema.toDOM(node);
        const { style, ...others } = attributes || {};
        return [tag, { ...others, 'data-align': node.attrs.alignment || 'left' }, ...content];
      },
    };
  });
}

/** A figure in the editor: the image, and under it its caption (the Markdown image's title). */
const figureView = $view(imageSchema.node, () => (node) => {
  const dom = element('span', { class: 'visual-figure' });
  const img = element('img', { src: node.attrs.src, alt: node.attrs.alt, draggable: 'false' });
  const caption = element('span', { class: 'visual-figure__caption', 'aria-hidden': 'true' });
  dom.append(img, caption);
  function show(current) {
    img.setAttribute('src', current.attrs.src);
    img.setAttribute('alt', current.attrs.alt || '');
    caption.textContent = current.attrs.title || '';
    caption.hidden = !current.attrs.title;
    dom.classList.toggle('visual-figure--no-alt', !current.attrs.alt);
  }
  show(node);
  return {
    dom,
    update(updated) {
      if (updated.type !== node.type) {
        return false;
      }
      show(updated);
      return true;
    },
    selectNode() { dom.classList.add('visual-figure--selected'); },
    deselectNode() { dom.classList.remove('visual-figure--selected'); },
    ignoreMutation: () => true,
  };
});

class VisualEditor {
  constructor(textarea, labels) {
    this.textarea = textarea;
    this.labels = labels;
    this.field = textarea.closest('.field') || textarea.parentNode;
    this.editor = null;
    this.original = textarea.value;
    this.writing = false;
  }

  async start() {
    this.buildChrome();
    const faithful = await this.create(this.textarea.value);
    const wanted = localStorage.getItem(VIEW_KEY) !== 'markdown';
    if (!faithful) {
      this.showMarkdown();
      this.explain(this.textarea.value);
    } else if (wanted) {
      this.showVisual();
    } else {
      this.showMarkdown();
    }
    this.hookInsertButtons();
    window.MastheadVisualEditor = this;
  }

  // ---- the page around the editor ----

  buildChrome() {
    const { labels } = this;
    this.switchButton = element('button', {
      type: 'button', id: 'markdown-switch', class: 'visual-switch', 'aria-pressed': 'false',
    }, labels.switchMarkdown);
    this.switchButton.addEventListener('click', () => {
      if (this.visual) {
        this.flush();
        localStorage.setItem(VIEW_KEY, 'markdown');
        this.showMarkdown();
      } else {
        this.toVisual(false);
      }
    });
    this.note = element('div', { id: 'visual-note', class: 'visual-note', role: 'status', hidden: '' });
    this.toolbar = element('div', {
      class: 'visual-toolbar', role: 'toolbar', 'aria-label': labels.toolbar, 'aria-controls': 'visual-body',
    });
    const buttons = [
      ['bold', labels.bold, () => this.command(toggleStrongCommand.key), 'Control+B'],
      ['italic', labels.italic, () => this.command(toggleEmphasisCommand.key), 'Control+I'],
      ['link', labels.link, () => this.linkPanel(), 'Control+K'],
      ['heading', labels.heading, () => this.heading()],
      ['quote', labels.quote, () => this.command(wrapInBlockquoteCommand.key)],
      ['bullets', labels.bullets, () => this.command(wrapInBulletListCommand.key)],
      ['numbers', labels.numbers, () => this.command(wrapInOrderedListCommand.key)],
      ['table', labels.table, () => this.command(insertTableCommand.key, { row: 3, col: 2 })],
      ['footnote', labels.footnote, () => this.footnote()],
      ['image', labels.image, () => this.imageHelper()],
    ];
    buttons.forEach(([name, label, run, keys]) => {
      const button = element('button', {
        type: 'button', id: `ve-${name}`, class: 'visual-toolbar__button', 'aria-keyshortcuts': keys || null,
      }, label);
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', run);
      this.toolbar.appendChild(button);
    });
    this.panel = element('div', { id: 'visual-panel', class: 'visual-panel', hidden: '' });
    this.status = element('p', { id: 'visual-status', class: 'field__hint visual-status', role: 'status' });
    this.mount = element('div', { class: 'visual-editor' });
    this.container = element('div', { id: 'visual-editor', class: 'visual-container' });
    this.container.append(this.toolbar, this.panel, this.mount, this.status);
    const label = this.field.querySelector(`label[for="${this.textarea.id}"]`);
    if (label && !label.id) {
      label.id = `${this.textarea.id}-label`;
    }
    this.labelId = label ? label.id : null;
    const bar = element('p', { class: 'visual-switch-bar' });
    bar.appendChild(this.switchButton);
    this.textarea.insertAdjacentElement('beforebegin', bar);
    bar.insertAdjacentElement('afterend', this.note);
    this.textarea.insertAdjacentElement('beforebegin', this.container);
  }

  showVisual() {
    this.visual = true;
    this.field.classList.add('field--visual');
    this.container.hidden = false;
    this.switchButton.setAttribute('aria-pressed', 'false');
    this.note.hidden = true;
  }

  showMarkdown() {
    this.visual = false;
    this.field.classList.remove('field--visual');
    this.container.hidden = true;
    this.switchButton.setAttribute('aria-pressed', 'true');
  }

  /** Why the body opened as Markdown, with a way to use the visual editor all the same. */
  explain(markdown) {
    const rewritten = this.roundTrip(markdown);
    const where = firstDifference(markdown, rewritten);
    this.note.replaceChildren();
    const text = element('p', {}, this.labels.rewriteNote.replace('{0}', where ? String(where.line) : '?'));
    const anyway = element('button', { type: 'button', id: 'visual-anyway', class: 'visual-note__button' },
      this.labels.rewriteAnyway);
    anyway.addEventListener('click', () => this.toVisual(true));
    this.note.append(text, anyway);
    this.note.hidden = false;
  }

  /** Opens the visual view on the textarea's current text, if it keeps it (or the editor said to rewrite it). */
  toVisual(rewrite) {
    const markdown = this.textarea.value;
    const faithful = this.isFaithful(markdown);
    if (!faithful && !rewrite) {
      this.explain(markdown);
      return;
    }
    this.setMarkdown(markdown);
    this.original = markdown;
    localStorage.setItem(VIEW_KEY, 'visual');
    this.showVisual();
    if (!faithful) {
      this.sync();
      // The button that asked for it is gone with the note: the text takes the focus.
      this.view().focus();
    }
  }

  // ---- the editor ----

  async create(markdown) {
    const labelId = this.labelId;
    this.editor = await Editor.make()
      .config((ctx) => {
        ctx.set(rootCtx, this.mount);
        ctx.set(defaultValueCtx, '');
        ctx.update(remarkStringifyOptionsCtx, (options) => ({ ...options, ...STRINGIFY }));
        ctx.update(editorViewOptionsCtx, (options) => ({
          ...options,
          attributes: {
            id: 'visual-body',
            class: 'visual-editor__content',
            role: 'textbox',
            'aria-multiline': 'true',
            ...(labelId ? { 'aria-labelledby': labelId } : {}),
          },
        }));
      })
      // An empty paragraph is no text: without this it would be written as a raw "<br />".
      .use(commonmark.filter((plugin) => plugin !== remarkPreserveEmptyLinePlugin.plugin
        && plugin !== remarkPreserveEmptyLinePlugin.options))
      .use(gfm)
      .use(linkEndsWhereItEnds)
      .use(imageTextsAlwaysStrings)
      .use(alignedWithoutStyle(tableCellSchema))
      .use(alignedWithoutStyle(tableHeaderSchema))
      .use(history)
      .use(figureView)
      .use(this.plugin())
      .create();
    const faithful = this.isFaithful(markdown);
    if (faithful) {
      this.setMarkdown(markdown);
    }
    return faithful;
  }

  plugin() {
    return $prose(() => new Plugin({
      view: () => ({
        update: (view, previous) => {
          if (!previous.doc.eq(view.state.doc) && this.visual) {
            this.sync();
          }
          this.selectionChanged(view);
        },
      }),
      props: {
        handlePaste: (view, event) => this.paste(event),
        handleDrop: (view, event) => this.drop(view, event),
        handleKeyDown: (view, event) => {
          if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            this.linkPanel();
            return true;
          }
          return false;
        },
      },
    }));
  }

  action(run) {
    return this.editor.action(run);
  }

  view() {
    return this.action((ctx) => ctx.get(editorViewCtx));
  }

  command(key, payload) {
    this.action((ctx) => ctx.get(commandsCtx).call(key, payload));
    this.view().focus();
  }

  parse(markdown) {
    return this.action((ctx) => ctx.get(parserCtx)(markdown));
  }

  serialize(doc) {
    return this.action((ctx) => ctx.get(serializerCtx)(doc));
  }

  /** What the editor writes back for `markdown` opened and left unchanged. */
  roundTrip(markdown) {
    return written(this.serialize(this.parse(markdown)), markdown);
  }

  isFaithful(markdown) {
    try {
      return this.roundTrip(markdown) === markdown;
    } catch (ignored) {
      return false;
    }
  }

  setMarkdown(markdown) {
    const view = this.view();
    const doc = this.parse(markdown);
    const state = view.state;
    view.dispatch(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta('addToHistory', false));
  }

  markdown() {
    return written(this.serialize(this.view().state.doc), this.original);
  }

  /** Writes the Markdown into the textarea, as typing there would. */
  sync() {
    const markdown = this.markdown();
    if (markdown !== this.textarea.value) {
      this.textarea.value = markdown;
      this.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  flush() {
    if (this.visual) {
      this.sync();
    }
  }

  // ---- toolbar actions ----

  heading() {
    const { $from } = this.view().state.selection;
    if ($from.parent.type.name === 'heading') {
      this.command(turnIntoTextCommand.key);
    } else {
      this.command(wrapInHeadingCommand.key, 2);
    }
  }

  footnote() {
    const view = this.view();
    const { state } = view;
    const schema = state.schema;
    const label = nextLabel(footnoteLabels(state.doc));
    const reference = schema.nodes.footnote_reference.create({ label });
    const definition = schema.nodes.footnote_definition.create(
      { label }, schema.nodes.paragraph.create(null, schema.text(this.labels.footnotePlaceholder)));
    let tr = state.tr.replaceSelectionWith(reference, false);
    const end = tr.doc.content.size;
    tr = tr.insert(end, definition);
    // The placeholder text, selected to be typed over.
    const from = end + 2;
    tr = tr.setSelection(TextSelection.create(tr.doc, from, from + this.labels.footnotePlaceholder.length));
    view.dispatch(tr.scrollIntoView());
    view.focus();
  }

  imageHelper() {
    const helper = document.querySelector('.media-insert');
    if (helper) {
      helper.scrollIntoView({ block: 'nearest' });
      const first = helper.querySelector('input, button:not([hidden])');
      if (first) {
        first.focus();
      }
    }
  }

  /** The library's Insert buttons put a figure where the caret is, in the visual view. */
  hookInsertButtons() {
    document.addEventListener('click', (event) => {
      const button = event.target.closest && event.target.closest('.media-insert__button');
      if (!button || !this.visual) {
        return;
      }
      event.stopPropagation();
      event.preventDefault();
      this.insertMarkdown(button.getAttribute('data-markdown'));
    }, true);
  }

  /** Inserts Markdown blocks at the selection; footnote definitions go to the end, as in the Markdown. */
  insertMarkdown(markdown) {
    const view = this.view();
    const parsed = this.parse(markdown);
    const blocks = [];
    const definitions = [];
    parsed.content.forEach((node) => (node.type.name === 'footnote_definition' ? definitions : blocks).push(node));
    let tr = view.state.tr;
    if (blocks.length === 1 && blocks[0].type.name === 'paragraph' && !this.isFigure(blocks[0])) {
      tr = tr.replaceSelection(new Slice(blocks[0].content, 0, 0));
    } else if (blocks.length > 0) {
      const $from = tr.selection.$from;
      const emptyParagraph = $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0
        && $from.depth === 1;
      if (emptyParagraph) {
        tr = tr.replaceWith($from.before(), $from.after(), Fragment.from(blocks));
      } else {
        tr = tr.insert(this.blockPosition(tr.doc, $from), Fragment.from(blocks));
      }
    }
    if (blocks.length > 0 && !(blocks.length === 1 && blocks[0].type.name === 'paragraph'
        && !this.isFigure(blocks[0]))) {
      tr = this.caretAfter(tr, tr.mapping.map(view.state.selection.from));
    }
    if (definitions.length > 0) {
      tr = tr.insert(tr.doc.content.size, Fragment.from(definitions));
    }
    view.dispatch(tr.scrollIntoView());
    view.focus();
  }

  /**
   * Where blocks go for a caret at `$from`: after its top-level block, but never among the footnotes at the end
   * (a caret in a note puts them before the first note).
   */
  blockPosition(doc, $from) {
    for (let depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.name === 'footnote_definition') {
        let first = null;
        doc.forEach((node, offset) => {
          if (first === null && node.type.name === 'footnote_definition') {
            first = offset;
          }
        });
        return first === null ? $from.after(1) : first;
      }
    }
    return $from.depth === 0 ? $from.pos : $from.after(1);
  }

  /** The caret in the paragraph after what was just inserted before `pos`, a new one if none follows. */
  caretAfter(tr, pos) {
    const $pos = tr.doc.resolve(Math.min(pos, tr.doc.content.size));
    const after = $pos.depth === 0 ? $pos.pos : $pos.after(1);
    const next = tr.doc.nodeAt(after);
    if (!next || next.type.name !== 'paragraph') {
      tr = tr.insert(after, tr.doc.type.schema.nodes.paragraph.create());
    }
    return tr.setSelection(TextSelection.create(tr.doc, after + 1));
  }

  isFigure(paragraph) {
    return paragraph.childCount === 1 && paragraph.firstChild.type.name === 'image';
  }

  // ---- the panel: a link's address, an image's alt text and caption ----

  closePanel() {
    this.panel.hidden = true;
    this.panel.replaceChildren();
    this.panelFor = null;
  }

  /**
   * Opens the panel with `fields` ([name, label, value, hint, required]); `apply` gets their values, `cancel` is
   * told when the panel is left without applying. A required field left empty keeps the panel open.
   */
  openPanel(kind, fields, apply, cancel, heading) {
    if (this.panelCancel) {
      const previous = this.panelCancel;
      this.panelCancel = null;
      previous();
    }
    this.panel.replaceChildren();
    this.panelFor = kind;
    this.panelCancel = cancel || null;
    const form = element('div', { class: 'visual-panel__fields', role: 'group', 'aria-label': heading || this.labels[`${kind}Panel`] });
    if (heading) {
      form.appendChild(element('p', { class: 'visual-panel__heading' }, heading));
    }
    const inputs = fields.map(([name, label, value, hint, required]) => {
      const id = `visual-${kind}-${name}`;
      const wrap = element('p', { class: 'visual-panel__field' });
      const input = element('input', { id, type: 'text', required: required ? '' : null, maxlength: '300' });
      input.value = value || '';
      wrap.append(element('label', { for: id }, label), input);
      if (hint) {
        const hintId = `${id}-hint`;
        wrap.append(element('span', { id: hintId, class: 'field__hint' }, hint));
        input.setAttribute('aria-describedby', hintId);
      }
      form.appendChild(wrap);
      return input;
    });
    const close = () => {
      this.panelCancel = null;
      this.closePanel();
      this.view().focus();
    };
    const done = () => {
      const missing = inputs.find((input) => input.required && !input.value.trim());
      if (missing) {
        missing.setAttribute('aria-invalid', 'true');
        missing.focus();
        return;
      }
      const values = inputs.map((input) => input.value.trim());
      close();
      apply(values);
    };
    const leave = () => {
      const cancelled = this.panelCancel;
      close();
      if (cancelled) {
        cancelled();
      }
    };
    inputs.forEach((input) => input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        done();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        leave();
      }
    }));
    const ok = element('button', { type: 'button', id: `visual-${kind}-apply`, class: 'button' }, this.labels.apply);
    ok.addEventListener('click', done);
    const no = element('button', { type: 'button', id: `visual-${kind}-cancel` }, this.labels.cancel);
    no.addEventListener('click', leave);
    form.append(ok, no);
    this.panel.appendChild(form);
    this.panel.hidden = false;
    inputs[0].focus();
  }

  linkPanel() {
    const view = this.view();
    const { state } = view;
    const linkType = state.schema.marks.link;
    const { from, to, empty } = state.selection;
    let current = '';
    state.doc.nodesBetween(from, Math.max(to, from + 1), (node) => {
      const mark = linkType.isInSet(node.marks);
      if (mark) {
        current = mark.attrs.href;
      }
    });
    if (empty && !current) {
      this.say(this.labels.linkSelect);
      return;
    }
    this.openPanel('link', [['href', this.labels.linkAddress, current || 'https://']], ([href]) => {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
      if (current) {
        this.command(updateLinkCommand.key, { href });
      } else if (href && href !== 'https://') {
        this.command(toggleLinkCommand.key, { href });
      }
    });
  }

  selectionChanged(view) {
    const { selection } = view.state;
    const image = selection instanceof NodeSelection && selection.node.type.name === 'image' ? selection : null;
    if (image && this.panelFor !== 'image') {
      this.imagePanel(image.from, image.node);
    } else if (!image && this.panelFor === 'image' && !this.panel.contains(document.activeElement)) {
      this.closePanel();
    }
  }

  imagePanel(pos, node) {
    const { labels } = this;
    this.openPanel('image', [
      ['alt', labels.imageAlt, node.attrs.alt, labels.imageAltHint],
      ['caption', labels.imageCaption, node.attrs.title, labels.imageCaptionHint],
    ], ([alt, caption]) => {
      const view = this.view();
      const at = view.state.doc.nodeAt(pos);
      if (at && at.type.name === 'image') {
        view.dispatch(view.state.tr.setNodeMarkup(pos, null, { ...at.attrs, alt, title: caption }));
      }
    });
  }

  say(message) {
    this.status.textContent = message || '';
  }

  // ---- paste and drop ----

  paste(event) {
    const data = event.clipboardData;
    if (!data) {
      return false;
    }
    const images = Array.from(data.files || []).filter((file) => file.type.startsWith('image/'));
    if (images.length > 0) {
      event.preventDefault();
      this.upload(images);
      return true;
    }
    const html = data.getData('text/html');
    const url = this.textarea.getAttribute('data-paste-url');
    if (!html || !html.trim() || !url) {
      return false;
    }
    event.preventDefault();
    const plain = data.getData('text/plain') || '';
    const taken = Array.from(footnoteLabels(this.view().state.doc)).join(',');
    const headers = { 'Content-Type': 'text/html;charset=UTF-8' };
    headers[meta('_csrf_header')] = meta('_csrf');
    const target = `${url}${url.includes('?') ? '&' : '?'}footnotes=${encodeURIComponent(taken)}`;
    this.mount.setAttribute('aria-busy', 'true');
    fetch(target, { method: 'POST', credentials: 'same-origin', headers, body: html })
      .then((response) => {
        if (!response.ok) {
          throw new Error(`paste ${response.status}`);
        }
        return response.text();
      })
      .then((markdown) => {
        this.mount.removeAttribute('aria-busy');
        this.insertMarkdown(markdown.trim() ? markdown : plain);
        this.say('');
      })
      .catch(() => {
        this.mount.removeAttribute('aria-busy');
        const view = this.view();
        view.dispatch(view.state.tr.insertText(plain));
        this.say(this.textarea.getAttribute('data-paste-fallback'));
      });
    return true;
  }

  drop(view, event) {
    const files = Array.from((event.dataTransfer && event.dataTransfer.files) || [])
      .filter((file) => file.type.startsWith('image/') || file.type === '');
    if (files.length === 0) {
      return false;
    }
    event.preventDefault();
    const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (at) {
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
    }
    this.upload(files);
    return true;
  }

  /** Asks in place for an image's alt text (required, as in the library) and caption; null if the editor cancels. */
  describe(file) {
    const { labels } = this;
    return new Promise((resolve) => {
      this.openPanel('upload', [
        ['alt', labels.imageAlt, '', labels.imageAltHint, true],
        ['caption', labels.imageCaption, '', labels.imageCaptionHint, false],
      ], ([alt, caption]) => resolve({ alt, caption }), () => resolve(null),
      labels.uploadDescribe.replace('{0}', file.name));
    });
  }

  /**
   * Each image is described in place, then uploaded to the library through its checks and inserted as a figure
   * where it was dropped. A refusal names the file and says why; the text is never touched by it.
   */
  async upload(files) {
    const url = this.textarea.getAttribute('data-upload-url');
    if (!url) {
      return;
    }
    for (const file of files) {
      const described = await this.describe(file);
      if (!described) {
        this.say(this.labels.uploadCancelled.replace('{0}', file.name));
        continue;
      }
      this.say(this.labels.uploading.replace('{0}', file.name));
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('altText', described.alt);
      form.append('caption', described.caption);
      const headers = {};
      headers[meta('_csrf_header')] = meta('_csrf');
      let answer;
      try {
        const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers, body: form });
        answer = await response.json().catch(() => ({}));
        if (!response.ok) {
          throw new Error(answer.error || this.labels.uploadFailed);
        }
      } catch (failure) {
        this.say(this.labels.uploadError.replace('{0}', file.name).replace('{1}', failure.message));
        continue;
      }
      this.say(this.labels.uploaded.replace('{0}', file.name));
      const view = this.view();
      const { schema } = view.state;
      const image = schema.nodes.image.create({ src: answer.url, alt: described.alt, title: described.caption });
      const paragraph = schema.nodes.paragraph.create(null, image);
      const $from = view.state.selection.$from;
      let tr = view.state.tr;
      let pos;
      if ($from.depth >= 1 && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0) {
        pos = $from.before();
        tr = tr.replaceWith(pos, $from.after(), paragraph);
      } else {
        pos = this.blockPosition(tr.doc, $from);
        tr = tr.insert(pos, paragraph);
      }
      tr = this.caretAfter(tr, pos + 1);
      view.dispatch(tr.scrollIntoView());
      view.focus();
    }
  }
}

function labelsOf(source) {
  const d = source.dataset;
  return {
    toolbar: d.toolbar, bold: d.bold, italic: d.italic, link: d.link, heading: d.heading, quote: d.quote,
    bullets: d.bullets, numbers: d.numbers, table: d.table, footnote: d.footnote, image: d.image,
    switchMarkdown: d.switchMarkdown, rewriteNote: d.rewriteNote, rewriteAnyway: d.rewriteAnyway,
    apply: d.apply, cancel: d.cancel, linkPanel: d.linkPanel, linkAddress: d.linkAddress, linkSelect: d.linkSelect,
    imagePanel: d.imagePanel, imageAlt: d.imageAlt, imageAltHint: d.imageAltHint, imageCaption: d.imageCaption,
    imageCaptionHint: d.imageCaptionHint, footnotePlaceholder: d.footnotePlaceholder, uploading: d.uploading,
    uploaded: d.uploaded, uploadError: d.uploadError, uploadFailed: d.uploadFailed, uploadDescribe: d.uploadDescribe,
    uploadCancelled: d.uploadCancelled,
  };
}

/** The parse-and-write of the visual editor, for checking that bodies survive it. */
export function roundTrip(markdown) {
  return window.MastheadVisualEditor.roundTrip(markdown);
}

const source = document.getElementById('visual-editor-labels');
const textarea = source && document.getElementById(source.getAttribute('data-for'));
if (textarea && !textarea.readOnly) {
  new VisualEditor(textarea, labelsOf(source)).start();
}
