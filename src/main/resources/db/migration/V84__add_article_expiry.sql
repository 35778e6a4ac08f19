-- When a published article comes down by itself: the scheduler unpublishes it then (back to draft).
alter table articles add column expires_at timestamptz;

-- The scheduler's look-up of what is due, and the next moment public content changes on its own.
create index ix_articles_expires_at on articles (expires_at) where status = 'PUBLISHED' and expires_at is not null;
