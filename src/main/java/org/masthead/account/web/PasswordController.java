package org.masthead.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.masthead.account.AccountService;
import org.masthead.account.WrongPasswordException;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member changes their own password here; their other sessions end. */
@Controller
@RequestMapping("/admin/password")
class PasswordController {

    private final AccountService accounts;

    PasswordController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form(@ModelAttribute("passwordForm") PasswordChangeForm form) {
        return "admin/account/password";
    }

    @PostMapping
    String change(
            @AuthenticationPrincipal StaffUser me,
            @Valid @ModelAttribute("passwordForm") PasswordChangeForm form,
            BindingResult errors,
            HttpServletRequest request,
            RedirectAttributes flash) {
        NewPasswords.check(form.getNewPassword(), form.getConfirmPassword(), errors);
        if (errors.hasErrors()) {
            return "admin/account/password";
        }
        HttpSession session = request.getSession(false);
        try {
            accounts.changeOwnPassword(
                    me,
                    me.getAccountId(),
                    form.getCurrentPassword(),
                    form.getNewPassword(),
                    session == null ? null : session.getId());
        } catch (WrongPasswordException ex) {
            errors.rejectValue("currentPassword", "account.password.current-wrong");
            return "admin/account/password";
        }
        flash.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/admin/password";
    }
}
