-- An author profile may belong to a staff account (who then edits their own bio at /admin/profile).

alter table authors add constraint fk_authors_account_id
    foreign key (account_id) references accounts (id) on delete set null;
