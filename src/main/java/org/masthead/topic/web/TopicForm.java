package org.masthead.topic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;

/** A topic's name and address as an editor corrects them. A blank slug is made from the name. */
class TopicForm {

    static final int MAX_NAME_LENGTH = 100;

    @NotBlank(message = "{topic.error.name-required}")
    @Size(max = MAX_NAME_LENGTH, message = "{topic.error.name-length}")
    private String name;

    @Size(max = Slugs.MAX_LENGTH, message = "{topic.error.slug-length}")
    @Pattern(regexp = "|" + Slugs.PATTERN, message = "{topic.error.slug-pattern}")
    private String slug;

    static TopicForm of(Topic topic) {
        TopicForm form = new TopicForm();
        form.name = topic.getName();
        form.slug = topic.getSlug();
        return form;
    }

    String effectiveSlug() {
        return slug == null || slug.isBlank() ? Slugs.slugify(name) : slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
