package org.masthead.account.web;

import java.util.List;

import jakarta.validation.Valid;

import org.masthead.account.Account;
import org.masthead.account.AccountService;
import org.masthead.account.EmailTakenException;
import org.masthead.account.OwnAccountException;
import org.masthead.account.SecondFactors;
import org.masthead.account.SetPasswordLink;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.web.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage staff accounts: list, create, correct email and name, change role, disable and enable, issue
 * set-password links.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountService accounts;
    private final SiteProperties site;
    private final SecondFactors secondFactors;

    AccountAdminController(AccountService accounts, SiteProperties site, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.site = site;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("accounts", accounts.all(me));
        return "admin/account/list";
    }

    @GetMapping("/new")
    String newForm(@ModelAttribute("accountForm") AccountForm form) {
        return "admin/account/new";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("accountForm") AccountForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return "admin/account/new";
        }
        SetPasswordLink link;
        try {
            link = accounts.create(me, form.getEmail(), form.getDisplayName(), form.getRole());
        } catch (EmailTakenException ex) {
            errors.rejectValue("email", "account.form.email.taken");
            return "admin/account/new";
        }
        flash.addFlashAttribute("notice", "account.created");
        flash.addFlashAttribute("setPasswordLink", site.absolute(link.path()));
        return "redirect:/admin/accounts/" + link.account().getId();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal StaffUser me, Model model) {
        Account account = accounts.get(id);
        model.addAttribute("account", account);
        model.addAttribute("self", account.getId() == me.getAccountId());
        model.addAttribute("linkHours", AccountService.LINK_LIFETIME.toHours());
        model.addAttribute("secondFactors", secondFactors.status(account.getId(), account.getEmail()));
        return "admin/account/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Account account = accounts.get(id);
        model.addAttribute("account", account);
        model.addAttribute("detailsForm", AccountDetailsForm.of(account));
        return "admin/account/edit";
    }

    @PostMapping("/{id}/details")
    String changeDetails(
            @PathVariable long id,
            @Valid @ModelAttribute("detailsForm") AccountDetailsForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            Model model,
            RedirectAttributes flash) {
        Account account = accounts.get(id);
        if (!errors.hasErrors()) {
            try {
                accounts.changeDetails(me, id, form.getEmail(), form.getDisplayName());
                flash.addFlashAttribute("notice", "account.details-changed");
                return "redirect:/admin/accounts/{id}";
            } catch (EmailTakenException ex) {
                errors.rejectValue("email", "account.form.email.taken");
            }
        }
        model.addAttribute("account", account);
        return "admin/account/edit";
    }

    @PostMapping("/{id}/role")
    String changeRole(
            @PathVariable long id,
            @RequestParam(required = false) Role role,
            @AuthenticationPrincipal StaffUser me,
            RedirectAttributes flash) {
        if (role == null) {
            flash.addFlashAttribute("error", "account.form.role.required");
            return "redirect:/admin/accounts/{id}";
        }
        return guarded(flash, "account.role-changed", () -> accounts.changeRole(me, id, role));
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        return guarded(flash, "account.disabled", () -> accounts.disable(me, id));
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        accounts.enable(me, id);
        flash.addFlashAttribute("notice", "account.enabled");
        return "redirect:/admin/accounts/{id}";
    }

    /** For a member who lost their phone and passkeys: they sign in with their password alone again. */
    @PostMapping("/{id}/second-factors/remove")
    String removeSecondFactors(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        Account account = accounts.get(id);
        secondFactors.removeAll(me, account.getId(), account.getEmail());
        flash.addFlashAttribute("notice", "account.second-factors.removed");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        SetPasswordLink link = accounts.issueSetPasswordLink(me, id);
        flash.addFlashAttribute("notice", "account.link-issued");
        flash.addFlashAttribute("setPasswordLink", site.absolute(link.path()));
        return "redirect:/admin/accounts/{id}";
    }

    private static String guarded(RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (OwnAccountException ex) {
            flash.addFlashAttribute("error", "account.own-account");
        }
        return "redirect:/admin/accounts/{id}";
    }
}
