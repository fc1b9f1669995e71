-- auth-service: token signing keys and refresh-token families (schema "auth").

-- RS256 key pairs. One active key (retired_at IS NULL) signs; retired keys stay published in the JWKS until the
-- tokens they signed have expired. Created on first start when JWT_PRIVATE_KEY is not set, so restarts and
-- replicas share the key.
CREATE TABLE signing_key (
    kid          VARCHAR(100) PRIMARY KEY,
    algorithm    VARCHAR(10)  NOT NULL DEFAULT 'RS256',
    private_key  TEXT         NOT NULL,  -- PKCS#8 PEM
    public_jwk   TEXT         NOT NULL,  -- the public JWK as JSON
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    retired_at   TIMESTAMPTZ
);
-- At most one active key, whatever the replicas do at their first start.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key ((retired_at IS NULL)) WHERE retired_at IS NULL;

-- One login's chain of refresh tokens; the row concurrent refreshes of that login lock on.
CREATE TABLE refresh_family (
    id              UUID         PRIMARY KEY,
    user_id         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_reason  VARCHAR(20)
);
CREATE INDEX refresh_family_user ON refresh_family (user_id);

-- Refresh tokens: only the SHA-256 (hex) of the opaque token is kept.
CREATE TABLE refresh_token (
    id          BIGSERIAL    PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    family_id   UUID         NOT NULL REFERENCES refresh_family (id) ON DELETE CASCADE,
    user_id     BIGINT       NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_expires ON refresh_token (expires_at);
