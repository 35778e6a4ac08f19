package org.masthead.article.web;

import org.masthead.article.PreviewLinks;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and revoking an article's preview links (the service checks who may share it). */
@Controller
@RequestMapping("/admin/articles")
class PreviewLinkAdminController {

    private final PreviewLinks previewLinks;
    private final SiteProperties site;

    PreviewLinkAdminController(PreviewLinks previewLinks, SiteProperties site) {
        this.previewLinks = previewLinks;
        this.site = site;
    }

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
}
