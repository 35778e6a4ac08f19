-- The fields of an article form whose save arrived after its session or CSRF token expired, kept (outside the
-- expired session) under a random key until the editor signs in again. Expires after a day.

create table draft_rescues (
    id          bigint generated always as identity,
    rescue_key  text        not null,
    article_id  bigint,
    fields      text        not null,
    claimed_by  bigint,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    constraint pk_draft_rescues primary key (id),
    constraint uk_draft_rescues_rescue_key unique (rescue_key)
);
create index ix_draft_rescues_expires_at on draft_rescues (expires_at);
