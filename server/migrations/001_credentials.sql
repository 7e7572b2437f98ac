-- Credentials: what a host stores of a credential-saved detail. The key only as AES-256-GCM
-- ciphertext (with its authentication tag), under the master key named by key_version, with
-- the credential id as associated data.
CREATE TABLE credentials (
  id uuid PRIMARY KEY,
  provider text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  key_hint text NOT NULL DEFAULT '',
  key_type text NOT NULL DEFAULT '',
  verified boolean NOT NULL DEFAULT false,
  ciphertext bytea,
  nonce bytea,
  key_version text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One name per provider, whatever its case: two concurrent creates cannot both win.
CREATE UNIQUE INDEX credentials_provider_name ON credentials (provider, lower(name));
