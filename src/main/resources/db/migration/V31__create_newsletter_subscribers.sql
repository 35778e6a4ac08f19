-- Newsletter subscribers with double opt-in: recorded consent, single-use hashed tokens, signup rate limits.

create table subscribers (
    id              bigint generated always as identity,
    email           text        not null,
    status          text        not null,
    source          text        not null default '',
    section_slug    text        not null default '',
    consent_ip      text        not null default '',
    consented_at    timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint pk_subscribers primary key (id),
    constraint uk_subscribers_email unique (email),
    constraint ck_subscribers_email_lower check (email = lower(email)),
    constraint ck_subscribers_status check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED'))
);
create index ix_subscribers_created_at on subscribers (created_at desc, id desc);

-- Tokens sent by email. Only their SHA-256 is kept: a database leak does not hand out working links.
create table subscriber_tokens (
    id            bigint generated always as identity,
    subscriber_id bigint      not null,
    purpose       text        not null,
    token_hash    text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz,
    constraint pk_subscriber_tokens primary key (id),
    constraint uk_subscriber_tokens_token_hash unique (token_hash),
    constraint fk_subscriber_tokens_subscriber_id foreign key (subscriber_id) references subscribers (id) on delete cascade,
    constraint ck_subscriber_tokens_purpose check (purpose in ('CONFIRM', 'UNSUBSCRIBE'))
);
create index ix_subscriber_tokens_subscriber_id on subscriber_tokens (subscriber_id);

-- Every signup attempt, for the per-address and per-IP rate limits (shared by every app node).
create table newsletter_signup_attempts (
    id           bigint generated always as identity,
    email        text        not null,
    remote_addr  text        not null,
    attempted_at timestamptz not null,
    constraint pk_newsletter_signup_attempts primary key (id)
);
create index ix_newsletter_signup_attempts_email on newsletter_signup_attempts (email, attempted_at);
create index ix_newsletter_signup_attempts_remote_addr on newsletter_signup_attempts (remote_addr, attempted_at);
