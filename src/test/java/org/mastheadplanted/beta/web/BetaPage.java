package org.mastheadplanted.beta.web;

public class BetaPage {

    public String render() {
        return "beta";
    }
}
