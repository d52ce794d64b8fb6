-- The payout ledger: append-only, hash-chained. Shared by SQLite and PostgreSQL; the column
-- types money, decimal, date, timestamp and bool are Flyway placeholders set per database
-- (SQLite: TEXT/INTEGER, exact as written; PostgreSQL: NUMERIC(18,2), NUMERIC, DATE,
-- TIMESTAMPTZ, BOOLEAN). Money is never a floating-point column.
--
-- One hash chain runs over ledger_runs and ledger_entries together, ordered by seq (one
-- sequence for both): a run's header row, then its reversal entries, then its payout entries.
-- Each row stores prev_hash (the previous row's hash; 64 zeros for the first) and
-- hash = SHA-256(prev_hash || "\n" || canonical text of its fields). A run header's canonical
-- text covers its ledger_run_documents and ledger_cap_usages rows; an entry's covers its
-- ledger_entry_refs rows. Documents are content-addressed by SHA-256.

CREATE TABLE ledger_runs (
  seq                  BIGINT       NOT NULL PRIMARY KEY,
  run_id               VARCHAR(100) NOT NULL UNIQUE,
  period               VARCHAR(7)   NOT NULL,
  budget_year          INTEGER      NOT NULL,
  quarter              INTEGER      NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  input_file           TEXT         NOT NULL,
  input_sha256         VARCHAR(64)  NOT NULL,
  operator             TEXT         NOT NULL,
  tool_version         TEXT         NOT NULL,
  posted_at            ${timestamp} NOT NULL,
  -- A run is replaced at most once; "replaced by" is derived from the replacing run's row.
  replaces_run_id      VARCHAR(100) UNIQUE REFERENCES ledger_runs (run_id),
  line_count           INTEGER      NOT NULL,
  reversal_count       INTEGER      NOT NULL,
  paid_count           INTEGER      NOT NULL,
  capped_count         INTEGER      NOT NULL,
  review_count         INTEGER      NOT NULL,
  rejected_count       INTEGER      NOT NULL,
  total_paid           ${money}     NOT NULL,
  total_city_share     ${money}     NOT NULL,
  total_district_share ${money}     NOT NULL,
  total_reversed       ${money}     NOT NULL,
  prev_hash            VARCHAR(64)  NOT NULL,
  hash                 VARCHAR(64)  NOT NULL
);
CREATE INDEX ledger_runs_input ON ledger_runs (period, input_sha256);

CREATE TABLE ledger_documents (
  sha256  VARCHAR(64) NOT NULL PRIMARY KEY,
  content TEXT        NOT NULL
);

CREATE TABLE ledger_run_documents (
  run_id  VARCHAR(100) NOT NULL REFERENCES ledger_runs (run_id),
  ordinal INTEGER      NOT NULL,
  kind    TEXT         NOT NULL,
  name    TEXT         NOT NULL,
  sha256  VARCHAR(64)  NOT NULL REFERENCES ledger_documents (sha256),
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE ledger_cap_usages (
  run_id      VARCHAR(100) NOT NULL REFERENCES ledger_runs (run_id),
  ordinal     INTEGER      NOT NULL,
  entity_id   TEXT,
  entity_name TEXT,
  budget_year INTEGER,
  cap_group   TEXT,
  cap         ${money},
  paid_before ${money},
  paid_now    ${money},
  remaining   ${money},
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE ledger_entries (
  seq              BIGINT       NOT NULL PRIMARY KEY,
  run_id           VARCHAR(100) NOT NULL REFERENCES ledger_runs (run_id),
  kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('PAYOUT', 'REVERSAL')),
  reverses_seq     BIGINT       REFERENCES ledger_entries (seq),
  period           VARCHAR(7)   NOT NULL,
  budget_year      INTEGER      NOT NULL,
  -- the claim row as read
  input_index      INTEGER      NOT NULL,
  source_file      TEXT,
  sheet            TEXT,
  source_row       INTEGER,
  problems         TEXT,
  has_claim        ${bool}      NOT NULL,
  claim_id         TEXT,
  entity_id        TEXT,
  entity_name      TEXT,
  entity_type      VARCHAR(20),
  district         TEXT,
  clause_text      TEXT,
  event_date       ${date},
  quantity         INTEGER,
  level            VARCHAR(20),
  basis            ${decimal},
  deduction        ${decimal},
  fees_incurred    ${decimal},
  approved_amount  ${decimal},
  metric           BIGINT,
  metric2          BIGINT,
  established_date ${date},
  refs             TEXT,
  note             TEXT,
  -- what the engine decided
  clause_code      TEXT,
  clause_name      TEXT,
  status           VARCHAR(10)  NOT NULL CHECK (status IN ('PAID', 'CAPPED', 'REVIEW', 'REJECTED')),
  bad_data         ${bool}      NOT NULL,
  computed         ${money},
  paid             ${money}     NOT NULL,
  city_share       ${money},
  district_share   ${money},
  citation         TEXT,
  explanation_zh   TEXT,
  explanation_en   TEXT,
  -- the keys it counts under (engine CapKeys)
  annual_group     TEXT,
  lifetime_group   TEXT,
  project_key      TEXT,
  one_time_key     TEXT,
  prev_hash        VARCHAR(64)  NOT NULL,
  hash             VARCHAR(64)  NOT NULL
);
CREATE INDEX ledger_entries_run ON ledger_entries (run_id, seq);
CREATE INDEX ledger_entries_claim ON ledger_entries (claim_id);
CREATE INDEX ledger_entries_year ON ledger_entries (budget_year, entity_id, annual_group);
CREATE INDEX ledger_entries_lifetime ON ledger_entries (lifetime_group, project_key);
CREATE INDEX ledger_entries_one_time ON ledger_entries (one_time_key);

CREATE TABLE ledger_entry_refs (
  entry_seq BIGINT  NOT NULL REFERENCES ledger_entries (seq),
  ordinal   INTEGER NOT NULL,
  ref_group TEXT    NOT NULL,
  ref_key   TEXT    NOT NULL,
  PRIMARY KEY (entry_seq, ordinal)
);
CREATE INDEX ledger_entry_refs_key ON ledger_entry_refs (ref_group, ref_key);
