-- What an archive import created, by the item's id in its source: a second import of the same archive finds what the
-- first made and changes nothing, and an interrupted one completes. "source" names the archive's site
-- (wordpress:https://old.example.org), "kind" the item's kind there (post, author, category, tag, attachment).
create table import_sources (
    source      text        not null,
    kind        text        not null,
    source_id   text        not null,
    entity_kind text        not null,
    entity_id   bigint      not null,
    created_at  timestamptz not null,
    constraint pk_import_sources primary key (source, kind, source_id)
);

-- Imports started from the admin: the file (by hash) that passed its dry run, then the background run's progress.
create table import_runs (
    id           bigint generated always as identity,
    file_hash    text        not null,
    file_name    text        not null,
    file_path    text        not null,
    format       text        not null,
    options      text        not null default '',
    state        text        not null,
    total        int         not null default 0,
    done         int         not null default 0,
    current_item text        not null default '',
    problems     int         not null default 0,
    report       text        not null default '',
    error        text        not null default '',
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint pk_import_runs primary key (id),
    constraint ck_import_runs_state check (state in ('CHECKED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index ix_import_runs_hash on import_runs (file_hash);
