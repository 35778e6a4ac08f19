package org.masthead.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.masthead.author.Author;
import org.masthead.author.AuthorArticles;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageUsages;
import org.masthead.media.ImageUse;
import org.masthead.section.SectionArticles;
import org.masthead.topic.TopicArticles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the features below article need to know about articles (they declare the interfaces, so they never import
 * this package): how many articles an author, a section or a topic has, moving an author's bylines or a topic's
 * articles to another, and which articles show an image.
 */
@Component
@Transactional(readOnly = true)
class ArticleReferences implements AuthorArticles, SectionArticles, TopicArticles, ImageUsages {

    private final ArticleRepository articles;
    private final AuthorService authors;

    /** {@code @Lazy}: the author service itself asks this class, so it is looked up when first needed. */
    ArticleReferences(ArticleRepository articles, @Lazy AuthorService authors) {
        this.articles = articles;
        this.authors = authors;
    }

    @Override
    public long countByAuthor(long authorId) {
        return articles.countByAuthorId(authorId);
    }

    @Override
    @Transactional
    public void reassign(long fromAuthorId, long toAuthorId) {
        Author target = authors.get(toAuthorId);
        for (Article article : articles.findByAuthorId(fromAuthorId)) {
            article.replaceAuthor(fromAuthorId, target);
        }
        articles.flush();
    }

    @Override
    public long countBySection(long sectionId) {
        return articles.countBySectionId(sectionId);
    }

    @Override
    public Map<Long, Long> countsByTopic() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : articles.countByTopic()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public long countByTopic(long topicId) {
        return articles.countByTopicId(topicId);
    }

    @Override
    @Transactional
    public void retag(long fromTopicId, long toTopicId) {
        articles.flush();
        articles.addTopicWhereTagged(fromTopicId, toTopicId);
        articles.removeTopic(fromTopicId);
    }

    @Override
    public List<ImageUse> usesOf(long imageId) {
        List<ImageUse> uses = new ArrayList<>();
        for (Article article : articles.findByFeaturedImageId(imageId)) {
            uses.add(new ImageUse("media.use.featured-image", article.getTitle(), adminUrl(article)));
        }
        for (Article article : articles.findByBodyLike("%/media/" + imageId + "/%")) {
            uses.add(new ImageUse("media.use.article-body", article.getTitle(), adminUrl(article)));
        }
        return uses;
    }

    private static String adminUrl(Article article) {
        return "/admin/articles/" + article.getId();
    }
}
