-- Addresses of an imported archive's old site (permalinks, /?p=123, category, tag and author archives) and the page
-- each now answers 301 to. Served only for GET and HEAD, and only where no page of Masthead answers.
create table legacy_paths (
    path       text        not null,
    target     text        not null,
    created_at timestamptz not null,
    constraint pk_legacy_paths primary key (path)
);
