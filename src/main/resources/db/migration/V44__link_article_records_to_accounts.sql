-- Article records that name a staff member now point at the accounts table.
-- Accounts are disabled, not deleted; should one ever be deleted, the records stay and lose the link.

alter table articles add constraint fk_articles_created_by
    foreign key (created_by) references accounts (id) on delete set null;
alter table article_revisions add constraint fk_article_revisions_created_by
    foreign key (created_by) references accounts (id) on delete set null;
alter table preview_links add constraint fk_preview_links_created_by
    foreign key (created_by) references accounts (id) on delete set null;
alter table draft_rescues add constraint fk_draft_rescues_claimed_by
    foreign key (claimed_by) references accounts (id) on delete cascade;
