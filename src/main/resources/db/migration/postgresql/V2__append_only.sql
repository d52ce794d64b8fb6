-- The ledger is append-only: these triggers refuse UPDATE, DELETE and TRUNCATE on every ledger
-- table. The tool never updates or deletes; a row changed anyway fails 'ledger verify'.
-- Deployments should also grant clerks' roles only SELECT and INSERT on these tables.

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ipsubsidy ledger: % is append-only, % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_runs_append_only BEFORE UPDATE OR DELETE ON ledger_runs
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_runs_no_truncate BEFORE TRUNCATE ON ledger_runs
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_documents_append_only BEFORE UPDATE OR DELETE ON ledger_documents
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_documents_no_truncate BEFORE TRUNCATE ON ledger_documents
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_run_documents_append_only BEFORE UPDATE OR DELETE ON ledger_run_documents
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_run_documents_no_truncate BEFORE TRUNCATE ON ledger_run_documents
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_cap_usages_append_only BEFORE UPDATE OR DELETE ON ledger_cap_usages
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_cap_usages_no_truncate BEFORE TRUNCATE ON ledger_cap_usages
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_entry_refs_append_only BEFORE UPDATE OR DELETE ON ledger_entry_refs
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entry_refs_no_truncate BEFORE TRUNCATE ON ledger_entry_refs
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
