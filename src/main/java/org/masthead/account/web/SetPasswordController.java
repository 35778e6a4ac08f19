package org.masthead.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.account.Account;
import org.masthead.account.AccountService;
import org.masthead.account.InvalidPasswordLinkException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page behind a one-time set-password link. Open to anyone holding the link; the token never travels
 * further (no referrer, not cached, not indexed). An unknown, used or expired link gets a 404 page that says so.
 */
@Controller
@RequestMapping("/account/set-password/{token}")
class SetPasswordController {

    private static final String INVALID = "account/link-invalid";

    private final AccountService accounts;

    SetPasswordController(AccountService accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void privateResponse(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
    }

    @GetMapping
    String form(
            @PathVariable String token,
            @ModelAttribute("setPasswordForm") SetPasswordForm form,
            Model model,
            HttpServletResponse response) {
        Optional<Account> account = accounts.accountForLink(token);
        if (account.isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("account", account.get());
        model.addAttribute("token", token);
        return "account/set-password";
    }

    @PostMapping
    String set(
            @PathVariable String token,
            @ModelAttribute("setPasswordForm") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Optional<Account> account = accounts.accountForLink(token);
        if (account.isEmpty()) {
            return invalid(response);
        }
        NewPasswords.check(form.getNewPassword(), form.getConfirmPassword(), errors);
        if (errors.hasErrors()) {
            model.addAttribute("account", account.get());
            model.addAttribute("token", token);
            return "account/set-password";
        }
        accounts.setPasswordWithLink(token, form.getNewPassword());
        flash.addFlashAttribute("notice", "account.set-password.done");
        flash.addFlashAttribute("email", account.get().getEmail());
        return "redirect:/login";
    }

    /** The link was spent between the check and the save (two tabs): the same page as for any used link. */
    @ExceptionHandler(InvalidPasswordLinkException.class)
    String spent(HttpServletResponse response, Model model) {
        model.addAttribute("staffArea", true);
        return invalid(response);
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return INVALID;
    }
}
