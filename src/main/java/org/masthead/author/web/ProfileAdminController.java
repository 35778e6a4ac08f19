package org.masthead.author.web;

import jakarta.validation.Valid;

import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageService;
import org.masthead.security.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/profile}: a staff member linked to an author profile edits their own bio and photo, and nothing
 * else of it (name, slug, title and links stay with the admins). Anyone else is told that no profile is linked.
 */
@Controller
@RequestMapping("/admin/profile")
class ProfileAdminController {

    private final AuthorService authors;
    private final ImageService images;

    ProfileAdminController(AuthorService authors, ImageService images) {
        this.authors = authors;
        this.images = images;
    }

    @GetMapping
    String editForm(@AuthenticationPrincipal StaffUser me, Model model) {
        return authors.findByAccountId(me.getAccountId())
                .map(author -> form(ProfileForm.of(author), author, null, model))
                .orElseGet(() -> "admin/profile/unlinked");
    }

    @PostMapping
    String update(
            @AuthenticationPrincipal StaffUser me,
            @Valid @ModelAttribute("profileForm") ProfileForm form,
            BindingResult errors,
            @RequestParam(required = false) String preview,
            Model model,
            RedirectAttributes flash) {
        Author author = authors.findByAccountId(me.getAccountId()).orElse(null);
        if (author == null) {
            return "admin/profile/unlinked";
        }
        if (form.getPhotoImageId() != null
                && images.find(form.getPhotoImageId()).isEmpty()) {
            errors.rejectValue("photoImageId", "author.error.photo-missing");
        }
        if (preview != null || errors.hasErrors()) {
            return form(form, author, preview != null ? authors.previewBio(form.getBioMarkdown()) : null, model);
        }
        authors.updateOwnProfile(
                me,
                me.getAccountId(),
                form.getBioMarkdown() == null ? "" : form.getBioMarkdown(),
                form.getPhotoImageId());
        flash.addFlashAttribute("notice", "profile.saved");
        return "redirect:/admin/profile";
    }

    /** The bio rendered as readers will see it, for the JavaScript preview. */
    @PostMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam(defaultValue = "") String markdown) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(authors.previewBio(markdown));
    }

    private String form(ProfileForm form, Author author, String previewHtml, Model model) {
        model.addAttribute("profileForm", form);
        model.addAttribute("author", author);
        model.addAttribute("previewHtml", previewHtml);
        return "admin/profile/edit";
    }
}
