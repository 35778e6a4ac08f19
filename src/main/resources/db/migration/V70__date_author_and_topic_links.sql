-- Author and topic pages at 100,000 articles: each link between an article and an author or a topic carries the
-- article's publication date, its last change and whether it is published, so that a page of an author's or a
-- topic's public articles, newest first, is read from one index alone (as a section's is), whichever ?page=N it
-- is, with no visit to the articles it skips; and the sitemap finds each one's last change with one probe. Triggers keep the copies in step with the article; the pages still join the
-- articles through public_articles(:now), so a copy out of step could misplace an article, never show a draft.

alter table article_authors
    add column published_at timestamptz,
    add column changed_at   timestamptz,
    add column published    boolean not null default false;
alter table article_topics
    add column published_at timestamptz,
    add column changed_at   timestamptz,
    add column published    boolean not null default false;

-- The search triggers rebuild an article's documents when its authors or topics change, not when these copies do.
drop trigger article_authors_search on article_authors;
create trigger article_authors_search
    after insert or update of article_id, author_id, position or delete on article_authors
    for each row execute function article_links_search_trigger();
drop trigger article_topics_search on article_topics;
create trigger article_topics_search
    after insert or update of article_id, topic_id or delete on article_topics
    for each row execute function article_links_search_trigger();

update article_authors x set published_at = a.published_at, changed_at = greatest(a.updated_at, a.published_at),
    published = (a.status = 'PUBLISHED')
from articles a where a.id = x.article_id;
update article_topics x set published_at = a.published_at, changed_at = greatest(a.updated_at, a.published_at),
    published = (a.status = 'PUBLISHED')
from articles a where a.id = x.article_id;

-- A new link takes its article's date and status.
create function article_link_publication_trigger() returns trigger
    language plpgsql
as $$
begin
    select a.published_at, greatest(a.updated_at, a.published_at), coalesce(a.status = 'PUBLISHED', false)
    into new.published_at, new.changed_at, new.published
    from articles a where a.id = new.article_id;
    new.published := coalesce(new.published, false);
    return new;
end
$$;

create trigger article_authors_publication
    before insert or update of article_id on article_authors
    for each row execute function article_link_publication_trigger();
create trigger article_topics_publication
    before insert or update of article_id on article_topics
    for each row execute function article_link_publication_trigger();

-- An article published, unpublished, archived, redated or revised: its links follow.
create function article_publication_links_trigger() returns trigger
    language plpgsql
as $$
begin
    update article_authors set published_at = new.published_at,
        changed_at = greatest(new.updated_at, new.published_at), published = (new.status = 'PUBLISHED')
    where article_id = new.id;
    update article_topics set published_at = new.published_at,
        changed_at = greatest(new.updated_at, new.published_at), published = (new.status = 'PUBLISHED')
    where article_id = new.id;
    return null;
end
$$;

create trigger articles_publication_links
    after update of status, published_at, updated_at on articles
    for each row
    when (old.status is distinct from new.status or old.published_at is distinct from new.published_at
          or old.updated_at is distinct from new.updated_at)
    execute function article_publication_links_trigger();

-- An author's or a topic's public articles, newest first: the pages' order, from the index alone.
create index ix_article_authors_public_page
    on article_authors (author_id, published_at desc, article_id desc) where published;
create index ix_article_topics_public_page
    on article_topics (topic_id, published_at desc, article_id desc) where published;

-- The sitemap: the last change of each author's, topic's and section's public articles, one index probe each.
create index ix_article_authors_public_change
    on article_authors (author_id, changed_at desc) include (published_at, article_id) where published;
create index ix_article_topics_public_change
    on article_topics (topic_id, changed_at desc) include (published_at, article_id) where published;
create index ix_articles_public_section_change
    on articles (section_id, greatest(updated_at, published_at) desc) include (updated_at, published_at)
    where status = 'PUBLISHED';
