-- Which staff member a session belonged to, kept for a day after the session's last use, so that an article form
-- posted after the session expired can be kept for that member (draft rescue) and for nobody else. The session id
-- itself is never stored: only its SHA-256 hash (hex), which cannot be turned back into a usable cookie.

create table staff_session_marks (
    session_hash text        not null,
    account_id   bigint      not null,
    expires_at   timestamptz not null,
    constraint pk_staff_session_marks primary key (session_hash),
    constraint fk_staff_session_marks_account_id foreign key (account_id) references accounts (id) on delete cascade
);
create index ix_staff_session_marks_expires_at on staff_session_marks (expires_at);
