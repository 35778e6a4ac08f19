-- One-time set-password links issued by an admin (new account, password reset).
-- Only a SHA-256 hash of the token is stored; a link works once, until it expires.

create table password_tokens (
    id         bigint generated always as identity,
    account_id bigint      not null,
    token_hash text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint pk_password_tokens primary key (id),
    constraint uk_password_tokens_token_hash unique (token_hash),
    constraint fk_password_tokens_account_id foreign key (account_id) references accounts (id) on delete cascade
);
create index ix_password_tokens_account_id on password_tokens (account_id);
