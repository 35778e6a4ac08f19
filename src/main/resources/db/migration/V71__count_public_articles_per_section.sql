-- A section's last ?page=N at 100,000 articles: the page's ids come from the section's index, newest first, and a
-- page far from the newest end skipped tens of thousands of index entries to reach them. With the number of the
-- section's published articles kept here, a page past the middle is read from the oldest end instead (see
-- PublicArticles.inSection), so the last page costs about what the first does. Triggers keep the count in step;
-- the page still reads its articles through the visibility rule, so a count out of step could misplace an article,
-- never show a draft.

create table section_public_counts (
    section_id bigint primary key references sections (id) on delete cascade,
    published  bigint not null default 0
);

insert into section_public_counts (section_id, published)
select s.id, (select count(*) from articles a where a.section_id = s.id and a.status = 'PUBLISHED')
from sections s;

create function section_public_count_trigger() returns trigger
    language plpgsql
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'PUBLISHED' then
        update section_public_counts set published = published - 1 where section_id = old.section_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'PUBLISHED' then
        insert into section_public_counts as c (section_id, published) values (new.section_id, 1)
        on conflict (section_id) do update set published = c.published + 1;
    end if;
    return null;
end
$$;

create trigger articles_section_public_count_added_removed
    after insert or delete on articles
    for each row execute function section_public_count_trigger();

-- An article is saved with every column: only a change of status or section moves the count.
create trigger articles_section_public_count_changed
    after update of status, section_id on articles
    for each row
    when (old.status is distinct from new.status or old.section_id is distinct from new.section_id)
    execute function section_public_count_trigger();
