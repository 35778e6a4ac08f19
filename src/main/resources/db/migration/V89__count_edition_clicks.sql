-- Clicks on an edition's links through the signed redirect (/r/{edition}/{signature}?u=...): one row per edition and
-- link, never per reader. Only links the application signed for that edition are counted, so an edition has at
-- most as many rows as it has links.
create table edition_link_clicks (
    edition_id bigint not null references editions (id) on delete cascade,
    url text not null check (length(url) <= 2048),
    clicks bigint not null default 0,
    primary key (edition_id, url)
);

-- Keys the application makes once and keeps (the redirect's signing key).
create table analytics_keys (
    name text primary key,
    secret bytea not null
);

-- Opens of an edition, only while an admin has turned newsletter opens on (off by default): one row per edition.
create table edition_opens (
    edition_id bigint primary key references editions (id) on delete cascade,
    opens bigint not null default 0
);
