package org.masthead.article.web;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.masthead.article.Article;
import org.masthead.article.ArticleAccessDeniedException;
import org.masthead.article.ArticleAutosaves;
import org.masthead.article.ArticleConflictException;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleRevision;
import org.masthead.article.ArticleRow;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.DraftRescues;
import org.masthead.article.IllegalTransitionException;
import org.masthead.article.NoteKind;
import org.masthead.article.PreviewLinks;
import org.masthead.article.ScheduleInPastException;
import org.masthead.article.TextDiff;
import org.masthead.article.TextMerge;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.slug.SlugInUseException;
import org.masthead.web.PageNotFoundException;
import org.masthead.web.PageNumbers;
import org.masthead.web.SiteProperties;
import org.masthead.web.StorableText;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
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
 * The newsroom's article screens: the list, the edit form with its preview, the workflow buttons, revisions,
 * preview links and corrections. Thin: {@link ArticleService} checks every permission on the server.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleAdminController {

    static final int PAGE_SIZE = 25;

    /** The latest time an article can be scheduled for: the end of the year 9999. */
    private static final Instant LATEST_SCHEDULE = Instant.parse("9999-12-31T00:00:00Z");

    static final String FORM = "admin/article/edit";

    private final ArticleService articles;
    private final PreviewLinks previewLinks;
    private final DraftRescues rescues;
    private final ArticleAutosaves autosaves;
    private final SectionService sections;
    private final AuthorService authors;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;
    private final MessageSource messages;

    ArticleAdminController(
            ArticleService articles,
            PreviewLinks previewLinks,
            DraftRescues rescues,
            ArticleAutosaves autosaves,
            SectionService sections,
            AuthorService authors,
            MarkdownRenderer markdown,
            SiteProperties site,
            MessageSource messages) {
        this.articles = articles;
        this.previewLinks = previewLinks;
        this.rescues = rescues;
        this.autosaves = autosaves;
        this.sections = sections;
        this.authors = authors;
        this.markdown = markdown;
        this.site = site;
        this.messages = messages;
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

    // --- list -------------------------------------------------------------------------------------------------

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
        offerAutosave(model, null, form, me);
        return form(model, form, null, null);
    }

    @PostMapping(params = "preview")
    String previewNew(@ModelAttribute("form") ArticleForm form, BindingResult errors, Model model) {
        form.padAuthors();
        model.addAttribute("unsaved", true);
        return withPreview(model, form, form(model, form, null, null));
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        check(form, errors);
        if (!errors.hasFieldErrors("slug") && !org.masthead.slug.Slugs.isValid(form.effectiveSlug())) {
            errors.rejectValue("slug", "article.slug.needed");
        }
        model.addAttribute("unsaved", true);
        if (errors.hasErrors()) {
            form.padAuthors();
            return form(model, form, null, null);
        }
        try {
            Article article = articles.create(form.toChanges(), me);
            flash.addFlashAttribute("notice", "article.notice.created");
            return "redirect:/admin/articles/" + article.getId();
        } catch (SlugInUseException ex) {
            errors.rejectValue("slug", "article.slug.taken");
            form.padAuthors();
            return form(model, form, null, null);
        }
    }

    // --- edit -------------------------------------------------------------------------------------------------

    @GetMapping("/{id:\\d+}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        Article article = articles.forEditing(id, me);
        ArticleForm form = ArticleForm.of(article);
        offerAutosave(model, id, form, me);
        return form(model, form, article, me);
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
        ArticleForm form = bound(autosaved.fields());
        if (autosaved.baseRevision() != null) {
            form.setRevision(autosaved.baseRevision());
        }
        if (article != null) {
            form.setVersion(article.getVersion());
        }
        model.addAttribute("notice", "article.autosave.restored");
        model.addAttribute("unsaved", true);
        return form(model, form, article, me);
    }

    /** Offers the member's autosaved text when it differs from what the form shows. */
    private void offerAutosave(Model model, Long id, ArticleForm shown, StaffUser me) {
        autosaves.find(id, me).ifPresent(autosaved -> {
            ArticleForm kept = bound(autosaved.fields());
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

    /** A form bound from posted fields (as kept by autosave or a rescue), through the form's own field list. */
    private static ArticleForm bound(Map<String, List<String>> fields) {
        ArticleForm form = new ArticleForm();
        DataBinder binder = new DataBinder(form, "form");
        binder.setAllowedFields(ArticleForm.FIELDS);
        binder.bind(new MutablePropertyValues(fields.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().toArray(String[]::new)))));
        form.padAuthors();
        return form;
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
        return withPreview(model, form, form(model, form, article, me));
    }

    /**
     * The edit form's Save, its workflow buttons ({@code action}: submit, return, publish, schedule, which save the
     * form's text first, in the same transaction) and, after an edit conflict, the editor's choice
     * ({@code resolve}: theirs, mine or merge). A save based on a revision that is no longer the latest never
     * overwrites it: the form comes back with the other change, and only "keep mine", pressed on that page,
     * saves over it.
     */
    @PostMapping("/{id:\\d+}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resolve,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String time,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        Article article = articles.forEditing(id, me);
        if ("theirs".equals(resolve)) {
            // The editor looked at the other change and takes it: their own text is dropped, autosave included.
            autosaves.discard(id, me);
            flash.addFlashAttribute("notice", "article.notice.took-theirs");
            return "redirect:/admin/articles/" + id;
        }
        if ("merge".equals(resolve)) {
            return merged(id, form, me, model);
        }
        check(form, errors);
        model.addAttribute("unsaved", true);
        Workflow move = Workflow.of(action);
        Instant at = null;
        if (!errors.hasErrors() && move == Workflow.SCHEDULE) {
            at = scheduleTime(date, time);
            if (at == null) {
                model.addAttribute("error", "article.schedule.invalid");
            }
        }
        if (!errors.hasErrors() && move == Workflow.RETURN && note.length() > 2000) {
            model.addAttribute("error", "article.return.too-long");
        }
        if (errors.hasErrors() || model.containsAttribute("error")) {
            form.padAuthors();
            return form(model, form, article, me);
        }
        // "Keep mine" saves over the change the editor was shown, and only over that one.
        boolean keepMine = "mine".equals(resolve) && form.getSeenRevision() != null;
        int base = keepMine ? form.getSeenRevision() : form.getRevision();
        try {
            var changes = form.toChanges();
            switch (move) {
                case SAVE -> articles.update(id, base, changes, me);
                case SUBMIT -> articles.saveAndSubmit(id, base, changes, me);
                case RETURN -> articles.saveAndReturn(id, base, changes, note, me);
                case PUBLISH -> articles.saveAndPublish(id, base, changes, me);
                case SCHEDULE -> articles.saveAndSchedule(id, base, changes, at, me);
            }
            flash.addFlashAttribute(
                    "notice", keepMine && move == Workflow.SAVE ? "article.notice.kept-mine" : move.notice);
            return "redirect:/admin/articles/" + id;
        } catch (SlugInUseException ex) {
            errors.rejectValue("slug", "article.slug.taken");
        } catch (ArticleAccessDeniedException ex) {
            // The article left this member's hands while they typed (say, an editor published their draft):
            // nothing is saved, and their text stays on the page to copy.
            model.addAttribute("error", "article.edit.no-longer-allowed");
        } catch (ArticleConflictException | ObjectOptimisticLockingFailureException ex) {
            // Someone saved meanwhile: nothing was written, nothing moved. Their change is shown beside this
            // editor's own text, which stays based on the revision it was typed over: saving it again meets the
            // same conflict, until the editor chooses (take theirs, keep mine, or merge).
            var conflict = articles.conflict(id, form.getRevision());
            model.addAttribute("conflict", conflict);
            form.setSeenRevision(conflict.currentRevision());
        } catch (IllegalTransitionException ex) {
            model.addAttribute("error", "article.workflow.refused-unsaved");
        } catch (ScheduleInPastException ex) {
            model.addAttribute("error", "article.schedule.past");
        }
        article = articles.forEditing(id, me);
        form.padAuthors();
        return form(model, form, article, me);
    }

    /**
     * After a conflict, the editor's text merged with the change saved meanwhile, in the form, based on the current
     * revision: saving it makes a new revision. Where both changed the same lines, both versions are in the text
     * between markers, which a save refuses until the editor has chosen.
     */
    private String merged(long id, ArticleForm form, StaffUser me, Model model) {
        var merged = articles.merge(
                id,
                form.getRevision(),
                form.toChanges().content(),
                messages.getMessage("article.merge.mine", null, LocaleContextHolder.getLocale()),
                messages.getMessage("article.merge.theirs", null, LocaleContextHolder.getLocale()),
                me);
        model.addAttribute("conflict", articles.conflict(id, form.getRevision()));
        model.addAttribute("merged", true);
        model.addAttribute("unsaved", true);
        form.setTitle(merged.title());
        form.setDek(merged.dek());
        form.setBodyMarkdown(merged.bodyMarkdown());
        form.setRevision(merged.currentRevision());
        form.setSeenRevision(null);
        model.addAttribute("notice", merged.conflicted() ? "article.notice.merged-marked" : "article.notice.merged");
        form.padAuthors();
        return form(model, form, articles.forEditing(id, me), me);
    }

    private Instant scheduleTime(String date, String time) {
        try {
            return LocalDate.parse(date)
                    .atTime(LocalTime.parse(time))
                    .atZone(site.timeZone())
                    .toInstant();
        } catch (DateTimeException ex) {
            return null;
        }
    }

    /** What the edit form's buttons do besides saving: {@code name="action"} on the button. */
    enum Workflow {
        SAVE("article.notice.saved"),
        SUBMIT("article.notice.submitted"),
        RETURN("article.notice.returned"),
        PUBLISH("article.notice.published"),
        SCHEDULE("article.notice.scheduled");

        final String notice;

        Workflow(String notice) {
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

    // --- workflow ---------------------------------------------------------------------------------------------

    @PostMapping("/{id:\\d+}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.submitted", () -> articles.submit(id, me));
    }

    @PostMapping("/{id:\\d+}/return")
    String returnToDraft(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (note.length() > 2000) {
            flash.addFlashAttribute("error", "article.return.too-long");
            return "redirect:/admin/articles/" + id;
        }
        return move(id, flash, "article.notice.returned", () -> articles.returnToDraft(id, note, me));
    }

    @PostMapping("/{id:\\d+}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.published", () -> articles.publish(id, me));
    }

    @PostMapping("/{id:\\d+}/schedule")
    String schedule(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String time,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        Instant at;
        try {
            at = LocalDate.parse(date)
                    .atTime(LocalTime.parse(time))
                    .atZone(site.timeZone())
                    .toInstant();
        } catch (DateTimeException ex) {
            flash.addFlashAttribute("error", "article.schedule.invalid");
            return "redirect:/admin/articles/" + id;
        }
        if (at.isAfter(LATEST_SCHEDULE)) {
            // Beyond any plan, and (for years such as +999999999) beyond what the database can store.
            flash.addFlashAttribute("error", "article.schedule.too-far");
            return "redirect:/admin/articles/" + id;
        }
        try {
            return move(id, flash, "article.notice.scheduled", () -> articles.schedule(id, at, me));
        } catch (ScheduleInPastException ex) {
            flash.addFlashAttribute("error", "article.schedule.past");
            return "redirect:/admin/articles/" + id;
        }
    }

    @PostMapping("/{id:\\d+}/unschedule")
    String unschedule(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.unscheduled", () -> articles.unschedule(id, me));
    }

    @PostMapping("/{id:\\d+}/unpublish")
    String unpublish(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.unpublished", () -> articles.unpublish(id, me));
    }

    @PostMapping("/{id:\\d+}/archive")
    String archive(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.archived", () -> articles.archive(id, me));
    }

    @PostMapping("/{id:\\d+}/restore")
    String restore(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return move(id, flash, "article.notice.restored", () -> articles.restore(id, me));
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        try {
            articles.delete(id, me);
            flash.addFlashAttribute("notice", "article.notice.deleted");
            return "redirect:/admin/articles";
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "article.delete.refused");
            return "redirect:/admin/articles/" + id;
        }
    }

    @PostMapping("/{id:\\d+}/notes")
    String addNote(
            @PathVariable long id,
            @RequestParam(defaultValue = "CORRECTION") NoteKind kind,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (body.isBlank() || body.length() > 2000) {
            flash.addFlashAttribute("error", "article.note.invalid");
            return "redirect:/admin/articles/" + id;
        }
        return move(id, flash, "article.notice.noted", () -> articles.addNote(id, kind, body, me));
    }

    // --- revisions --------------------------------------------------------------------------------------------

    @GetMapping("/{id:\\d+}/revisions")
    String revisions(
            @PathVariable long id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        List<ArticleRevision> all = articles.revisions(id, me);
        Article article = articles.forEditing(id, me);
        model.addAttribute("article", article);
        model.addAttribute("revisions", all);
        model.addAttribute("canRestore", ArticlePermissions.canEdit(me, article));
        if (!all.isEmpty()) {
            int newest = all.get(0).getNumber();
            int right = to != null ? to : newest;
            int left = from != null ? from : Math.max(all.get(all.size() - 1).getNumber(), right - 1);
            model.addAttribute("from", left);
            model.addAttribute("to", right);
            List<TextDiff.Line> diff = articles.diff(id, left, right, me);
            model.addAttribute("diff", diff);
            model.addAttribute("diffChanged", TextDiff.hasChanges(diff));
        }
        return "admin/article/revisions";
    }

    @PostMapping("/{id:\\d+}/revisions/{number:\\d+}/restore")
    String restoreRevision(
            @PathVariable long id,
            @PathVariable int number,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        articles.restoreRevision(id, number, me);
        flash.addFlashAttribute("notice", "article.notice.revision-restored");
        return "redirect:/admin/articles/" + id;
    }

    // --- preview links ----------------------------------------------------------------------------------------

    @PostMapping("/{id:\\d+}/preview-links")
    String createPreviewLink(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        String token = previewLinks.create(id, me);
        flash.addFlashAttribute("notice", "article.notice.preview-link");
        flash.addFlashAttribute("previewUrl", site.absolute("/preview/" + token));
        return "redirect:/admin/articles/" + id;
    }

    @PostMapping("/{id:\\d+}/preview-links/{linkId:\\d+}/revoke")
    String revokePreviewLink(
            @PathVariable long id,
            @PathVariable long linkId,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        previewLinks.revoke(id, linkId, me);
        flash.addFlashAttribute("notice", "article.notice.preview-link-revoked");
        return "redirect:/admin/articles/" + id;
    }

    // --- rescued forms ----------------------------------------------------------------------------------------

    /**
     * Where a form refused for an expired session or CSRF token is forwarded: a 403 that says how to go on, to the
     * kept text, or (nothing kept) back to the form, whose text the browser still has.
     */
    @RequestMapping("/rescue-notice")
    String rescueNotice(HttpServletRequest request, Model model) {
        Object key = request.getAttribute(ArticleFormRescue.KEY_ATTRIBUTE);
        if (key != null) {
            model.addAttribute("rescueUrl", "/admin/articles/rescued/" + key);
            return "admin/article/rescued";
        }
        if (request.getAttribute(ArticleFormRescue.NOT_KEPT_ATTRIBUTE) != null) {
            return "admin/article/not-kept";
        }
        throw new PageNotFoundException("rescued form");
    }

    /** The form as it was posted before the session expired, back after signing in again. Nothing is saved yet. */
    @GetMapping("/rescued/{key}")
    String rescued(@PathVariable String key, @AuthenticationPrincipal StaffUser me, Model model) {
        DraftRescues.Rescued rescued =
                rescues.claim(key, me).orElseThrow(() -> new PageNotFoundException("rescued form"));
        ArticleForm form = new ArticleForm();
        DataBinder binder = new DataBinder(form, "form");
        binder.setAllowedFields(ArticleForm.FIELDS);
        binder.bind(new MutablePropertyValues(rescued.fields().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().toArray(String[]::new)))));
        form.padAuthors();
        model.addAttribute("rescued", true);
        if (rescued.articleId() == null) {
            return form(model, form, null, null);
        }
        Article article = articles.forEditing(rescued.articleId(), me);
        return form(model, form, article, me);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String form(Model model, ArticleForm form, Article article, StaffUser me) {
        if (article != null && form.getSeenRevision() != null && !model.containsAttribute("conflict")) {
            // Still undecided after a conflict (say, a field needs correcting): the other change stays in view.
            model.addAttribute("conflict", articles.conflict(article.getId(), form.getRevision()));
        }
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("sections", sections.all());
        model.addAttribute("authors", authors.all());
        model.addAttribute("noteKinds", NoteKind.values());
        if (article != null) {
            model.addAttribute("can", new Allowed(me, article));
            model.addAttribute("previewLinks", previewLinks.of(article.getId()));
            model.addAttribute("timeZone", site.timeZone().getId());
        }
        return FORM;
    }

    private String withPreview(Model model, ArticleForm form, String view) {
        model.addAttribute(
                "previewHtml",
                markdown.render(form.getBodyMarkdown() == null ? "" : form.getBodyMarkdown())
                        .html());
        return view;
    }

    private static void check(ArticleForm form, BindingResult errors) {
        if (form.hasDuplicateAuthors()) {
            errors.rejectValue("authorIds", "article.authors.duplicate");
        }
        if (form.chosenAuthors().size() > ArticleForm.MAX_AUTHORS) {
            errors.rejectValue("authorIds", "article.authors.too-many");
        }
        if (TextMerge.hasMarkers(form.getBodyMarkdown())) {
            errors.rejectValue("bodyMarkdown", "article.body.merge-markers");
        }
        if (TextMerge.hasMarkers(form.getDek())) {
            errors.rejectValue("dek", "article.body.merge-markers");
        }
    }

    private static String move(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("error", "article.workflow.refused");
        }
        return "redirect:/admin/articles/" + id;
    }

    /** Which buttons the edit page shows; the service checks each action again. */
    record Allowed(boolean edit, boolean submit, boolean delete, boolean manage, boolean share) {

        Allowed(StaffUser me, Article article) {
            this(
                    ArticlePermissions.canEdit(me, article),
                    ArticlePermissions.canSubmit(me, article),
                    ArticlePermissions.canDelete(me, article) && article.isDeletable(),
                    ArticlePermissions.canManage(me),
                    ArticlePermissions.canSharePreview(me, article));
        }
    }
}
