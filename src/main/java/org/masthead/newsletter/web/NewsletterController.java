package org.masthead.newsletter.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.newsletter.NewsletterProperties;
import org.masthead.newsletter.NewsletterService;
import org.masthead.newsletter.NewsletterService.Preferences;
import org.masthead.newsletter.NewsletterService.SignupOutcome;
import org.masthead.newsletter.NewsletterService.TokenState;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of the newsletter. These POSTs take no CSRF token (the forms sit on cached, sessionless pages);
 * they are protected by double opt-in, single-use emailed tokens, rate limits and a honeypot instead.
 * A GET of an emailed link only shows a button: mail scanners that fetch links change nothing.
 */
@Controller
class NewsletterController {

    private final NewsletterService newsletter;
    private final SectionService sections;
    private final NewsletterProperties properties;

    NewsletterController(NewsletterService newsletter, SectionService sections, NewsletterProperties properties) {
        this.newsletter = newsletter;
        this.sections = sections;
        this.properties = properties;
    }

    @PostMapping("/newsletter")
    String signUp(
            @Valid @ModelAttribute("form") SignupForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            model.addAttribute("outcome", "accepted"); // a bot filled the honeypot: pretend, store nothing
            return "newsletter/result";
        }
        if (errors.hasFieldErrors("email")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("outcome", "invalid");
            model.addAttribute("emailError", SignupForm.blank(form.getEmail()) ? "missing" : "invalid");
            return "newsletter/result";
        }
        SignupOutcome outcome =
                newsletter.signUp(form.getEmail(), form.getSource(), form.getSection(), request.getRemoteAddr());
        if (outcome == SignupOutcome.RATE_LIMITED) {
            response.setStatus(429);
            // the most a refused client waits: the limits count signups over this window
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, properties.rateWindow().toSeconds())));
            model.addAttribute("outcome", "limited");
        } else {
            model.addAttribute("outcome", "accepted");
        }
        return "newsletter/result";
    }

    @GetMapping("/newsletter/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        return tokenPage("confirm", token, newsletter.checkConfirm(token), false, response, model);
    }

    @PostMapping("/newsletter/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        return tokenPage("confirm", token, newsletter.confirm(token), true, response, model);
    }

    @GetMapping("/newsletter/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        if (NewsletterService.TEST_TOKEN.equals(token)) {
            return testPage("unsubscribe", response, model);
        }
        return tokenPage("unsubscribe", token, newsletter.checkUnsubscribe(token), false, response, model);
    }

    /** The page's button, and RFC 8058 one-click unsubscribe (a POST of {@code List-Unsubscribe=One-Click}). */
    @PostMapping("/newsletter/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        if (NewsletterService.TEST_TOKEN.equals(token)) {
            return testPage("unsubscribe", response, model);
        }
        return tokenPage("unsubscribe", token, newsletter.unsubscribe(token), true, response, model);
    }

    /** The reader's choices, from the link in every edition (the same token as its unsubscribe link). */
    @GetMapping("/newsletter/preferences")
    String preferences(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        if (NewsletterService.TEST_TOKEN.equals(token)) {
            return testPage("preferences", response, model);
        }
        return preferencesPage(token, newsletter.preferences(token).orElse(null), false, response, model);
    }

    @PostMapping("/newsletter/preferences")
    String choose(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "all") String choice,
            @RequestParam(defaultValue = "false") boolean digest,
            @RequestParam(name = "section", required = false) List<Long> sectionIds,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        if (NewsletterService.TEST_TOKEN.equals(token)) {
            return testPage("preferences", response, model);
        }
        Set<Long> known = sections.all().stream().map(Section::getId).collect(Collectors.toSet());
        Set<Long> chosen = sectionIds == null
                ? Set.of()
                : sectionIds.stream().filter(known::contains).collect(Collectors.toSet());
        TokenState state = newsletter.choose(token, "all".equals(choice), digest, chosen);
        if (state != TokenState.VALID) {
            return tokenPage("preferences", token, state, false, response, model);
        }
        return preferencesPage(token, newsletter.preferences(token).orElse(null), true, response, model);
    }

    private String preferencesPage(
            String token, Preferences preferences, boolean saved, HttpServletResponse response, Model model) {
        if (preferences == null) {
            return tokenPage("preferences", token, newsletter.checkUnsubscribe(token), false, response, model);
        }
        model.addAttribute("token", token);
        model.addAttribute("preferences", preferences);
        model.addAttribute("sections", sections.all());
        model.addAttribute("saved", saved);
        return "newsletter/preferences";
    }

    /** A link from a test e-mail: it reached the right page, and changes nothing. */
    private static String testPage(String action, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("action", action);
        model.addAttribute("token", "");
        model.addAttribute("state", "test");
        model.addAttribute("done", false);
        return "newsletter/link";
    }

    private static String tokenPage(
            String action, String token, TokenState state, boolean done, HttpServletResponse response, Model model) {
        model.addAttribute("action", action);
        model.addAttribute("token", token);
        model.addAttribute("state", state.name().toLowerCase());
        model.addAttribute("done", done && state == TokenState.VALID);
        if (state != TokenState.VALID) {
            response.setStatus(
                    state == TokenState.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        }
        return "newsletter/link";
    }
}
