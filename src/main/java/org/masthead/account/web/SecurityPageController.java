package org.masthead.account.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.masthead.account.MemberSessions;
import org.masthead.account.SecondFactors;
import org.masthead.account.WrongCodeException;
import org.masthead.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every staff member's own sign-in security: their authenticator app (set up, replace, remove), their recovery
 * codes (new ones, shown once), their passkeys.
 */
@Controller
@RequestMapping("/admin/security")
class SecurityPageController {

    private final SecondFactors secondFactors;
    private final MemberSessions sessions;

    SecurityPageController(SecondFactors secondFactors, MemberSessions sessions) {
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffUser me, HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.of(me, session.getId()));
        model.addAttribute("passkeys", secondFactors.passkeys(me.getEmail()));
        model.addAttribute("status", secondFactors.status(me.getAccountId(), me.getEmail()));
        model.addAttribute("required", secondFactors.required(me.getRole()));
        return "admin/account/security";
    }

    @GetMapping("/totp")
    String totpForm(@AuthenticationPrincipal StaffUser me, HttpSession session, Model model) {
        String secret = session.getAttribute(SecondFactorSignInController.PENDING_SECRET) instanceof String s
                ? s
                : secondFactors.newSecret();
        session.setAttribute(SecondFactorSignInController.PENDING_SECRET, secret);
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactors.qrCode(secret, me.getEmail()));
        model.addAttribute("action", "/admin/security/totp");
        model.addAttribute("required", false);
        return "account/totp-setup";
    }

    @PostMapping("/totp")
    String totp(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpSession session,
            Model model) {
        if (!(session.getAttribute(SecondFactorSignInController.PENDING_SECRET) instanceof String secret)) {
            return "redirect:/admin/security/totp";
        }
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactors.enableTotp(me, secret, code);
        } catch (WrongCodeException ex) {
            model.addAttribute("error", "account.totp.wrong");
            return totpForm(me, session, model);
        }
        session.removeAttribute(SecondFactorSignInController.PENDING_SECRET);
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("next", "/admin/security");
        return "account/recovery-codes";
    }

    @PostMapping("/totp/remove")
    String removeTotp(@AuthenticationPrincipal StaffUser me, RedirectAttributes flash) {
        secondFactors.disableTotp(me);
        flash.addFlashAttribute("notice", "account.totp.removed");
        return "redirect:/admin/security";
    }

    @PostMapping("/passkeys/remove")
    String removePasskey(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam(name = "credential", defaultValue = "") String credential,
            RedirectAttributes flash) {
        if (secondFactors.removePasskey(me, credential)) {
            flash.addFlashAttribute("notice", "account.passkey.removed");
        }
        return "redirect:/admin/security";
    }

    @PostMapping("/sessions/end")
    String endSession(
            @AuthenticationPrincipal StaffUser me,
            @RequestParam(name = "session", defaultValue = "") String key,
            RedirectAttributes flash) {
        if (sessions.end(me, key)) {
            flash.addFlashAttribute("notice", "account.sessions.ended");
        } else {
            flash.addFlashAttribute("error", "account.sessions.unknown");
        }
        return "redirect:/admin/security";
    }

    @PostMapping("/recovery-codes")
    String recoveryCodes(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!secondFactors.status(me.getAccountId(), me.getEmail()).totp()) {
            return "redirect:/admin/security";
        }
        model.addAttribute("recoveryCodes", secondFactors.newRecoveryCodes(me));
        model.addAttribute("next", "/admin/security");
        return "account/recovery-codes";
    }
}
