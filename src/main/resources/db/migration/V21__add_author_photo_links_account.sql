-- Author profiles: a photo from the media library, links, and an optional link to a staff account.

alter table authors add column photo_image_id bigint;
alter table authors add constraint fk_authors_photo_image_id foreign key (photo_image_id) references images (id);
create index ix_authors_photo_image_id on authors (photo_image_id);

-- The account whose holder may edit this profile's bio and photo at /admin/profile. The foreign key to
-- accounts(id) is added by a later migration, once the accounts table exists.
alter table authors add column account_id bigint;
alter table authors add constraint uk_authors_account_id unique (account_id);

create table author_links (
    author_id bigint  not null,
    position  integer not null,
    label     text    not null,
    url       text    not null,
    constraint pk_author_links primary key (author_id, position),
    constraint fk_author_links_author_id foreign key (author_id) references authors (id) on delete cascade,
    constraint ck_author_links_url check (url ~* '^https?://')
);
