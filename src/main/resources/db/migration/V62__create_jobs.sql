-- Background jobs, one table for every kind (newsletter sends today; scheduled publication and imports can move here).
-- A worker claims due rows with "for update skip locked", so several app nodes share them and each runs a job once
-- at a time; a node that dies holding a job loses it when its lease ends, and another node takes it again.
create table jobs (
    id           bigint generated always as identity,
    type         text        not null,
    payload      text        not null default '',
    state        text        not null default 'QUEUED',
    run_at       timestamptz not null,
    attempts     int         not null default 0,
    max_attempts int         not null default 5,
    locked_by    text,
    locked_until timestamptz,
    last_error   text        not null default '',
    created_at   timestamptz not null,
    finished_at  timestamptz,
    constraint pk_jobs primary key (id),
    constraint ck_jobs_state check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index ix_jobs_due on jobs (run_at) where state = 'QUEUED';
create index ix_jobs_running on jobs (locked_until) where state = 'RUNNING';
create index ix_jobs_type_payload on jobs (type, payload) where state in ('QUEUED', 'RUNNING');
