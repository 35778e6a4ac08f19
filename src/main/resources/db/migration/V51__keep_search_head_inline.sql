-- The head document (title, dek, authors, topics: a few hundred bytes) stays in the article row instead of moving
-- out of line with the bodies. A broad search reads the newest articles in order and checks each one's head
-- (ArticleSearch), which is cheap only when the head is in the row itself.
alter table articles alter column search_head set storage main;

-- Rewrite the existing heads so they move back into their rows (concatenating makes a new value).
update articles set search_head = search_head || ''::tsvector;
