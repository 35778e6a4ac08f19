-- Failed sign-in attempts, for throttling: by email (known or not, lower case) and client address.
-- Rows older than an hour are deleted as new failures are recorded.

create table login_failures (
    id          bigint generated always as identity,
    email       text        not null,
    remote_addr text        not null,
    failed_at   timestamptz not null,
    constraint pk_login_failures primary key (id)
);
create index ix_login_failures_addr on login_failures (remote_addr, failed_at);
create index ix_login_failures_email_addr on login_failures (email, remote_addr, failed_at);
create index ix_login_failures_failed_at on login_failures (failed_at);
