package org.masthead.author.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.account.Account;
import org.masthead.account.AccountPermissions;
import org.masthead.account.AccountService;
import org.masthead.author.Author;
import org.masthead.author.AuthorHasArticlesException;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorMergeIntoItselfException;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageService;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.slug.SlugInUseException;
import org.masthead.slug.Slugs;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Author profiles, for admins: list, create, edit (with a bio preview that works with and without JavaScript),
 * and delete, which for an author with articles becomes "merge their articles into another author".
 */
@Controller
@RequestMapping("/admin/authors")
class AuthorAdminController {

    private final AuthorService authors;
    private final ImageService images;
    private final AccountService accounts;
    private final MessageSource messages;

    AuthorAdminController(AuthorService authors, ImageService images, AccountService accounts, MessageSource messages) {
        this.authors = authors;
        this.images = images;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("authors", authors.all());
        return "admin/author/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffUser me, Model model) {
        return form(me, AuthorForm.empty(), null, false, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("authorForm") AuthorForm form,
            BindingResult errors,
            @RequestParam(required = false) String preview,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        if (!me.hasAtLeast(Role.ADMIN)) {
            form.setAccountId(null); // linking an author to an account is for admins
        }
        check(form, errors, null);
        if (preview != null || errors.hasErrors()) {
            return form(me, form, null, preview != null, model);
        }
        try {
            Author author = authors.create(me, form.toChanges());
            flash.addFlashAttribute("notice", "author.created");
            return "redirect:/admin/authors/" + author.getId();
        } catch (SlugInUseException e) {
            errors.rejectValue("slug", "author.error.slug-taken");
            return form(me, form, null, false, model);
        }
    }

    /** A guest author created from the article editor's byline: the new author's id and name. */
    record Created(long id, String name) {}

    /** Why the editor's quick form was refused: the field and the message to show beside it. */
    record Refused(String field, String error) {}

    /**
     * The article editor's "new guest author", in place: the same checks as this page's form (the address made
     * from the name, made free with a number when another author has it), answered as JSON for the editor to add
     * the author to its byline. The photo, if any, was uploaded first through the media library's JSON upload.
     */
    @PostMapping(path = "/quick.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> createQuickly(
            @Valid @ModelAttribute("authorForm") AuthorForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Locale locale) {
        form.setAccountId(null);
        form.setLinks(List.of());
        if (!errors.hasFieldErrors("name")
                && (form.getSlug() == null || form.getSlug().isBlank())) {
            String base = Slugs.slugify(form.getName());
            String slug = base;
            for (int n = 2; Slugs.isValid(slug) && !authors.isSlugFree(slug, null) && n < 100; n++) {
                slug = base + "-" + n;
            }
            form.setSlug(slug);
        }
        check(form, errors, null);
        if (errors.hasErrors()) {
            FieldError first = errors.getFieldError();
            String field = first == null ? "name" : first.getField();
            String message = first == null
                    ? messages.getMessage("author.error.name-required", null, locale)
                    : messages.getMessage(first, locale);
            return ResponseEntity.badRequest().body(new Refused(field, message));
        }
        try {
            Author author = authors.create(me, form.toChanges());
            return ResponseEntity.status(HttpStatus.CREATED).body(new Created(author.getId(), author.getName()));
        } catch (SlugInUseException e) {
            return ResponseEntity.badRequest()
                    .body(new Refused("name", messages.getMessage("author.error.slug-taken", null, locale)));
        }
    }

    @GetMapping("/{id}")
    String editForm(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        Author author = authors.get(id);
        return form(me, AuthorForm.of(author), author, false, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("authorForm") AuthorForm form,
            BindingResult errors,
            @RequestParam(required = false) String preview,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        Author author = authors.get(id);
        if (!me.hasAtLeast(Role.ADMIN)) {
            form.setAccountId(author.getAccountId()); // linking an author to an account is for admins
        }
        check(form, errors, id);
        if (preview != null || errors.hasErrors()) {
            return form(me, form, author, preview != null, model);
        }
        try {
            authors.update(me, id, form.getVersion(), form.toChanges());
        } catch (SlugInUseException e) {
            errors.rejectValue("slug", "author.error.slug-taken");
            return form(me, form, author, false, model);
        } catch (OptimisticLockingFailureException e) {
            errors.reject("author.error.conflict");
            return form(me, form, author, false, model);
        }
        flash.addFlashAttribute("notice", "author.saved");
        return "redirect:/admin/authors/" + id;
    }

    /** The bio rendered as readers will see it, for the JavaScript preview. */
    @PostMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam(defaultValue = "") String markdown) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(authors.previewBio(markdown));
    }

    @GetMapping("/{id}/delete")
    String deleteForm(@PathVariable long id, Model model) {
        return deletePage(authors.get(id), model);
    }

    @PostMapping("/{id}/delete")
    String delete(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            authors.delete(me, id);
        } catch (AuthorHasArticlesException e) {
            model.addAttribute("refused", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return deletePage(authors.get(id), model);
        }
        flash.addFlashAttribute("notice", "author.deleted");
        return "redirect:/admin/authors";
    }

    @PostMapping("/{id}/merge")
    String merge(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        if (targetId == null) {
            return mergeRefused("author.error.merge-target", id, model, response);
        }
        Author target;
        try {
            target = authors.mergeInto(me, id, targetId);
        } catch (AuthorMergeIntoItselfException e) {
            return mergeRefused(e.getMessageKey(), id, model, response);
        }
        flash.addFlashAttribute("notice", "author.merged");
        flash.addFlashAttribute("noticeArgs", new Object[] {target.getName()});
        return "redirect:/admin/authors/" + targetId;
    }

    private String mergeRefused(String messageKey, long id, Model model, HttpServletResponse response) {
        model.addAttribute("mergeError", messageKey);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return deletePage(authors.get(id), model);
    }

    private String deletePage(Author author, Model model) {
        model.addAttribute("author", author);
        model.addAttribute("articleCount", authors.articleCount(author.getId()));
        model.addAttribute(
                "others",
                authors.all().stream()
                        .filter(a -> !a.getId().equals(author.getId()))
                        .toList());
        return "admin/author/delete";
    }

    /** Checks that need the database or span fields: free slug, free account, existing photo, complete links. */
    private void check(AuthorForm form, BindingResult errors, Long ownId) {
        String slug = form.effectiveSlug();
        if (!errors.hasFieldErrors("slug") && !errors.hasFieldErrors("name") && form.getName() != null) {
            if (!Slugs.isValid(slug)) {
                errors.rejectValue("slug", "author.error.slug-pattern");
            } else if (!authors.isSlugFree(slug, ownId)) {
                errors.rejectValue("slug", "author.error.slug-taken");
            }
        }
        if (form.getAccountId() != null && form.getAccountId() > 0 && !errors.hasFieldErrors("accountId")) {
            if (!accounts.exists(form.getAccountId())) {
                errors.rejectValue("accountId", "author.error.account-missing");
            } else if (!authors.isAccountFree(form.getAccountId(), ownId)) {
                errors.rejectValue("accountId", "author.error.account-taken");
            }
        }
        if (form.getPhotoImageId() != null
                && images.find(form.getPhotoImageId()).isEmpty()) {
            errors.rejectValue("photoImageId", "author.error.photo-missing");
        }
        List<AuthorForm.LinkRow> links = form.getLinks();
        for (int i = 0; i < links.size(); i++) {
            AuthorForm.LinkRow row = links.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (row.getLabel() == null || row.getLabel().isBlank()) {
                errors.rejectValue("links[" + i + "].label", "author.error.link-label");
            }
            if (!AuthorLink.isWebUrl(row.getUrl())) {
                errors.rejectValue("links[" + i + "].url", "author.error.link-url");
            }
        }
    }

    private String form(StaffUser me, AuthorForm form, Author author, boolean preview, Model model) {
        form.padLinks();
        if (!model.containsAttribute("authorForm")) {
            model.addAttribute("authorForm", form);
        }
        model.addAttribute("author", author);
        model.addAttribute("accounts", AccountPermissions.canManage(me) ? accounts.all(me) : List.<Account>of());
        if (preview) {
            model.addAttribute("previewHtml", authors.previewBio(form.getBioMarkdown()));
        }
        return "admin/author/edit";
    }
}
