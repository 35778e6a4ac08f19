-- An article may give its featured image its own caption and credit (the same photo says different things in
-- different pieces); null means the image's own, from the media library.
alter table articles
    add column featured_image_caption text,
    add column featured_image_credit  text,
    add constraint ck_articles_featured_image_caption check (char_length(featured_image_caption) between 1 and 500),
    add constraint ck_articles_featured_image_credit check (char_length(featured_image_credit) between 1 and 200);
