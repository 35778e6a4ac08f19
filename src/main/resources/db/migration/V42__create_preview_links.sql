-- Expiring share links to an unpublished article: only the SHA-256 of the token is stored.

create table preview_links (
    id          bigint generated always as identity,
    article_id  bigint      not null,
    token_hash  text        not null,
    created_by  bigint,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    constraint pk_preview_links primary key (id),
    constraint uk_preview_links_token_hash unique (token_hash),
    constraint fk_preview_links_article_id foreign key (article_id) references articles (id) on delete cascade
);
create index ix_preview_links_article_id on preview_links (article_id, created_at desc);
