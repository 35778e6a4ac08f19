package org.masthead.article.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.masthead.article.Article;
import org.masthead.article.ArticlePermissions;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.NoteKind;
import org.masthead.article.PreviewLinks;
import org.masthead.article.PublicationRefusedException;
import org.masthead.article.TextMerge;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownRenderer;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;

/**
 * The article edit page as every newsroom controller shows it: the form with its sections, authors, buttons and
 * preview links, the rendered preview, and a form bound from kept fields (autosave, a rescued post).
 */
@Component
class ArticleEditorPage {

    static final String FORM = "admin/article/edit";

    private final ArticleRevisions revisions;
    private final PreviewLinks previewLinks;
    private final SectionService sections;
    private final AuthorService authors;
    private final MarkdownRenderer markdown;
    private final SiteProperties site;

    ArticleEditorPage(
            ArticleRevisions revisions,
            PreviewLinks previewLinks,
            SectionService sections,
            AuthorService authors,
            MarkdownRenderer markdown,
            SiteProperties site) {
        this.revisions = revisions;
        this.previewLinks = previewLinks;
        this.sections = sections;
        this.authors = authors;
        this.markdown = markdown;
        this.site = site;
    }

    String form(Model model, ArticleForm form, Article article, StaffUser me) {
        if (article != null && form.getSeenRevision() != null && !model.containsAttribute("conflict")) {
            // Still undecided after a conflict (say, a field needs correcting): the other change stays in view.
            model.addAttribute("conflict", revisions.conflict(article.getId(), form.getRevision()));
        }
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("sections", sections.all());
        model.addAttribute("authors", authors.all());
        model.addAttribute("noteKinds", NoteKind.values());
        if (article != null) {
            model.addAttribute("can", new Allowed(me, article));
            model.addAttribute("workflow", WorkflowButtons.of(me, article));
            model.addAttribute("previewLinks", previewLinks.of(article.getId()));
            model.addAttribute("timeZone", site.timeZone().getId());
            if (article.getStatus() == org.masthead.article.ArticleStatus.PUBLISHED) {
                // Readers already see it: what would refuse a publication is only a warning here.
                model.addAttribute("publishWarnings", PublicationRefusedException.problems(article));
            }
        }
        return FORM;
    }

    String withPreview(Model model, ArticleForm form, String view) {
        model.addAttribute(
                "previewHtml",
                markdown.render(form.getBodyMarkdown() == null ? "" : form.getBodyMarkdown())
                        .html());
        return view;
    }

    /** A form bound from posted fields (as kept by autosave or a rescue), through the form's own field list. */
    static ArticleForm bound(Map<String, List<String>> fields) {
        ArticleForm form = new ArticleForm();
        DataBinder binder = new DataBinder(form, "form");
        binder.setAllowedFields(ArticleForm.FIELDS);
        binder.bind(new MutablePropertyValues(fields.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().toArray(String[]::new)))));
        form.padAuthors();
        return form;
    }

    static void check(ArticleForm form, BindingResult errors) {
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

    /** Which buttons the edit page shows; the service checks each action again. */
    record Allowed(boolean edit, boolean submit, boolean delete, boolean manage, boolean share, boolean expire) {

        Allowed(StaffUser me, Article article) {
            this(
                    ArticlePermissions.canEdit(me, article),
                    ArticlePermissions.canSubmit(me, article),
                    ArticlePermissions.canDelete(me, article) && article.isDeletable(),
                    ArticlePermissions.canManage(me),
                    ArticlePermissions.canSharePreview(me, article),
                    ArticlePermissions.canSetExpiry(me, article));
        }
    }
}
