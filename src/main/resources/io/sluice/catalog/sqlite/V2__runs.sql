-- The run history: one row per run of a job, crawler or workflow, updated in place as its state changes.
-- Times are epoch milliseconds; arguments and counters are JSON objects.

CREATE TABLE runs (
    -- The order of recording: ties between runs created in the same millisecond are listed by it.
    seq             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    definition_file TEXT,
    arguments       TEXT    NOT NULL,
    trigger_name    TEXT    NOT NULL,
    attempt         INTEGER NOT NULL,
    previous_run_id TEXT,
    workflow_run_id TEXT,
    output          TEXT,
    output_table    TEXT,
    state           TEXT    NOT NULL,
    created_on      INTEGER NOT NULL,
    modified_on     INTEGER NOT NULL,
    started_on      INTEGER,
    completed_on    INTEGER,
    error_message   TEXT,
    counters        TEXT    NOT NULL,
    owner           TEXT
);

CREATE INDEX runs_by_name ON runs (kind, name, created_on);
CREATE INDEX runs_by_state ON runs (state, created_on);
CREATE INDEX runs_by_workflow_run ON runs (workflow_run_id) WHERE workflow_run_id IS NOT NULL;
