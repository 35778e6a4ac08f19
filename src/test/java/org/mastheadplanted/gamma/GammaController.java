package org.mastheadplanted.gamma;

import org.mastheadplanted.beta.web.BetaPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A controller outside any web package (web code by its role) that uses feature beta's web code: a violation. */
@Controller
public class GammaController {

    @GetMapping("/planted/gamma")
    String page() {
        return new BetaPage().render();
    }
}
