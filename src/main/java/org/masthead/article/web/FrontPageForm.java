package org.masthead.article.web;

import java.util.ArrayList;
import java.util.List;

import org.masthead.article.FrontPage;

/** The front page as an editor picks it: the lead story and the featured articles (empty: the newest). */
class FrontPageForm {

    private Long lead;

    private List<Long> featured = new ArrayList<>();

    static FrontPageForm of(FrontPage.Choice choice) {
        FrontPageForm form = new FrontPageForm();
        form.lead = choice.leadId();
        form.featured = new ArrayList<>(choice.featuredIds());
        form.pad();
        return form;
    }

    /** One select per featured place, whatever was picked. */
    void pad() {
        while (featured.size() < FrontPage.FEATURED) {
            featured.add(null);
        }
    }

    public Long getLead() {
        return lead;
    }

    public void setLead(Long lead) {
        this.lead = lead;
    }

    public List<Long> getFeatured() {
        return featured;
    }

    public void setFeatured(List<Long> featured) {
        this.featured = featured == null ? new ArrayList<>() : new ArrayList<>(featured);
    }
}
