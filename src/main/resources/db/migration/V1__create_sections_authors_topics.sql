-- Sections (the journals), authors and topics: the public furniture articles hang on.

create table sections (
    id             bigint generated always as identity,
    slug           text        not null,
    name           text        not null,
    description    text        not null default '',
    disclaimer     text        not null default '',
    newsletter_cta text        not null default '',
    position       integer     not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0,
    constraint pk_sections primary key (id),
    constraint uk_sections_slug unique (slug),
    constraint ck_sections_slug check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table authors (
    id          bigint generated always as identity,
    slug        text        not null,
    name        text        not null,
    title_line  text        not null default '',
    bio_md      text        not null default '',
    bio_html    text        not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    constraint pk_authors primary key (id),
    constraint uk_authors_slug unique (slug),
    constraint ck_authors_slug check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table topics (
    id         bigint generated always as identity,
    slug       text        not null,
    name       text        not null,
    created_at timestamptz not null,
    constraint pk_topics primary key (id),
    constraint uk_topics_slug unique (slug),
    constraint ck_topics_slug check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

-- One table of old slugs for every kind of public page: an old URL answers 301 to the current one.
create table slug_redirects (
    id         bigint generated always as identity,
    kind       text        not null,
    old_slug   text        not null,
    target_id  bigint      not null,
    created_at timestamptz not null,
    constraint pk_slug_redirects primary key (id),
    constraint uk_slug_redirects_kind_old_slug unique (kind, old_slug),
    constraint ck_slug_redirects_kind check (kind in ('ARTICLE', 'SECTION', 'AUTHOR', 'TOPIC'))
);
