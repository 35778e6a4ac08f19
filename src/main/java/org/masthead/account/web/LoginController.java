package org.masthead.account.web;

import org.masthead.account.LoginThrottle;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Spring Security handles the POST; failures come back here with the email kept. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/admin";
        }
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        model.addAttribute("blockMinutes", LoginThrottle.BLOCK.toMinutes());
        return "account/login";
    }
}
