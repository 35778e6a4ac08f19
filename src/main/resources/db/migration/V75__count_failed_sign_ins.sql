-- Failed and refused (throttled) sign-ins are counted per client address, email and hour, one row each, instead of
-- an audit row per attempt: a password-guessing client no longer grows the audit log with every guess. The audit
-- log keeps the first failure of each address, email and hour, and the first refusal of each address and hour.
-- Rows older than 90 days are deleted as new hours begin.
create table sign_in_failures (
    window_start timestamptz not null,
    remote_addr  text        not null,
    email        text        not null,
    failures     integer     not null default 0,
    refused      integer     not null default 0,
    last_at      timestamptz not null,
    constraint pk_sign_in_failures primary key (window_start, remote_addr, email)
);
