-- The visibility rule in SQL, and the full-text search document kept up to date by the database.

-- THE visibility rule (DESIGN.md), for native SQL: the same rule as ArticleRepository.IS_PUBLIC in JPQL.
-- An article is public when it is published and its publication time has come; the time is the application's
-- clock, passed in as "as_of" (never now()). A single-SELECT SQL function: the planner inlines it, so indexes still apply.
-- Native queries read public articles only as "from public_articles(:now) a", never from the table.
create function public_articles(as_of timestamptz) returns setof articles
    language sql stable
as $$
    select * from articles where status = 'PUBLISHED' and published_at <= as_of
$$;

-- One row: the text-search configuration the documents were built with. The application writes
-- masthead.search.language here on start and rebuilds every document when it changed.
create table search_settings (
    id       integer  not null default 1,
    language regconfig not null default 'english',
    constraint pk_search_settings primary key (id),
    constraint ck_search_settings_one_row check (id = 1)
);
insert into search_settings (id, language) values (1, 'english');

-- The weighted document: title A; dek and authors B; topics C; the body's plain text D.
-- The head (everything but the body) is also kept on its own: small, it finds and ranks title, dek, author and
-- topic matches cheaply among many body matches (see ArticleSearch).
create function article_search_head(lang regconfig, title text, dek text, author_names text, topic_names text)
    returns tsvector
    language sql immutable parallel safe
as $$
    select setweight(to_tsvector(lang, coalesce(title, '')), 'A')
        || setweight(to_tsvector(lang, coalesce(dek, '')), 'B')
        || setweight(to_tsvector(lang, coalesce(author_names, '')), 'B')
        || setweight(to_tsvector(lang, coalesce(topic_names, '')), 'C')
$$;

create function article_author_names(article bigint) returns text
    language sql stable
as $$
    select coalesce(string_agg(au.name, ' ' order by aa.position), '')
    from article_authors aa join authors au on au.id = aa.author_id
    where aa.article_id = article
$$;

create function article_topic_names(article bigint) returns text
    language sql stable
as $$
    select coalesce(string_agg(t.name, ' ' order by t.name), '')
    from article_topics atp join topics t on t.id = atp.topic_id
    where atp.article_id = article
$$;

alter table articles add column search_head tsvector not null default ''::tsvector;
-- Keep article rows narrow (bodies and the full document move out of line): a search that matches most of the
-- archive visits many rows to find the newest matches, and reads fewer pages when rows are small.
alter table articles set (toast_tuple_target = 128);
alter table articles add column search_document tsvector not null default ''::tsvector;

-- Rebuilds the documents of the given articles (after their authors or topics changed, or the language did).
create function refresh_article_search(ids bigint[]) returns void
    language sql volatile
as $$
    update articles a
    set search_head = h.head,
        search_document = h.head || setweight(to_tsvector(h.lang, a.body_text), 'D')
    from (select b.id, l.lang,
                 article_search_head(l.lang, b.title, b.dek, article_author_names(b.id), article_topic_names(b.id)) as head
          from articles b cross join (select language as lang from search_settings where id = 1) l
          where b.id = any(ids)) h
    where a.id = h.id
$$;

-- An article's own text changed: rebuild its documents in the row being written.
create function articles_search_document_trigger() returns trigger
    language plpgsql
as $$
declare
    lang regconfig := (select language from search_settings where id = 1);
begin
    new.search_head := article_search_head(lang, new.title, new.dek, article_author_names(new.id),
            article_topic_names(new.id));
    new.search_document := new.search_head || setweight(to_tsvector(lang, new.body_text), 'D');
    return new;
end
$$;

create trigger articles_search_document
    before insert or update of title, dek, body_text on articles
    for each row execute function articles_search_document_trigger();

-- An article's authors or topics changed.
create function article_links_search_trigger() returns trigger
    language plpgsql
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform refresh_article_search(array[old.article_id]);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.article_id <> old.article_id) then
        perform refresh_article_search(array[new.article_id]);
    end if;
    return null;
end
$$;

create trigger article_authors_search
    after insert or update or delete on article_authors
    for each row execute function article_links_search_trigger();

create trigger article_topics_search
    after insert or update or delete on article_topics
    for each row execute function article_links_search_trigger();

-- An author or a topic was renamed: rebuild the documents of their articles.
create function author_renamed_search_trigger() returns trigger
    language plpgsql
as $$
begin
    perform refresh_article_search(array(select article_id from article_authors where author_id = new.id));
    return null;
end
$$;

create trigger authors_search
    after update of name on authors
    for each row when (old.name is distinct from new.name)
    execute function author_renamed_search_trigger();

create function topic_renamed_search_trigger() returns trigger
    language plpgsql
as $$
begin
    perform refresh_article_search(array(select article_id from article_topics where topic_id = new.id));
    return null;
end
$$;

create trigger topics_search
    after update of name on topics
    for each row when (old.name is distinct from new.name)
    execute function topic_renamed_search_trigger();

-- Existing articles (none on a new install).
select refresh_article_search(array(select id from articles));

create index ix_articles_search_document on articles using gin (search_document);
create index ix_articles_search_head on articles using gin (search_head);
