-- A deleted draft goes to the trash for 30 days, restorable with its revisions, then a background job purges it.

alter table articles drop constraint ck_articles_status;
alter table articles add constraint ck_articles_status
    check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED', 'TRASHED'));

alter table articles
    add column trashed_at      timestamptz,
    add column trashed_by      bigint,
    add column trashed_by_name text;

alter table articles add constraint ck_articles_trashed check ((status = 'TRASHED') = (trashed_at is not null));

-- The purge job's query: what has been in the trash longest.
create index ix_articles_trashed_at on articles (trashed_at) where status = 'TRASHED';
