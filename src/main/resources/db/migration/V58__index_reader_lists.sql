-- Reader pages at 100,000 articles: indexes that let lists read only what a page shows.

-- A topic's and an author's articles, newest id first, read from the index alone: the candidates of related
-- reading, and the join side of the topic and author pages. They replace the single-column indexes.
create index ix_article_topics_topic_id_article_id on article_topics (topic_id, article_id desc);
drop index ix_article_topics_topic_id;
create index ix_article_authors_author_id_article_id on article_authors (author_id, article_id desc);
drop index ix_article_authors_author_id;

-- Whether an article is public, and its date, from the index alone (no visit to the wide row): the topic and
-- author pages check each of their articles through it, the sitemap lists every public article in id order.
create index ix_articles_public_id on articles (id) include (published_at, updated_at, slug) where status = 'PUBLISHED';
