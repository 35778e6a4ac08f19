-- A rescued form belongs to the staff member whose session posted it, and only they may open it. Rescues kept
-- before this (claimed by whoever opened them first) are dropped: they live a day at most anyway.

delete from draft_rescues;
alter table draft_rescues drop column claimed_by;
alter table draft_rescues add column account_id bigint not null;
alter table draft_rescues
    add constraint fk_draft_rescues_account_id foreign key (account_id) references accounts (id) on delete cascade;
create index ix_draft_rescues_account_id on draft_rescues (account_id, id);
