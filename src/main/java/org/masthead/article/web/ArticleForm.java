package org.masthead.article.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleLimits;
import org.masthead.author.Author;
import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;

/**
 * The article edit form. Co-authors are up to {@link #MAX_AUTHORS} selects in byline order (works without
 * JavaScript); topics are comma-separated names, created when new. {@code revision} is the revision the editor
 * started from, so a save over someone else's change is caught instead of overwriting it.
 */
class ArticleForm {

    static final int MAX_AUTHORS = 5;

    /** The fields a form may bind (and a rescued form may restore). */
    static final String[] FIELDS = {
        "title",
        "slug",
        "dek",
        "sectionId",
        "authorIds*",
        "topics",
        "bodyMarkdown",
        "seoTitle",
        "seoDescription",
        "revision",
        "version",
        "featuredImageId",
        "featuredImagePicked"
    };

    /** A co-author select as posted: {@code authorIds[0]} to {@code authorIds[9]} ("authorIds*" in {@link #FIELDS}). */
    private static final java.util.regex.Pattern AUTHOR_FIELD = java.util.regex.Pattern.compile("^authorIds\\[[0-9]]$");

    private static final Set<String> NAMED_FIELDS =
            Arrays.stream(FIELDS).filter(name -> !name.endsWith("*")).collect(Collectors.toUnmodifiableSet());

    /** Whether a posted parameter is one of the form's {@link #FIELDS}. */
    static boolean isField(String name) {
        return NAMED_FIELDS.contains(name) || AUTHOR_FIELD.matcher(name).matches();
    }

    /**
     * The posted parameters that are fields of this form, as posted (nothing trimmed), in the request's order: what
     * a rescued or autosaved form keeps.
     */
    static Map<String, List<String>> postedFields(Map<String, String[]> parameters) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (isField(name)) {
                fields.put(name, List.of(values));
            }
        });
        return fields;
    }

    @NotBlank(message = "{article.title.required}")
    @Size(max = ArticleLimits.TITLE, message = "{article.title.too-long}")
    private String title;

    @Size(max = ArticleLimits.SLUG, message = "{article.slug.too-long}")
    @Pattern(regexp = "^$|" + Slugs.PATTERN, message = "{article.slug.invalid}")
    private String slug;

    @Size(max = ArticleLimits.DEK, message = "{article.dek.too-long}")
    private String dek;

    @NotNull(message = "{article.section.required}")
    private Long sectionId;

    private List<Long> authorIds = new ArrayList<>(Arrays.asList(new Long[MAX_AUTHORS]));

    @Size(max = ArticleLimits.TOPICS, message = "{article.topics.too-long}")
    private String topics;

    @Size(max = ArticleLimits.BODY, message = "{article.body.too-long}")
    private String bodyMarkdown;

    @Size(max = ArticleLimits.SEO_TITLE, message = "{article.seo-title.too-long}")
    private String seoTitle;

    @Size(max = ArticleLimits.SEO_DESCRIPTION, message = "{article.seo-description.too-long}")
    private String seoDescription;

    private int revision;

    private long version;

    /**
     * After an edit conflict: the revision whose change the editor was shown. Only with it does "keep mine" save
     * over that change; a plain save stays based on {@link #revision} and meets the conflict again.
     */
    private Integer seenRevision;

    /** The featured image chosen on the edit page (null: none). */
    private Long featuredImageId;

    /** Whether the form carried the featured image choice (a form without it leaves the image as it is). */
    private boolean featuredImagePicked;

    static ArticleForm of(Article article) {
        ArticleForm form = new ArticleForm();
        form.title = article.getTitle();
        form.slug = article.getSlug();
        form.dek = article.getDek();
        form.sectionId = article.getSection().getId();
        List<Long> ids =
                new ArrayList<>(article.getAuthors().stream().map(Author::getId).toList());
        while (ids.size() < MAX_AUTHORS) {
            ids.add(null);
        }
        form.authorIds = ids;
        form.topics = String.join(
                ", ", article.getTopics().stream().map(Topic::getName).toList());
        form.bodyMarkdown = article.getBodyMarkdown();
        form.seoTitle = article.getSeoTitle();
        form.seoDescription = article.getSeoDescription();
        form.revision = article.getRevision();
        form.version = article.getVersion();
        form.featuredImageId = article.getFeaturedImage() == null
                ? null
                : article.getFeaturedImage().getId();
        return form;
    }

    /** Whether the two forms hold the same article (the revisions they were based on aside). */
    boolean sameWords(ArticleForm other) {
        return Objects.equals(blankless(title), blankless(other.title))
                && Objects.equals(blankless(slug), blankless(other.slug))
                && Objects.equals(blankless(dek), blankless(other.dek))
                && Objects.equals(sectionId, other.sectionId)
                && chosenAuthors().equals(other.chosenAuthors())
                && topicNames().equals(other.topicNames())
                && Objects.equals(lines(bodyMarkdown), lines(other.bodyMarkdown))
                && Objects.equals(blankless(seoTitle), blankless(other.seoTitle))
                && Objects.equals(blankless(seoDescription), blankless(other.seoDescription));
    }

    private static String blankless(String value) {
        return value == null ? "" : value.strip();
    }

    /** A browser posts a textarea's lines ending in CRLF, a script in LF: the same text either way. */
    private static String lines(String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    /** The co-authors chosen, in order, without blanks. */
    List<Long> chosenAuthors() {
        return authorIds == null
                ? List.of()
                : authorIds.stream().filter(Objects::nonNull).toList();
    }

    boolean hasDuplicateAuthors() {
        List<Long> chosen = chosenAuthors();
        return chosen.stream().distinct().count() != chosen.size();
    }

    /** Puts this author first on the byline (a contributor's own profile on their new draft). */
    void signedBy(long authorId) {
        padAuthors();
        authorIds.set(0, authorId);
    }

    /** Pads the author selects back to {@link #MAX_AUTHORS} after binding, for re-rendering. */
    void padAuthors() {
        List<Long> ids = new ArrayList<>(authorIds == null ? List.of() : authorIds);
        while (ids.size() < MAX_AUTHORS) {
            ids.add(null);
        }
        authorIds = ids.size() > MAX_AUTHORS ? new ArrayList<>(ids.subList(0, MAX_AUTHORS)) : ids;
    }

    List<String> topicNames() {
        if (topics == null || topics.isBlank()) {
            return List.of();
        }
        return Arrays.stream(topics.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /** The slug to check: as typed, or suggested from the title for a new article left without one. */
    String effectiveSlug() {
        return slug == null || slug.isBlank() ? Slugs.slugify(title) : slug;
    }

    ArticleChanges toChanges() {
        ArticleContent content = new ArticleContent(title, dek, bodyMarkdown, seoTitle, seoDescription);
        return new ArticleChanges(slug, content, sectionId, chosenAuthors(), topicNames());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDek() {
        return dek;
    }

    public void setDek(String dek) {
        this.dek = dek;
    }

    public Long getSectionId() {
        return sectionId;
    }

    public void setSectionId(Long sectionId) {
        this.sectionId = sectionId;
    }

    public List<Long> getAuthorIds() {
        return authorIds;
    }

    public void setAuthorIds(List<Long> authorIds) {
        this.authorIds = authorIds;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public void setBodyMarkdown(String bodyMarkdown) {
        this.bodyMarkdown = bodyMarkdown;
    }

    public String getSeoTitle() {
        return seoTitle;
    }

    public void setSeoTitle(String seoTitle) {
        this.seoTitle = seoTitle;
    }

    public String getSeoDescription() {
        return seoDescription;
    }

    public void setSeoDescription(String seoDescription) {
        this.seoDescription = seoDescription;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Integer getSeenRevision() {
        return seenRevision;
    }

    public void setSeenRevision(Integer seenRevision) {
        this.seenRevision = seenRevision;
    }

    public Long getFeaturedImageId() {
        return featuredImageId;
    }

    public void setFeaturedImageId(Long featuredImageId) {
        this.featuredImageId = featuredImageId;
    }

    public boolean isFeaturedImagePicked() {
        return featuredImagePicked;
    }

    public void setFeaturedImagePicked(boolean featuredImagePicked) {
        this.featuredImagePicked = featuredImagePicked;
    }
}
