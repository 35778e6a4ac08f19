package org.masthead.settings.web;

import org.masthead.security.StaffUser;
import org.masthead.settings.InvalidSettingException;
import org.masthead.settings.SettingsStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see and change the settings kept in the app: one form a setting, each with "back to the default". */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    private final SettingsStore settings;

    SettingsController(SettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("settings", settings.all(me));
        return "admin/settings/list";
    }

    @PostMapping
    String change(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam("name") String name,
            @RequestParam(name = "value", defaultValue = "") String value,
            @RequestParam(name = "reset", required = false) String reset,
            RedirectAttributes flash) {
        try {
            settings.change(me, name, value, reset != null);
            flash.addFlashAttribute("notice", reset != null ? "settings.reset" : "settings.saved");
            flash.addFlashAttribute("noticeArgs", new Object[] {name});
        } catch (InvalidSettingException ex) {
            flash.addFlashAttribute("error", ex.getMessageKey());
            flash.addFlashAttribute("errorArgs", ex.getArguments());
        }
        return "redirect:/admin/settings";
    }
}
