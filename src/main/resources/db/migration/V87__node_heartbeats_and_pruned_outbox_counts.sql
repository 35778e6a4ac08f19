-- Every node that runs background jobs writes its heartbeat here every few seconds. A job (and an edition's outbox
-- row) held by a node that missed its heartbeats, or that stopped, is taken over at once instead of waiting out
-- its lease.
create table job_nodes (
    node         text        not null,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    stopped_at   timestamptz,
    constraint pk_job_nodes primary key (node)
);

-- An edition's delivered, skipped and cancelled outbox rows are pruned after a period; their counts are kept here
-- (failed and unknown rows stay, with their reasons).
alter table editions
    add column pruned_sent      int not null default 0,
    add column pruned_skipped   int not null default 0,
    add column pruned_cancelled int not null default 0,
    add column pruned_at        timestamptz;
