-- Schema 2: what a snapshot list shows without reading pairs (hosts, time span, skipped
-- entries), filled in for snapshots stored by schema 1; and the index browsing pages through.
ALTER TABLE snapshots ADD COLUMN hosts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE snapshots ADD COLUMN first_ts_nanos INTEGER;
ALTER TABLE snapshots ADD COLUMN last_ts_nanos INTEGER;
ALTER TABLE snapshots ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;

UPDATE snapshots SET
  hosts = (SELECT json_group_array(host)
           FROM (SELECT DISTINCT host FROM rr_pairs p WHERE p.snapshot_id = snapshots.id
                 ORDER BY host)),
  first_ts_nanos = (SELECT min(ts_nanos) FROM rr_pairs p WHERE p.snapshot_id = snapshots.id),
  last_ts_nanos = (SELECT max(ts_nanos) FROM rr_pairs p WHERE p.snapshot_id = snapshots.id);

CREATE INDEX rr_pairs_browse ON rr_pairs (snapshot_id, host, method, path_template);
