-- People who sign in to the pages and the API: staff (admin, supervisor, qa) and agents.
CREATE TABLE accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'supervisor', 'qa', 'agent')),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    extension     text        NULL,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));
CREATE UNIQUE INDEX accounts_extension_key ON accounts (extension) WHERE extension IS NOT NULL;

-- SIP digest credentials of agents' phones, kept only as the digest hashes H(user:realm:password).
CREATE TABLE sip_credentials (
    username    text        PRIMARY KEY,
    realm       text        NOT NULL,
    ha1_md5     text        NOT NULL,
    ha1_sha256  text        NOT NULL,
    account_id  bigint      NULL REFERENCES accounts (id) ON DELETE CASCADE,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when: sign-ins, recording playbacks, menu publishes, forced status changes. Append-only.
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    action     text        NOT NULL,
    subject    text        NULL,
    detail     jsonb       NULL,
    source_ip  text        NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
