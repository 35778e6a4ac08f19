-- A draft rescue's key is a secret like every other link token: keep only its SHA-256 (hex), as password, preview
-- and newsletter links already do. Existing rescues are hashed in place, so their links keep working.

alter table draft_rescues rename column rescue_key to key_hash;
update draft_rescues set key_hash = encode(sha256(convert_to(key_hash, 'UTF8')), 'hex');
alter table draft_rescues rename constraint uk_draft_rescues_rescue_key to uk_draft_rescues_key_hash;
