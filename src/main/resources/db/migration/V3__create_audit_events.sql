-- Who did what, when, from where: sign-ins, workflow moves, account changes, deletions.

create table audit_events (
    id          bigint generated always as identity,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject     text        not null default '',
    detail      text        not null default '',
    remote_addr text        not null default '',
    constraint pk_audit_events primary key (id)
);
create index ix_audit_events_occurred_at on audit_events (occurred_at desc, id desc);
create index ix_audit_events_action on audit_events (action, occurred_at desc);
create index ix_audit_events_actor on audit_events (actor, occurred_at desc);
