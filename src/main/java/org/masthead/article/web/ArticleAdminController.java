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
    private final SectionService sections;
    private final AuthorService authors;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;

    ArticleAdminController(
            ArticleService articles,
            PreviewLinks previewLinks,
            DraftRescues rescues,
            SectionService sections,
            AuthorService authors,
            MarkdownRenderer markdown,
            SiteProperties site) {
        this.articles = articles;
        this.previewLinks = previewLinks;
        this.rescues = rescues;
        this.sections = sections;
        this.authors = authors;
        this.markdown = markdown;
        this.site = site;
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
    String newForm(Model model) {
        ArticleForm form = new ArticleForm();
        sections.all().stream().findFirst().ifPresent(first -> form.setSectionId(first.getId()));
        return form(model, form, null, null);
    }

    @PostMapping(params = "preview")
    String previewNew(@ModelAttribute("form") ArticleForm form, BindingResult errors, Model model) {
        form.padAuthors();
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
        return form(model, ArticleForm.of(article), article, me);
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
        return withPreview(model, form, form(model, form, article, me));
    }

    @PostMapping("/{id:\\d+}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        Article article = articles.forEditing(id, me);
        check(form, errors);
        if (errors.hasErrors()) {
            form.padAuthors();
            return form(model, form, article, me);
        }
        try {
            articles.update(id, form.getRevision(), form.toChanges(), me);
            flash.addFlashAttribute("notice", "article.notice.saved");
            return "redirect:/admin/articles/" + id;
        } catch (SlugInUseException ex) {
            errors.rejectValue("slug", "article.slug.taken");
        } catch (ArticleAccessDeniedException ex) {
            // The article left this member's hands while they typed (say, an editor published their draft):
            // nothing is saved, and their text stays on the page to copy.
            model.addAttribute("problem", "article.edit.no-longer-allowed");
            article = articles.forEditing(id, me);
        } catch (ArticleConflictException | ObjectOptimisticLockingFailureException ex) {
            // Someone saved meanwhile: nothing was written. Show their change beside this editor's own text,
            // which a second save (now based on the current revision) will store.
            var conflict = articles.conflict(id, form.getRevision());
            model.addAttribute("conflict", conflict);
            form.setRevision(conflict.currentRevision());
            article = articles.forEditing(id, me);
        }
        form.padAuthors();
        return form(model, form, article, me);
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
            flash.addFlashAttribute("problem", "article.return.too-long");
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
            flash.addFlashAttribute("problem", "article.schedule.invalid");
            return "redirect:/admin/articles/" + id;
        }
        if (at.isAfter(LATEST_SCHEDULE)) {
            // Beyond any plan, and (for years such as +999999999) beyond what the database can store.
            flash.addFlashAttribute("problem", "article.schedule.too-far");
            return "redirect:/admin/articles/" + id;
        }
        try {
            return move(id, flash, "article.notice.scheduled", () -> articles.schedule(id, at, me));
        } catch (ScheduleInPastException ex) {
            flash.addFlashAttribute("problem", "article.schedule.past");
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
            flash.addFlashAttribute("problem", "article.delete.refused");
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
            flash.addFlashAttribute("problem", "article.note.invalid");
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

    /** Where a form refused for an expired session or CSRF token is forwarded: a 403 that says how to go on. */
    @RequestMapping("/rescue-notice")
    String rescueNotice(HttpServletRequest request, Model model) {
        Object key = request.getAttribute(ArticleFormRescue.KEY_ATTRIBUTE);
        if (key == null) {
            throw new PageNotFoundException("rescued form");
        }
        model.addAttribute("rescueUrl", "/admin/articles/rescued/" + key);
        return "admin/article/rescued";
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
    }

    private static String move(long id, RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (IllegalTransitionException ex) {
            flash.addFlashAttribute("problem", "article.workflow.refused");
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
