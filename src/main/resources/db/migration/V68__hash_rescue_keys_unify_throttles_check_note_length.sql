-- A draft rescue's key is a secret like every other link token: keep only its SHA-256 (hex), as password, preview
-- and newsletter links already do. Existing rescues are hashed in place, so their links keep working.

alter table draft_rescues rename column rescue_key to key_hash;
update draft_rescues set key_hash = encode(sha256(convert_to(key_hash, 'UTF8')), 'hex');
alter table draft_rescues rename constraint uk_draft_rescues_rescue_key to uk_draft_rescues_key_hash;

-- One table for every throttle (sign-in failures, newsletter signups, draft rescues): an event a row, counted per
-- rule and key. The two tables of the earlier limiters go; their rows only ever mattered for an hour.

create table throttle_events (
    id           bigint generated always as identity,
    rule         text        not null,
    throttle_key text        not null,
    happened_at  timestamptz not null,
    constraint pk_throttle_events primary key (id)
);
create index ix_throttle_events_rule_key_happened_at on throttle_events (rule, throttle_key, happened_at);
create index ix_throttle_events_rule_happened_at on throttle_events (rule, happened_at);

drop table login_failures;
drop table newsletter_signup_attempts;

-- The notes' limit (ArticleLimits.NOTE), checked by the database as by the forms. Rows written before are not
-- re-checked (not valid): the forms already held them to it.

alter table article_notes
    add constraint ck_article_notes_body_length check (char_length(body) <= 2000) not valid;
alter table articles
    add constraint ck_articles_return_note_length check (char_length(return_note) <= 2000) not valid;
