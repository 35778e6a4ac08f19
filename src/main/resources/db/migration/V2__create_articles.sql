-- Articles with ordered co-authors, topics and dated correction/update notes.

create table articles (
    id                 bigint generated always as identity,
    slug               text        not null,
    title              text        not null,
    dek                text        not null default '',
    body_md            text        not null default '',
    body_html          text        not null default '',
    body_text          text        not null default '',
    excerpt            text        not null default '',
    reading_minutes    integer     not null default 0,
    lead_length        integer     not null default 0,
    section_id         bigint      not null,
    status             text        not null,
    seo_title          text,
    seo_description    text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    first_published_at timestamptz,
    published_at       timestamptz,
    scheduled_at       timestamptz,
    content_updated_at timestamptz,
    version            bigint      not null default 0,
    constraint pk_articles primary key (id),
    constraint uk_articles_slug unique (slug),
    constraint fk_articles_section_id foreign key (section_id) references sections (id),
    constraint ck_articles_slug check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint ck_articles_status check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    constraint ck_articles_published_at check (status not in ('PUBLISHED', 'ARCHIVED') or published_at is not null),
    constraint ck_articles_scheduled_at check (status <> 'SCHEDULED' or scheduled_at is not null)
);

-- The public lists: the latest published articles, overall and by section.
create index ix_articles_public_published_at on articles (published_at desc, id desc) where status = 'PUBLISHED';
create index ix_articles_public_section_id on articles (section_id, published_at desc, id desc) where status = 'PUBLISHED';
create index ix_articles_status_updated_at on articles (status, updated_at desc);

create table article_authors (
    article_id bigint  not null,
    author_id  bigint  not null,
    position   integer not null,
    constraint pk_article_authors primary key (article_id, position),
    constraint uk_article_authors_article_id_author_id unique (article_id, author_id) deferrable initially deferred,
    constraint fk_article_authors_article_id foreign key (article_id) references articles (id) on delete cascade,
    constraint fk_article_authors_author_id foreign key (author_id) references authors (id)
);
create index ix_article_authors_author_id on article_authors (author_id);

create table article_topics (
    article_id bigint not null,
    topic_id   bigint not null,
    constraint pk_article_topics primary key (article_id, topic_id),
    constraint fk_article_topics_article_id foreign key (article_id) references articles (id) on delete cascade,
    constraint fk_article_topics_topic_id foreign key (topic_id) references topics (id)
);
create index ix_article_topics_topic_id on article_topics (topic_id);

create table article_notes (
    id         bigint generated always as identity,
    article_id bigint      not null,
    kind       text        not null,
    body       text        not null,
    noted_at   timestamptz not null,
    created_at timestamptz not null,
    constraint pk_article_notes primary key (id),
    constraint fk_article_notes_article_id foreign key (article_id) references articles (id) on delete cascade,
    constraint ck_article_notes_kind check (kind in ('CORRECTION', 'UPDATE'))
);
create index ix_article_notes_article_id on article_notes (article_id, noted_at);
