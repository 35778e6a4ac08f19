-- What an import knew of each item it wrote: when the source last changed it, and a fingerprint of the text it
-- wrote here. A later import with --update brings in the source's newer edits, but leaves alone an article whose
-- text no longer has that fingerprint (edited here since).
alter table import_sources add column source_modified_at timestamptz;
alter table import_sources add column fingerprint text;
