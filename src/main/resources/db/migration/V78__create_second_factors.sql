-- Second factors of staff accounts: an authenticator app's TOTP secret (one an account), and the recovery codes
-- shown once when it was set up, kept only as SHA-256 hashes (each code is 80 random bits), each usable once.
create table totp_authenticators (
    account_id     bigint primary key references accounts (id) on delete cascade,
    secret         text        not null,
    -- the last 30-second step whose code was accepted: a code is never accepted twice
    last_used_step bigint      not null default 0,
    created_at     timestamptz not null
);

create table recovery_codes (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    code_hash  text        not null,
    used_at    timestamptz,
    created_at timestamptz not null,
    unique (account_id, code_hash)
);
