-- The media library: uploaded images, re-encoded, with their resized variants. Bytes live in PostgreSQL so that
-- every app node serves them and a database backup holds them.

create table images (
    id           bigint generated always as identity,
    name         text        not null,
    content_type text        not null,
    width        integer     not null,
    height       integer     not null,
    -- the widths stored in image_variants, smallest first and ending with the image's own width: "480,960,1200"
    variant_widths text      not null,
    alt_text     text        not null,
    caption      text        not null default '',
    credit       text        not null default '',
    byte_size    bigint      not null,
    uploaded_by  text        not null default '',
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0,
    constraint pk_images primary key (id),
    constraint ck_images_content_type check (content_type in ('image/jpeg', 'image/png')),
    constraint ck_images_size check (width > 0 and height > 0)
);
create index ix_images_created_at on images (created_at desc, id desc);

-- One row per stored rendition: the full-size re-encoded image (width = images.width) and the smaller ones.
create table image_variants (
    id           bigint generated always as identity,
    image_id     bigint  not null,
    width        integer not null,
    height       integer not null,
    content_type text    not null,
    etag         text    not null,
    bytes        bytea   not null,
    constraint pk_image_variants primary key (id),
    constraint uk_image_variants_image_id_width unique (image_id, width),
    constraint fk_image_variants_image_id foreign key (image_id) references images (id) on delete cascade
);
