-- The SIP location service (RFC 3261 10.3), shared by every host so any of them can route a call to a phone that
-- registered with another. contact_uri is kept exactly as the phone sent it (some phones mangle the user part and
-- expect calls to it unchanged); source_address/source_port/transport are where the REGISTER came from (NAT).
CREATE TABLE sip_registrations (
    aor             text             NOT NULL,
    contact_uri     text             NOT NULL,
    source_address  inet             NOT NULL,
    source_port     integer          NOT NULL CHECK (source_port BETWEEN 0 AND 65535),
    transport       text             NOT NULL,
    expires_at      timestamptz      NOT NULL,
    q               double precision NULL CHECK (q BETWEEN 0 AND 1),
    call_id         text             NOT NULL,
    cseq            bigint           NOT NULL,
    host_id         text             NULL,
    user_agent      text             NULL,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (aor, contact_uri)
);

-- The primary key serves look-ups by aor; this one serves the sweep of lapsed bindings.
CREATE INDEX sip_registrations_expires_at ON sip_registrations (expires_at);
