-- The ledger is append-only: these triggers refuse UPDATE and DELETE on every ledger table.
-- The tool never updates or deletes; a row changed anyway (triggers dropped) fails 'ledger verify'.

CREATE TRIGGER ledger_runs_no_update BEFORE UPDATE ON ledger_runs
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_runs is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_runs_no_delete BEFORE DELETE ON ledger_runs
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_runs is append-only, DELETE refused');
END;

CREATE TRIGGER ledger_documents_no_update BEFORE UPDATE ON ledger_documents
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_documents is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_documents_no_delete BEFORE DELETE ON ledger_documents
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_documents is append-only, DELETE refused');
END;

CREATE TRIGGER ledger_run_documents_no_update BEFORE UPDATE ON ledger_run_documents
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_run_documents is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_run_documents_no_delete BEFORE DELETE ON ledger_run_documents
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_run_documents is append-only, DELETE refused');
END;

CREATE TRIGGER ledger_cap_usages_no_update BEFORE UPDATE ON ledger_cap_usages
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_cap_usages is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_cap_usages_no_delete BEFORE DELETE ON ledger_cap_usages
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_cap_usages is append-only, DELETE refused');
END;

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_entries is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_entries is append-only, DELETE refused');
END;

CREATE TRIGGER ledger_entry_refs_no_update BEFORE UPDATE ON ledger_entry_refs
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_entry_refs is append-only, UPDATE refused');
END;

CREATE TRIGGER ledger_entry_refs_no_delete BEFORE DELETE ON ledger_entry_refs
BEGIN
  SELECT RAISE(ABORT, 'ipsubsidy ledger: ledger_entry_refs is append-only, DELETE refused');
END;
