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

-- Devices a member signed in from: a long-lived cookie holds a random token, kept here only as its SHA-256. A
-- sign-in without a known device's cookie is a new device (an e-mailed notice; for an account with neither an
-- authenticator app nor a passkey, an e-mailed code first, when the new-device check is on).
create table known_devices (
    token_hash   text primary key,
    account_id   bigint      not null references accounts (id) on delete cascade,
    user_agent   text        not null default '',
    created_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index known_devices_account on known_devices (account_id);

-- The code e-mailed for a sign-in on a new device (one at a time an account), as a SHA-256, usable once.
create table sign_in_codes (
    account_id bigint primary key references accounts (id) on delete cascade,
    code_hash  text        not null,
    expires_at timestamptz not null
);
