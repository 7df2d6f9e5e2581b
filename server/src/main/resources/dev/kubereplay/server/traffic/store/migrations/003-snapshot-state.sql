-- Schema 3: a snapshot's state. A desktop recording writes its snapshot as it goes: RECORDING
-- while its process adds pairs, COMPLETE once stopped, INTERRUPTED when that process went away
-- first. Imports appear complete (the default, also for every snapshot stored before). The
-- recorder columns name the process writing a RECORDING snapshot (its pid and start time), so
-- a process opening the database can tell a live recording from an abandoned one.
ALTER TABLE snapshots ADD COLUMN state TEXT NOT NULL DEFAULT 'COMPLETE'
  CHECK (state IN ('RECORDING', 'COMPLETE', 'INTERRUPTED'));
ALTER TABLE snapshots ADD COLUMN recorder_pid INTEGER;
ALTER TABLE snapshots ADD COLUMN recorder_started_millis INTEGER;
