-- What a contributor is told about their pieces: returned to them with a note, or published. Shown on their
-- dashboard until they dismiss it (and e-mailed once, when it happens); gone with the account or the article.
create table contributor_notices (
    id           bigint generated always as identity,
    account_id   bigint      not null,
    article_id   bigint      not null,
    kind         text        not null,
    note         text        not null default '',
    by_label     text        not null,
    created_at   timestamptz not null,
    dismissed_at timestamptz,
    constraint pk_contributor_notices primary key (id),
    constraint fk_contributor_notices_account_id foreign key (account_id) references accounts (id) on delete cascade,
    constraint fk_contributor_notices_article_id foreign key (article_id) references articles (id) on delete cascade,
    constraint ck_contributor_notices_kind check (kind in ('RETURNED', 'PUBLISHED'))
);

-- The dashboard's look-up: a member's notices not yet dismissed, newest first.
create index ix_contributor_notices_account_id on contributor_notices (account_id, created_at desc)
    where dismissed_at is null;
-- The cascade from a purged article.
create index ix_contributor_notices_article_id on contributor_notices (article_id);
