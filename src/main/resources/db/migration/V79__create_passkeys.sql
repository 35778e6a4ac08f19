-- Passkeys (WebAuthn). user_entities and user_credentials are Spring Security's own schema, as shipped in
-- spring-security-web 7.1 (org/springframework/security/user-entities-schema.sql and
-- user-credentials-schema-postgres.sql), read and written by its JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository; user_entities.name is the account's email.
create table user_entities
(
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);

create table user_credentials
(
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);

create index user_credentials_user on user_credentials (user_entity_user_id);
create unique index user_entities_name on user_entities (lower(name));

-- A passkey ceremony's options (its challenge) between the two requests of the ceremony, under the SHA-256 of a
-- random id that only the browser's short-lived cookie holds: no HTTP session before signing in.
create table webauthn_ceremonies
(
    id_hash    text primary key,
    kind       text        not null check (kind in ('create', 'request')),
    options    bytea       not null,
    expires_at timestamptz not null
);
