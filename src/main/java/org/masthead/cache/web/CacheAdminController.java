package org.masthead.cache.web;

import org.masthead.cache.EdgePurge;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see the caches (the shared caches purged, the latest purges and failures) and can purge everything. */
@Controller
@RequestMapping("/admin/cache")
class CacheAdminController {

    private final EdgePurge purge;

    CacheAdminController(EdgePurge purge) {
        this.purge = purge;
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("cache", purge.status(me));
        return "admin/cache/show";
    }

    @PostMapping("/purge-everything")
    String purgeEverything(@AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        purge.purgeEverything(me);
        flash.addFlashAttribute("notice", "cache.purged-everything");
        return "redirect:/admin/cache";
    }
}
