-- An article's featured image, shown at the top of its page; the image's own caption and credit go with it.

alter table articles add column featured_image_id bigint;
alter table articles add constraint fk_articles_featured_image_id foreign key (featured_image_id) references images (id);
create index ix_articles_featured_image_id on articles (featured_image_id);
