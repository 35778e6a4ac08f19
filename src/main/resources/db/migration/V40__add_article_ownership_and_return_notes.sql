-- Who created an article (its contributor's "own" drafts), the number of its latest revision (what an edit
-- form started from), and the note an editor leaves when returning a submitted draft to its author.
-- created_by is an account id; the foreign key to accounts(id) is added once the accounts table exists.
-- It stays null for imported and demo content.

alter table articles add column created_by bigint;
alter table articles add column revision integer not null default 0;
alter table articles add column return_note text;
alter table articles add column return_note_by text;
alter table articles add column return_note_at timestamptz;

create index ix_articles_created_by on articles (created_by, updated_at desc);
create index ix_articles_scheduled_at on articles (scheduled_at) where status = 'SCHEDULED';
