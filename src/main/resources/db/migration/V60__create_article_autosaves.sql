-- The editor's working copy, sent every few seconds while a staff member types: one row per staff member and
-- article (a new, never-saved article has no article id), replaced on every autosave and deleted when the text is
-- saved (a save makes the revision; an autosave never does). The fields are the form's, as JSON.

create table article_autosaves (
    id            bigint generated always as identity,
    account_id    bigint      not null,
    article_id    bigint,
    base_revision integer,
    fields        text        not null,
    saved_at      timestamptz not null,
    constraint pk_article_autosaves primary key (id),
    constraint fk_article_autosaves_account_id foreign key (account_id) references accounts (id) on delete cascade,
    constraint fk_article_autosaves_article_id foreign key (article_id) references articles (id) on delete cascade
);
-- One row per member and article; the new-article row (no article id) counts as article 0.
create unique index uk_article_autosaves_account_id_article_id on article_autosaves (account_id, coalesce(article_id, 0));
create index ix_article_autosaves_article_id on article_autosaves (article_id);
