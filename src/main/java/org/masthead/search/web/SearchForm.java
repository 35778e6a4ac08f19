package org.masthead.search.web;

/** The search page's form, as typed: every field a string, so no input can make binding fail. */
class SearchForm {

    private String q = "";
    private String section = "";
    private String author = "";
    private String topic = "";
    private String from = "";
    private String to = "";
    private String page = "";

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

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    /** Whether any filter is set (the filters panel then starts open). */
    public boolean isFiltered() {
        return !(blank(section) && blank(author) && blank(topic) && blank(from) && blank(to));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
