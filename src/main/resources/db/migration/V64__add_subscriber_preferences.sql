-- What a subscriber chose to receive (every edition, or only some sections' and/or the weekly digest), and the
-- suppression of an address that failed permanently too many times.
alter table subscribers
    add column all_editions       boolean     not null default true,
    add column digest             boolean     not null default false,
    add column permanent_failures int         not null default 0,
    add column suppressed_at      timestamptz,
    add column last_failure       text        not null default '';

create table subscriber_sections (
    subscriber_id bigint not null,
    section_id    bigint not null,
    constraint pk_subscriber_sections primary key (subscriber_id, section_id),
    constraint fk_subscriber_sections_subscriber_id foreign key (subscriber_id) references subscribers (id)
        on delete cascade,
    constraint fk_subscriber_sections_section_id foreign key (section_id) references sections (id) on delete cascade
);
create index ix_subscriber_sections_section_id on subscriber_sections (section_id);
create index ix_subscribers_confirmed on subscribers (id) where status = 'CONFIRMED' and suppressed_at is null;
