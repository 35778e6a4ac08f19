-- Revisions kept (docs/DESIGN.md): every revision readers could see is kept for good; of the others, each article
-- keeps its newest 50 and any revision an editor's autosaved working copy is based on; older ones are deleted on the
-- next save (ArticleService). Whether readers saw a revision is recorded here, by triggers, whatever the path that
-- published it (the editor, the scheduler, a restore, an import).

alter table article_revisions add column published boolean not null default false;

-- Which revisions readers saw was not recorded before: every revision of an article that was ever published is kept.
update article_revisions r
set published = true
from articles a
where a.id = r.article_id
  and a.first_published_at is not null;

-- An article published (or saved while published) shows its current revision.
create function article_revision_published_trigger() returns trigger
    language plpgsql
as $$
begin
    update article_revisions
    set published = true
    where article_id = new.id
      and number = new.revision
      and not published;
    return null;
end
$$;

create trigger articles_revision_published
    after insert or update of status, revision on articles
    for each row
    when (new.status = 'PUBLISHED')
    execute function article_revision_published_trigger();

-- A revision written after its article row already shows it (the revision is stored after the article is saved).
create function article_revision_inserted_trigger() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1
               from articles a
               where a.id = new.article_id
                 and a.status = 'PUBLISHED'
                 and a.revision = new.number) then
        new.published := true;
    end if;
    return new;
end
$$;

create trigger article_revisions_published_on_insert
    before insert on article_revisions
    for each row
    execute function article_revision_inserted_trigger();
