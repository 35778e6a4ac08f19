-- A snapshot of an article's words at every save: who, when, title, dek and body.

create table article_revisions (
    id              bigint generated always as identity,
    article_id      bigint      not null,
    number          integer     not null,
    title           text        not null,
    dek             text        not null default '',
    body_md         text        not null default '',
    created_by      bigint,
    created_by_name text        not null,
    created_at      timestamptz not null,
    constraint pk_article_revisions primary key (id),
    constraint uk_article_revisions_article_id_number unique (article_id, number),
    constraint fk_article_revisions_article_id foreign key (article_id) references articles (id) on delete cascade
);
