package org.masthead.article.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.masthead.article.Article;
import org.masthead.article.ArticleAutosaves;
import org.masthead.article.ArticleEdit;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleReadership;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.ArticleRow;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.SaveOutcome;
import org.masthead.article.TextDiff;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.web.PageNumbers;
import org.masthead.web.SiteProperties;
import org.masthead.web.StorableText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The newsroom's article editor: the list, the edit form with its preview, its Save and workflow buttons, the
 * autosaved copy and edit conflicts. Thin: {@link ArticleService} checks every permission on the server.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleEditorController {

    static final int PAGE_SIZE = 25;

    private final ArticleService articles;
    private final ArticleRevisions revisions;
    private final ArticleAutosaves autosaves;
    private final ArticleEditorPage page;
    private final SectionService sections;
    private final AuthorService authors;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;
    private final MessageSource messages;
    private final ArticleReadership readership;

    ArticleEditorController(
            ArticleService articles,
            ArticleRevisions revisions,
            ArticleAutosaves autosaves,
            ArticleEditorPage page,
            SectionService sections,
            AuthorService authors,
            MarkdownRenderer markdown,
            SiteProperties site,
            MessageSource messages,
            ArticleReadership readership) {
        this.articles = articles;
        this.revisions = revisions;
        this.autosaves = autosaves;
        this.page = page;
        this.sections = sections;
        this.authors = authors;
        this.markdown = markdown;
        this.site = site;
        this.messages = messages;
        this.readership = readership;
    }

    /** Markdown keeps its whitespace (an indented first line is a code block): the body is not trimmed. */
    @InitBinder("form")
    void keepBodyWhitespace(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, "bodyMarkdown", new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(StorableText.require(text));
            }
        });
    }

    // --- list ------------------------------------------------------------------------------------------------

    @GetMapping
    String list(
            @RequestParam(required = false) ArticleStatus status,
            @RequestParam(required = false) Long section,
            @RequestParam(required = false) Long author,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "updated") String sort,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        if (page < 1) {
            page = 1;
        }
        ArticleFilter filter = new ArticleFilter(status, section, author, q, null);
        Page<ArticleRow> rows = articles.list(filter, PageNumbers.of(page, PAGE_SIZE, sortBy(sort)), me);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "recentViews",
                readership.recentViews(me, rows.map(ArticleRow::id).getContent(), ArticleReadership.RECENT_DAYS));
        model.addAttribute("status", status);
        model.addAttribute("sectionId", section);
        model.addAttribute("authorId", author);
        model.addAttribute("q", q);
        model.addAttribute("sort", SORTS.containsKey(sort) ? sort : "updated");
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("sections", sections.all());
        model.addAttribute("authors", authors.all());
        return "admin/article/list";
    }

    private static final Map<String, Sort> SORTS = Map.of(
            "updated", Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")),
            "published", Sort.by(Sort.Order.desc("publishedAt").nullsLast(), Sort.Order.desc("id")),
            "title", Sort.by(Sort.Order.asc("title"), Sort.Order.asc("id")));

    private static Sort sortBy(String key) {
        return SORTS.getOrDefault(key, SORTS.get("updated"));
    }

    // --- create -----------------------------------------------------------------------------------------------

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffUser me, Model model) {
        ArticleForm form = new ArticleForm();
        sections.all().stream().findFirst().ifPresent(first -> form.setSectionId(first.getId()));
        if (!ArticlePermissions.canManage(me)) {
            // A contributor's draft is signed by their own author profile; an editor may change the byline.
            authors.findByAccountId(me.getAccountId()).ifPresent(own -> form.signedBy(own.getId()));
        }
        offerAutosave(model, null, form, me);
        return page.form(model, form, null, null);
    }

    @PostMapping(params = "preview")
    String previewNew(@ModelAttribute("form") ArticleForm form, BindingResult errors, Model model) {
        form.padAuthors();
        model.addAttribute("unsaved", true);
        return page.withPreview(model, form, page.form(model, form, null, null));
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        ArticleEditorPage.check(form, errors);
        if (!errors.hasFieldErrors("slug") && !org.masthead.slug.Slugs.isValid(form.effectiveSlug())) {
            errors.rejectValue("slug", "article.slug.needed");
        }
        model.addAttribute("unsaved", true);
        if (errors.hasErrors()) {
            form.padAuthors();
            return page.form(model, form, null, null);
        }
        SaveOutcome outcome = articles.create(me, form.toChanges(), imageChoice(form));
        if (outcome instanceof SaveOutcome.Saved saved) {
            flash.addFlashAttribute("notice", "article.notice.created");
            if (saved.imageGone()) {
                flash.addFlashAttribute("error", "media.error.no-such-image");
            }
            return "redirect:/admin/articles/" + saved.articleId();
        }
        if (outcome instanceof SaveOutcome.Refused refused && refused.reason() == SaveOutcome.Reason.BYLINE_NOT_OWN) {
            errors.rejectValue("authorIds", "article.byline.not-own");
        } else {
            errors.rejectValue("slug", "article.slug.taken");
        }
        form.padAuthors();
        return page.form(model, form, null, null);
    }

    // --- edit -------------------------------------------------------------------------------------------------

    @GetMapping("/{id:\\d+}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        Article article = articles.forEditing(id, me);
        ArticleForm form = ArticleForm.of(article);
        offerAutosave(model, id, form, me);
        return page.form(model, form, article, me);
    }

    // --- autosave ---------------------------------------------------------------------------------------------

    /**
     * The editor's autosaved working copy, back in the form (restored, not yet saved). It keeps the revision it
     * was typed over, so if someone saved since, saving it meets that change as a conflict instead of undoing it.
     */
    @GetMapping({"/{id:\\d+}/autosave", "/new/autosave"})
    String restoreAutosave(
            @PathVariable(required = false) Long id, @AuthenticationPrincipal StaffUser me, Model model) {
        Article article = id == null ? null : articles.forEditing(id, me);
        ArticleAutosaves.Autosaved autosaved = autosaves.find(id, me).orElse(null);
        if (autosaved == null) {
            // Saved or discarded meanwhile (in another tab, say): the form as saved, and a word why.
            model.addAttribute("error", "article.autosave.none");
            return article == null ? newForm(me, model) : editForm(id, me, model);
        }
        ArticleForm form = ArticleEditorPage.bound(autosaved.fields());
        if (autosaved.baseRevision() != null) {
            form.setRevision(autosaved.baseRevision());
        }
        model.addAttribute("notice", "article.autosave.restored");
        model.addAttribute("unsaved", true);
        return page.form(model, form, article, me);
    }

    /** Offers the member's autosaved text when it differs from what the form shows. */
    private void offerAutosave(Model model, Long id, ArticleForm shown, StaffUser me) {
        autosaves.find(id, me).ifPresent(autosaved -> {
            ArticleForm kept = ArticleEditorPage.bound(autosaved.fields());
            if (kept.sameWords(shown)) {
                return;
            }
            model.addAttribute("autosave", autosaved);
            List<TextDiff.Line> diff = TextDiff.between(shown.getBodyMarkdown(), kept.getBodyMarkdown());
            if (TextDiff.hasChanges(diff)) {
                model.addAttribute("autosaveDiff", diff);
            }
            model.addAttribute(
                    "autosaveOutdated",
                    id != null && autosaved.baseRevision() != null && autosaved.baseRevision() != shown.getRevision());
        });
    }

    @PostMapping(path = "/{id:\\d+}", params = "preview")
    String preview(
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        Article article = articles.forEditing(id, me);
        form.padAuthors();
        model.addAttribute("unsaved", true);
        return page.withPreview(model, form, page.form(model, form, article, me));
    }

    /**
     * After an edit conflict, the editor looked at the other change and takes it: their own text is dropped,
     * autosave included.
     */
    @PostMapping(path = "/{id:\\d+}", params = "resolve=theirs")
    String takeTheirs(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        articles.forEditing(id, me);
        autosaves.discard(id, me);
        flash.addFlashAttribute("notice", "article.notice.took-theirs");
        return "redirect:/admin/articles/" + id;
    }

    /** After an edit conflict, the editor's text merged with the other change, in the form: see {@link #merged}. */
    @PostMapping(path = "/{id:\\d+}", params = "resolve=merge")
    String merge(
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        return merged(id, form, me, model);
    }

    /**
     * The edit form's Save, its workflow buttons ({@code action}: submit, return, publish, schedule, which save the
     * form's text first, in the same transaction) and, after an edit conflict, "keep mine" ({@code resolve=mine}).
     * One use case of the service ({@link ArticleService#save}): this maps the form to it and its outcome to a
     * page. A save based on a revision that is no longer the latest never overwrites it: the form comes back with
     * the other change, and only "keep mine", pressed on that page, saves over it.
     */
    @PostMapping("/{id:\\d+}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resolve,
            @RequestParam(defaultValue = "") String note,
            @Valid ScheduleForm schedule,
            BindingResult scheduleErrors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        ArticleEditorPage.check(form, errors);
        model.addAttribute("unsaved", true);
        Workflow move = Workflow.of(action);
        Instant at = null;
        if (!errors.hasErrors() && move == Workflow.SCHEDULE) {
            String problem = schedule.problem(scheduleErrors, site.timeZone());
            if (problem != null) {
                model.addAttribute("error", problem);
            } else {
                at = schedule.at(site.timeZone());
            }
        }
        if (errors.hasErrors() || model.containsAttribute("error")) {
            return again(id, form, me, model);
        }
        // "Keep mine" saves over the change the editor was shown, and only over that one.
        boolean keepMine = "mine".equals(resolve) && form.getSeenRevision() != null;
        ArticleEdit edit = new ArticleEdit(
                form.getRevision(),
                keepMine ? form.getSeenRevision() : null,
                form.toChanges(),
                imageChoice(form),
                move.move,
                note,
                at);
        SaveOutcome outcome = articles.save(me, id, edit);
        if (outcome instanceof SaveOutcome.Saved saved) {
            if (saved.imageGone()) {
                flash.addFlashAttribute("error", "media.error.no-such-image");
            }
            flash.addFlashAttribute(
                    "notice", keepMine && move == Workflow.SAVE ? "article.notice.kept-mine" : move.notice);
            return "redirect:/admin/articles/" + id;
        }
        if (outcome instanceof SaveOutcome.Conflict conflict) {
            // Someone saved meanwhile: nothing was written, nothing moved. Their change is shown beside this
            // editor's own text, which stays based on the revision it was typed over: saving it again meets the
            // same conflict, until the editor chooses (take theirs, keep mine, or merge).
            model.addAttribute("conflict", conflict.conflict());
            form.setSeenRevision(conflict.conflict().currentRevision());
        } else if (outcome instanceof SaveOutcome.Refused refused) {
            switch (refused.reason()) {
                case SLUG_TAKEN -> errors.rejectValue("slug", "article.slug.taken");
                // The article left this member's hands while they typed (say, an editor published their
                // draft): nothing is saved, and their text stays on the page to copy.
                case NO_LONGER_ALLOWED -> model.addAttribute("error", "article.edit.no-longer-allowed");
                case MOVE_REFUSED -> model.addAttribute("error", "article.workflow.refused-unsaved");
                case SCHEDULE_IN_PAST -> model.addAttribute("error", "article.schedule.past");
                case NOTE_TOO_LONG -> model.addAttribute("error", "article.return.too-long");
                case BYLINE_NOT_OWN -> errors.rejectValue("authorIds", "article.byline.not-own");
                case NO_AUTHOR -> {
                    model.addAttribute("error", "article.publish.refused");
                    errors.rejectValue("authorIds", "article.publish.no-author");
                }
                case IMAGE_WITHOUT_ALT -> {
                    model.addAttribute("error", "article.publish.refused");
                    errors.rejectValue("bodyMarkdown", "article.publish.image-without-alt");
                }
            }
        }
        return again(id, form, me, model);
    }

    /** The edit form again, with the editor's text as they sent it. */
    private String again(long id, ArticleForm form, StaffUser me, Model model) {
        form.padAuthors();
        return page.form(model, form, articles.forEditing(id, me), me);
    }

    /** The featured image picked on the form, or null when the form did not carry the choice. */
    private static ArticleEdit.ImageChoice imageChoice(ArticleForm form) {
        return form.isFeaturedImagePicked() ? new ArticleEdit.ImageChoice(form.getFeaturedImageId()) : null;
    }

    /**
     * After a conflict, the editor's text merged with the change saved meanwhile, in the form, based on the current
     * revision: saving it makes a new revision. Where both changed the same lines, both versions are in the text
     * between markers, which a save refuses until the editor has chosen.
     */
    private String merged(long id, ArticleForm form, StaffUser me, Model model) {
        var merged = revisions.merge(
                id,
                form.getRevision(),
                form.toChanges().content(),
                messages.getMessage("article.merge.mine", null, LocaleContextHolder.getLocale()),
                messages.getMessage("article.merge.theirs", null, LocaleContextHolder.getLocale()),
                me);
        model.addAttribute("conflict", revisions.conflict(id, form.getRevision()));
        model.addAttribute("merged", true);
        model.addAttribute("unsaved", true);
        form.setTitle(merged.title());
        form.setDek(merged.dek());
        form.setBodyMarkdown(merged.bodyMarkdown());
        form.setRevision(merged.currentRevision());
        form.setSeenRevision(null);
        model.addAttribute("notice", merged.conflicted() ? "article.notice.merged-marked" : "article.notice.merged");
        form.padAuthors();
        return page.form(model, form, articles.forEditing(id, me), me);
    }

    /** What the edit form's buttons do besides saving: {@code name="action"} on the button. */
    enum Workflow {
        SAVE(ArticleEdit.Move.SAVE, "article.notice.saved"),
        SUBMIT(ArticleEdit.Move.SUBMIT, "article.notice.submitted"),
        RETURN(ArticleEdit.Move.RETURN, "article.notice.returned"),
        PUBLISH(ArticleEdit.Move.PUBLISH, "article.notice.published"),
        SCHEDULE(ArticleEdit.Move.SCHEDULE, "article.notice.scheduled");

        final ArticleEdit.Move move;
        final String notice;

        Workflow(ArticleEdit.Move move, String notice) {
            this.move = move;
            this.notice = notice;
        }

        static Workflow of(String action) {
            if (action == null || action.isBlank()) {
                return SAVE;
            }
            for (Workflow move : values()) {
                if (move.name().equalsIgnoreCase(action.strip())) {
                    return move;
                }
            }
            throw new org.masthead.web.BadRequestException("error.bad-parameter");
        }
    }

    /** The live preview of the editor's JavaScript: the body rendered by the public pages' pipeline. */
    @PostMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String livePreview(@RequestParam(defaultValue = "") String bodyMarkdown) {
        return markdown.render(bodyMarkdown).html();
    }
}
