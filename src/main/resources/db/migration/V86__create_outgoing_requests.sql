-- The outbox of outgoing HTTP calls: edge cache purges today, the content API's webhooks next. A row is written in
-- the transaction of the change it reports, sent right after the commit, and retried with back-off by any node
-- until it is answered 2xx or its attempts run out. Credentials are not stored here: they are added when sending.
create table outgoing_requests (
    id              bigint generated always as identity,
    kind            text        not null,
    method          text        not null,
    url             text        not null,
    headers         text        not null default '',
    body            text        not null default '',
    state           text        not null default 'QUEUED',
    attempts        int         not null default 0,
    max_attempts    int         not null,
    next_attempt_at timestamptz not null,
    locked_by       text,
    locked_until    timestamptz,
    last_status     int,
    last_error      text        not null default '',
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint pk_outgoing_requests primary key (id),
    constraint ck_outgoing_requests_state check (state in ('QUEUED', 'SENDING', 'SENT', 'FAILED'))
);
create index ix_outgoing_requests_due on outgoing_requests (next_attempt_at) where state = 'QUEUED';
create index ix_outgoing_requests_sending on outgoing_requests (locked_until) where state = 'SENDING';
create index ix_outgoing_requests_kind on outgoing_requests (kind, created_at desc);
