-- Bounces and complaints that arrive after a send (the providers' webhooks) are counted against the edition the
-- address last received: the count stays on the edition when its delivery rows are pruned.
alter table editions add column bounces int not null default 0;
alter table editions add column complaints int not null default 0;
