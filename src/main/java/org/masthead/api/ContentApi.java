package org.masthead.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.masthead.api.ApiViews.ArticleView;
import org.masthead.api.ApiViews.AuthorRef;
import org.masthead.api.ApiViews.AuthorView;
import org.masthead.api.ApiViews.ImageView;
import org.masthead.api.ApiViews.LinkView;
import org.masthead.api.ApiViews.ListView;
import org.masthead.api.ApiViews.NoteView;
import org.masthead.api.ApiViews.SectionRef;
import org.masthead.api.ApiViews.SectionView;
import org.masthead.api.ApiViews.SettingsView;
import org.masthead.api.ApiViews.TopicRef;
import org.masthead.api.ApiViews.TopicView;
import org.masthead.api.ApiViews.VariantView;
import org.masthead.article.Article;
import org.masthead.article.PublicArticleQuery;
import org.masthead.article.PublicArticles;
import org.masthead.article.PublicCount;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.markdown.MarkdownComments;
import org.masthead.media.Image;
import org.masthead.search.ArticleSearch;
import org.masthead.search.SearchHit;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.masthead.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content API's reads, as views built inside one read-only transaction. Articles come only from
 * {@link PublicArticles}; an author or topic is public only while it has a public article (so a draft-only topic,
 * or a guest author whose piece is still a draft, is not found); sections are public, as the site's navigation shows
 * them all. Images appear only inside what is public: an article's featured image, a public author's photo.
 */
@Service
@Transactional(readOnly = true)
class ContentApi {

    private final PublicArticles articles;
    private final SectionService sections;
    private final ArticleSearch search;
    private final AuthorService authors;
    private final TopicService topics;
    private final SiteProperties site;
    private final MessageSource messages;

    ContentApi(
            PublicArticles articles,
            ArticleSearch search,
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            SiteProperties site,
            MessageSource messages) {
        this.messages = messages;
        this.articles = articles;
        this.search = search;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.site = site;
    }

    /**
     * The filters of an article list, as slugs from the query string, and the words searched for ({@code q}); null
     * means any.
     */
    record ArticleFilters(String section, String author, String topic, Instant modifiedSince, String q) {}

    // --- articles -------------------------------------------------------------------------------------------

    /**
     * A page of public articles in {@code sort}'s order after the cursor's position (null: the first page), with
     * the total when asked for; {@code nextPage} makes the URL of the page after it from its cursor. A filter naming
     * no public section, author or topic finds nothing (as an unknown one does). With {@code q}, the articles the
     * site's search finds, as it ranks them.
     */
    ListView<ArticleView> articles(
            ArticleFilters filters,
            ArticleSort sort,
            ArticleCursor.Decoded after,
            int limit,
            boolean withTotal,
            Function<String, String> nextPage) {
        if (filters.q() != null) {
            return found(filters, after, limit, withTotal, nextPage);
        }
        Long sectionId = null;
        Long authorId = null;
        Long topicId = null;
        if (filters.section() != null) {
            sectionId =
                    sections.findBySlug(filters.section()).map(Section::getId).orElse(null);
            if (sectionId == null) {
                return nothing(withTotal);
            }
        }
        if (filters.author() != null) {
            authorId = authors.findBySlug(filters.author()).map(Author::getId).orElse(null);
            if (authorId == null) {
                return nothing(withTotal);
            }
        }
        if (filters.topic() != null) {
            topicId = topics.findBySlug(filters.topic()).map(Topic::getId).orElse(null);
            if (topicId == null) {
                return nothing(withTotal);
            }
        }
        PublicArticleQuery query = new PublicArticleQuery(
                sectionId,
                authorId,
                topicId,
                filters.modifiedSince(),
                sort.order(),
                after == null ? null : after.position(),
                limit + 1);
        List<Article> found = articles.page(query);
        boolean more = found.size() > limit;
        List<Article> page = more ? found.subList(0, limit) : found;
        List<ArticleView> views = page.stream().map(this::article).toList();
        Long total = withTotal ? articles.count(query) : null;
        String accuracy = withTotal ? "exact" : null;
        if (!more) {
            return new ListView<>(views, null, null, total, accuracy);
        }
        Article last = page.get(page.size() - 1);
        String cursor = ArticleCursor.encode(
                sort,
                switch (sort) {
                    case TITLE, TITLE_DESCENDING -> PublicArticleQuery.Position.titled(last.getTitle(), last.getId());
                    default -> PublicArticleQuery.Position.published(last.getPublishedAt(), last.getId());
                });
        return new ListView<>(views, cursor, site.absolute(nextPage.apply(cursor)), total, accuracy);
    }

    /**
     * A page of what the site's search finds for {@code q} (with the same filters by section, author and topic),
     * in its order of relevance; the cursor is how many results came before. Results go
     * {@value ArticleSearch#MAX_DEPTH} deep, as on the search page.
     */
    private ListView<ArticleView> found(
            ArticleFilters filters,
            ArticleCursor.Decoded after,
            int limit,
            boolean withTotal,
            Function<String, String> nextPage) {
        int offset = after == null ? 0 : after.offset();
        int ask = Math.min(limit + 1, ArticleSearch.MAX_DEPTH - offset);
        if (ask <= 0) {
            return new ListView<>(List.of(), null, null, withTotal ? 0L : null, withTotal ? "exact" : null);
        }
        SearchResults results = search.search(
                new SearchQuery(filters.q(), filters.section(), filters.author(), filters.topic(), null, null),
                offset,
                ask);
        List<SearchHit> hits = results.hits();
        boolean more = hits.size() > limit;
        List<Long> ids = hits.stream().limit(limit).map(SearchHit::id).toList();
        List<ArticleView> views =
                articles.inOrder(ids).stream().map(this::article).toList();
        Long total = withTotal ? results.total() : null;
        String accuracy = withTotal ? results.count().name().toLowerCase(Locale.ROOT) : null;
        if (!more) {
            return new ListView<>(views, null, null, total, accuracy);
        }
        String cursor = ArticleCursor.encodeOffset(offset + limit);
        return new ListView<>(views, cursor, site.absolute(nextPage.apply(cursor)), total, accuracy);
    }

    private static ListView<ArticleView> nothing(boolean withTotal) {
        return new ListView<>(List.of(), null, null, withTotal ? 0L : null, withTotal ? "exact" : null);
    }

    Optional<ArticleView> article(String slug) {
        return articles.findBySlug(slug).map(this::article);
    }

    /** Why an article slug has no public article: archived (410), moved (its current slug), or unknown (404). */
    String currentArticleSlug(String slug) {
        if (articles.isArchived(slug)) {
            throw new ApiGoneException(slug);
        }
        return articles.currentSlug(slug).orElseThrow(() -> new ApiNotFoundException("article", slug));
    }

    private ArticleView article(Article article) {
        Section section = article.getSection();
        return new ArticleView(
                article.getId(),
                article.getSlug(),
                site.absolute("/articles/" + article.getSlug()),
                article.getTitle(),
                blankToNull(article.getDek()),
                blankToNull(article.getExcerpt()),
                article.getBodyHtml(),
                MarkdownComments.strip(article.getBodyMarkdown()),
                article.getReadingMinutes(),
                new SectionRef(section.getSlug(), section.getName(), site.absolute("/sections/" + section.getSlug())),
                article.getAuthors().stream()
                        .map(author -> new AuthorRef(
                                author.getSlug(),
                                author.getName(),
                                blankToNull(author.getTitleLine()),
                                site.absolute("/authors/" + author.getSlug())))
                        .toList(),
                article.getTopics().stream().map(this::topicRef).toList(),
                article.getFeaturedImage() == null
                        ? null
                        : image(article.getFeaturedImage(), article.getFeaturedCaption(), article.getFeaturedCredit()),
                article.getNotes().stream()
                        .map(note -> new NoteView(
                                note.getKind().name().toLowerCase(Locale.ROOT), note.getBody(), note.getNotedAt()))
                        .toList(),
                article.getPublishedAt(),
                article.getFirstPublishedAt(),
                article.getContentUpdatedAt(),
                article.getLastModified());
    }

    private TopicRef topicRef(Topic topic) {
        return new TopicRef(topic.getSlug(), topic.getName(), site.absolute("/topics/" + topic.getSlug()));
    }

    private ImageView image(Image image, String caption, String credit) {
        List<VariantView> variants = new ArrayList<>();
        for (int width : image.getVariantWidths()) {
            variants.add(new VariantView(width, site.absolute(image.urlAt(width))));
        }
        return new ImageView(
                site.absolute(image.getUrl()),
                image.getWidth(),
                image.getHeight(),
                image.getContentType(),
                image.getAltText(),
                blankToNull(caption),
                blankToNull(credit),
                variants);
    }

    // --- sections, authors, topics -------------------------------------------------------------------------------

    /** Every section, in the navigation's order, with its public article count. */
    List<SectionView> sections() {
        Map<Long, PublicCount> counts = byId(articles.countsBySection(null));
        return sections.all().stream()
                .map(section -> section(section, counts.get(section.getId())))
                .toList();
    }

    Optional<SectionView> section(String slug) {
        return sections.findBySlug(slug)
                .map(section -> section(
                        section, byId(articles.countsBySection(section.getId())).get(section.getId())));
    }

    Optional<String> currentSectionSlug(String slug) {
        return sections.currentSlug(slug);
    }

    private SectionView section(Section section, PublicCount count) {
        return new SectionView(
                section.getSlug(),
                section.getName(),
                site.absolute("/sections/" + section.getSlug()),
                blankToNull(section.getDescription()),
                blankToNull(section.getDisclaimer()),
                count == null ? 0 : count.articles(),
                later(section.getUpdatedAt(), count == null ? null : count.lastModified()));
    }

    /** Every author with a public article, by name. */
    List<AuthorView> authors() {
        Map<Long, PublicCount> counts = byId(articles.countsByAuthor(null));
        return authors.byIds(counts.keySet()).stream()
                .sorted(Comparator.comparing(Author::getName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Author::getSlug))
                .map(author -> author(author, counts.get(author.getId())))
                .toList();
    }

    Optional<AuthorView> author(String slug) {
        return authors.findBySlug(slug).flatMap(author -> {
            PublicCount count = byId(articles.countsByAuthor(author.getId())).get(author.getId());
            return count == null ? Optional.empty() : Optional.of(author(author, count));
        });
    }

    /** The current slug of an author's old one, only while the author is public (else it is not found). */
    Optional<String> currentAuthorSlug(String slug) {
        return authors.currentSlug(slug).filter(current -> author(current).isPresent());
    }

    private AuthorView author(Author author, PublicCount count) {
        return new AuthorView(
                author.getSlug(),
                author.getName(),
                blankToNull(author.getTitleLine()),
                site.absolute("/authors/" + author.getSlug()),
                blankToNull(author.getBioHtml()),
                blankToNull(MarkdownComments.strip(author.getBioMarkdown())),
                author.getPhoto() == null
                        ? null
                        : image(
                                author.getPhoto(),
                                author.getPhoto().getCaption(),
                                author.getPhoto().getCredit()),
                author.getLinks().stream()
                        .map(link -> new LinkView(link.getLabel(), link.getUrl()))
                        .toList(),
                count.articles(),
                count.lastModified());
    }

    /** Every topic with a public article, by name. */
    List<TopicView> topics() {
        Map<Long, PublicCount> counts = byId(articles.countsByTopic(null));
        return topics.byIds(counts.keySet()).stream()
                .map(topic -> topic(topic, counts.get(topic.getId())))
                .toList();
    }

    Optional<TopicView> topic(String slug) {
        return topics.findBySlug(slug).flatMap(topic -> {
            PublicCount count = byId(articles.countsByTopic(topic.getId())).get(topic.getId());
            return count == null ? Optional.empty() : Optional.of(topic(topic, count));
        });
    }

    /** The current slug of a topic's old one, only while the topic is public (else it is not found). */
    Optional<String> currentTopicSlug(String slug) {
        return topics.currentSlug(slug).filter(current -> topic(current).isPresent());
    }

    private TopicView topic(Topic topic, PublicCount count) {
        return new TopicView(
                topic.getSlug(),
                topic.getName(),
                site.absolute("/topics/" + topic.getSlug()),
                count.articles(),
                count.lastModified());
    }

    // --- the journal -------------------------------------------------------------------------------------------

    /** The journal's name, URL and description, as its front page gives them. */
    SettingsView settings() {
        return new SettingsView(
                site.siteName(),
                site.absolute("/"),
                messages.getMessage("home.description", new Object[] {site.siteName()}, Locale.ENGLISH));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Map<Long, PublicCount> byId(List<PublicCount> counts) {
        return counts.stream().collect(Collectors.toMap(PublicCount::id, Function.identity()));
    }

    private static Instant later(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
