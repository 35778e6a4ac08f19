package org.masthead.search.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The search page's query string, bound by Spring: text fields as typed, dates as ISO dates and the page as a
 * number. What does not convert (a date that is not one, a page that is not a number) is a binding error, which
 * the page shows as a message and otherwise ignores: a reader's query never fails.
 */
class SearchForm {

    private String q = "";
    private String section = "";
    private String author = "";
    private String topic = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private Integer page;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    /** Whether any filter is set (the filters panel then starts open). */
    public boolean isFiltered() {
        return !(blank(section) && blank(author) && blank(topic) && from == null && to == null);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
