-- An image is served to anyone only once a public page has shown it (issue: images used only by drafts were public
-- and enumerable). public_since is set the first time a reader's request finds it on a public page, and stays set:
-- a public image's URL is cached for a year, so it remains answerable. Images already shown publicly are marked now.
alter table images add column public_since timestamptz;

update images i set public_since = now()
where exists (select 1 from authors au where au.photo_image_id = i.id or au.bio_html like '%/media/' || i.id || '/%')
   or exists (select 1 from public_articles(now()) a
              where a.featured_image_id = i.id or a.body_html like '%/media/' || i.id || '/%');
