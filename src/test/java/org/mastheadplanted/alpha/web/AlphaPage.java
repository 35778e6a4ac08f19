package org.mastheadplanted.alpha.web;

import org.mastheadplanted.beta.web.BetaPage;

/** Web code of feature alpha that uses feature beta's web code: violates the web-code rule. */
public class AlphaPage {

    String render() {
        return new AlphaHelper().title() + new BetaPage().render();
    }
}
