package org.masthead.account.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.masthead.account.CodeThrottledException;
import org.masthead.account.NewDevices;
import org.masthead.account.SecondFactors;
import org.masthead.account.WrongCodeException;
import org.masthead.security.SignInSteps;
import org.masthead.security.StaffUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: the code from the member's authenticator app (or a recovery code), or, for a member
 * whose role requires a second factor they do not have yet, its set-up. Only a member signed in part-way
 * ({@link SignInSteps}) sees these pages; anyone else is sent on to the dashboard.
 */
@Controller
class SecondFactorSignInController {

    /** The secret of an authenticator app being set up, kept in the session until a code confirms it. */
    /** The factor an e-mailed code proves (access to the member's mailbox). */
    static final String EMAIL_FACTOR = "EMAIL";

    static final String PENDING_SECRET = SecondFactorSignInController.class.getName() + ".secret";

    private final SecondFactors secondFactors;
    private final NewDevices newDevices;
    private final Clock clock;

    SecondFactorSignInController(SecondFactors secondFactors, NewDevices newDevices, Clock clock) {
        this.secondFactors = secondFactors;
        this.newDevices = newDevices;
        this.clock = clock;
    }

    @GetMapping(SignInSteps.CODE_PAGE)
    String codePage(Authentication authentication, Model model) {
        if (!pending(authentication, SignInSteps.CODE) && !pending(authentication, SignInSteps.EMAILED_CODE)) {
            return "redirect:/admin";
        }
        model.addAttribute("emailed", pending(authentication, SignInSteps.EMAILED_CODE));
        return "account/second-factor";
    }

    @PostMapping(SignInSteps.CODE_PAGE)
    String code(
            Authentication authentication,
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean emailed = pending(authentication, SignInSteps.EMAILED_CODE);
        if (!pending(authentication, SignInSteps.CODE) && !emailed) {
            return "redirect:/admin";
        }
        model.addAttribute("emailed", emailed);
        StaffUser me = (StaffUser) authentication.getPrincipal();
        SecondFactors.Kind kind;
        try {
            kind = secondFactors.verify(me, code, request.getRemoteAddr(), emailed);
        } catch (WrongCodeException ex) {
            model.addAttribute("error", "account.second-factor.wrong");
            return "account/second-factor";
        } catch (CodeThrottledException ex) {
            model.addAttribute("error", "account.second-factor.throttled");
            model.addAttribute("errorArgs", new Object[] {minutesUntil(ex)});
            return "account/second-factor";
        }
        SignInSteps.complete(me, authentication, emailed ? EMAIL_FACTOR : SignInSteps.TOTP_FACTOR, request, response);
        newDevices.completed(me, request, response);
        String next = SignInSteps.nextPath(request, response);
        if (kind == SecondFactors.Kind.RECOVERY_CODE) {
            // A recovery code says the app is lost: the security page shows how many codes are left.
            return "redirect:/admin/security?recovery-code-used";
        }
        return "redirect:" + next;
    }

    @GetMapping(SignInSteps.SETUP_PAGE)
    String setupPage(Authentication authentication, HttpSession session, Model model) {
        if (!pending(authentication, SignInSteps.SETUP)) {
            return "redirect:/admin";
        }
        return setupForm((StaffUser) authentication.getPrincipal(), session, model);
    }

    @PostMapping(SignInSteps.SETUP_PAGE)
    String setup(
            Authentication authentication,
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!pending(authentication, SignInSteps.SETUP)) {
            return "redirect:/admin";
        }
        StaffUser me = (StaffUser) authentication.getPrincipal();
        HttpSession session = request.getSession();
        Object secret = session.getAttribute(PENDING_SECRET);
        if (!(secret instanceof String pendingSecret)) {
            return "redirect:" + SignInSteps.SETUP_PAGE;
        }
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactors.enableTotp(me, pendingSecret, code);
        } catch (WrongCodeException ex) {
            model.addAttribute("error", "account.totp.wrong");
            return setupForm(me, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        SignInSteps.complete(me, authentication, SignInSteps.TOTP_FACTOR, request, response);
        newDevices.completed(me, request, response);
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("next", SignInSteps.nextPath(request, response));
        return "account/recovery-codes";
    }

    private String setupForm(StaffUser me, HttpSession session, Model model) {
        String secret = session.getAttribute(PENDING_SECRET) instanceof String s ? s : secondFactors.newSecret();
        session.setAttribute(PENDING_SECRET, secret);
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactors.qrCode(secret, me.getEmail()));
        model.addAttribute("action", SignInSteps.SETUP_PAGE);
        model.addAttribute("required", true);
        return "account/totp-setup";
    }

    private long minutesUntil(CodeThrottledException ex) {
        long seconds = Duration.between(clock.instant(), ex.getUntil()).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private static boolean pending(Authentication authentication, String step) {
        return authentication != null
                && authentication.getPrincipal() instanceof StaffUser
                && SignInSteps.pendingStep(authentication).equals(Optional.of(step));
    }
}
