-- Staff accounts: who may sign in to the newsroom, and with which role.
-- An account created by an admin has no password until its owner follows a set-password link.

create table accounts (
    id              bigint generated always as identity,
    email           text        not null,
    display_name    text        not null,
    role            text        not null,
    password_hash   text,
    enabled         boolean     not null default true,
    last_sign_in_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint pk_accounts primary key (id),
    constraint ck_accounts_role check (role in ('ADMIN', 'EDITOR', 'CONTRIBUTOR')),
    constraint ck_accounts_email check (email <> '' and email = btrim(email))
);
-- One account per address, whatever its case.
create unique index uk_accounts_email on accounts (lower(email));
