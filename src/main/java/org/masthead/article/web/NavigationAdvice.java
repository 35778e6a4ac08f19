package org.masthead.article.web;

import java.util.List;

import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sections in the header of every reader page: one small query, reused by the section page itself. */
@ControllerAdvice(annotations = PublicPages.class)
class NavigationAdvice {

    private final SectionService sections;

    NavigationAdvice(SectionService sections) {
        this.sections = sections;
    }

    @ModelAttribute("navSections")
    List<Section> navSections() {
        return sections.all();
    }
}
