-- The front page as editors curate it: position 0 is the lead story, 1 to 3 the featured articles; the newest
-- public articles fill the rest. Only published articles are picked; deleting an article drops its pick.
create table front_page_picks (
    position   integer  not null,
    article_id bigint   not null,
    constraint pk_front_page_picks primary key (position),
    constraint uk_front_page_picks_article_id unique (article_id),
    constraint ck_front_page_picks_position check (position between 0 and 3),
    constraint fk_front_page_picks_article_id foreign key (article_id) references articles (id) on delete cascade
);
