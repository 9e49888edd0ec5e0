-- The audit trail is read newest first (id desc), mostly for one subcommittee: an index in that order
-- lets PostgreSQL read a page from the index's end instead of sorting every entry of the subcommittee
-- (H2's secondary indexes already end with the primary key). It replaces the one-column index it
-- starts with. bench/README.md has the plans.
create index ix_audit_subcommittee_newest on audit_entry (subcommittee_id, id);
drop index ix_audit_subcommittee;
