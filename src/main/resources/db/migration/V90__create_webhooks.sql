-- Outgoing webhooks: an admin registers a URL and the events it wants (a public article published, updated or
-- unpublished); each delivery goes through the outbox of outgoing HTTP calls (V86), signed when it is sent with the
-- webhook's secret, which is kept here because the signature needs it.
create table webhooks (
    id          bigint generated always as identity,
    url         text        not null,
    secret      text        not null,
    events      text        not null,
    description text        not null default '',
    created_at  timestamptz not null,
    created_by  text        not null,
    constraint pk_webhooks primary key (id),
    constraint ck_webhooks_url check (url ~ '^https?://'),
    constraint ck_webhooks_events check (events <> '')
);
