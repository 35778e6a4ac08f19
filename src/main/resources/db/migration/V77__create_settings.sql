-- Settings an admin changes in the app (/admin/settings). A row overrides the property of the same name, which
-- stays the default: removing the row ("back to the default") makes the property count again.
create table settings (
    name       text primary key,
    value      text        not null,
    updated_at timestamptz not null,
    updated_by text        not null
);
