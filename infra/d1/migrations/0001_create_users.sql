-- Users and the identifiers they sign in with. A lookup reads one identifiers row by its
-- primary key and joins its user, so it costs one indexed query whatever the table size.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked'))
);

-- One row per identifier, already normalized: the username at position 0, then each alias
-- in the order of the users file.
CREATE TABLE identifiers (
  identifier TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX identifiers_by_user ON identifiers (user_id);
