package org.masthead.article.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.article.ArticleAutosaves;
import org.masthead.security.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's autosave (static/js/autosave.js): the form's fields, posted every few seconds while the member
 * types, kept as their working copy of the article ({@link ArticleAutosaves}); and the "discard" of the offer that
 * the edit page shows for a working copy newer than the saved text. Restoring it is a page of
 * {@link ArticleEditorController}.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleAutosaveController {

    /** The edit form's fields that are not part of the working copy. */
    private static final Set<String> NOT_WORKING_COPY = Set.of("revision");

    private final ArticleAutosaves autosaves;

    ArticleAutosaveController(ArticleAutosaves autosaves) {
        this.autosaves = autosaves;
    }

    /** When the working copy was kept, for the page's "Saved · 10 s ago". */
    record Kept(Instant savedAt) {}

    @PostMapping(path = "/{id:\\d+}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Kept autosave(
            @PathVariable long id,
            @RequestParam(required = false) Integer revision,
            HttpServletRequest request,
            @AuthenticationPrincipal StaffUser me) {
        return new Kept(autosaves.keep(id, revision, fields(request), me));
    }

    /** A new article's working copy, before its first save gives it an id. */
    @PostMapping(path = "/new/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Kept autosaveNew(HttpServletRequest request, @AuthenticationPrincipal StaffUser me) {
        return new Kept(autosaves.keep(null, null, fields(request), me));
    }

    @PostMapping("/{id:\\d+}/autosave/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        autosaves.discard(id, me);
        flash.addFlashAttribute("notice", "article.autosave.discarded");
        return "redirect:/admin/articles/" + id;
    }

    @PostMapping("/new/autosave/discard")
    String discardNew(@AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        autosaves.discard(null, me);
        flash.addFlashAttribute("notice", "article.autosave.discarded");
        return "redirect:/admin/articles/new";
    }

    /** The posted form fields that belong to the working copy, as posted (nothing trimmed). */
    private static Map<String, List<String>> fields(HttpServletRequest request) {
        Map<String, List<String>> fields = ArticleForm.postedFields(request.getParameterMap());
        fields.keySet().removeAll(NOT_WORKING_COPY);
        return fields;
    }
}
