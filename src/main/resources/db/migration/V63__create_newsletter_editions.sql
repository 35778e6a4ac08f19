-- Newsletter editions and their outbox. An edition is composed by an editor (subject, preheader, an intro in
-- Markdown, an ordered list of articles, an audience) and sent through edition_deliveries: one row per recipient,
-- filled in one INSERT ... SELECT when the send starts, claimed by senders with "for update skip locked".
create table editions (
    id            bigint generated always as identity,
    subject       text        not null default '',
    preheader     text        not null default '',
    intro_md      text        not null default '',
    intro_html    text        not null default '',
    audience      text        not null default 'ALL',
    section_id    bigint,
    state         text        not null default 'DRAFT',
    scheduled_at  timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    notice        text        not null default '',
    html_body     text,
    text_body     text,
    recipients    int         not null default 0,
    created_by    bigint,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint pk_editions primary key (id),
    constraint fk_editions_section_id foreign key (section_id) references sections (id) on delete set null,
    constraint ck_editions_audience check (audience in ('ALL', 'SECTION', 'DIGEST')),
    constraint ck_editions_state check (state in ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'))
);
create index ix_editions_created_at on editions (created_at desc, id desc);

create table edition_articles (
    edition_id bigint not null,
    position   int    not null,
    article_id bigint not null,
    constraint pk_edition_articles primary key (edition_id, position),
    constraint fk_edition_articles_edition_id foreign key (edition_id) references editions (id) on delete cascade,
    constraint fk_edition_articles_article_id foreign key (article_id) references articles (id)
);
create index ix_edition_articles_article_id on edition_articles (article_id);

-- At most once: a row is committed SENDING before its hand-off to SMTP and SENT after. A row found SENDING after
-- its claim ran out (the node died mid-send) becomes UNKNOWN and is never sent again.
create table edition_deliveries (
    id              bigint generated always as identity,
    edition_id      bigint      not null,
    subscriber_id   bigint,
    email           text        not null,
    state           text        not null default 'QUEUED',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claimed_by      text,
    claimed_until   timestamptz,
    sent_at         timestamptz,
    reason          text        not null default '',
    constraint pk_edition_deliveries primary key (id),
    constraint fk_edition_deliveries_edition_id foreign key (edition_id) references editions (id) on delete cascade,
    constraint fk_edition_deliveries_subscriber_id foreign key (subscriber_id) references subscribers (id)
        on delete set null,
    constraint uk_edition_deliveries_recipient unique (edition_id, subscriber_id),
    constraint ck_edition_deliveries_state check (state in
        ('QUEUED', 'CLAIMED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'UNKNOWN', 'CANCELLED'))
);
create index ix_edition_deliveries_queued on edition_deliveries (edition_id, id) where state = 'QUEUED';
create index ix_edition_deliveries_state on edition_deliveries (edition_id, state);
create index ix_edition_deliveries_sent_at on edition_deliveries (edition_id, sent_at) where sent_at is not null;
create index ix_edition_deliveries_subscriber_id on edition_deliveries (subscriber_id);
