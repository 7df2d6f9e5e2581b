-- Schema 1: snapshots and their request/response pairs.
CREATE TABLE snapshots (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  created_millis INTEGER NOT NULL,
  in_count INTEGER NOT NULL DEFAULT 0,
  out_count INTEGER NOT NULL DEFAULT 0
);

-- One row per RR pair. Bodies are BLOBs kept byte for byte; headers are JSON text
-- ([["name","value"],...], in order, repeated names kept), tags a JSON object.
CREATE TABLE rr_pairs (
  id INTEGER PRIMARY KEY,
  snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  uuid TEXT,
  direction TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
  ts_nanos INTEGER NOT NULL,
  duration_millis INTEGER NOT NULL,
  protocol TEXT NOT NULL,
  host TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  path_template TEXT NOT NULL,
  http_version TEXT,
  request_headers TEXT NOT NULL,
  request_body BLOB NOT NULL,
  request_body_encoding TEXT,
  status INTEGER NOT NULL,
  status_message TEXT,
  response_headers TEXT NOT NULL,
  response_body BLOB NOT NULL,
  response_body_encoding TEXT,
  tags TEXT NOT NULL,
  signature BLOB NOT NULL
);
