-- The scheduler's durable state, beside the run history (runs). Every change is committed before the scheduler acts
-- on it, so that a scheduler killed at any point and started again neither loses nor repeats a decision.
-- Times are epoch milliseconds.

-- The runs the scheduler owns: when a waiting run may start (a retry's delay), the process that runs it, and whether
-- its end has been dealt with (retried or not).
CREATE TABLE scheduler_runs (
    run_id      TEXT    NOT NULL PRIMARY KEY,
    not_before  INTEGER NOT NULL,
    pid         INTEGER,
    exit_code   INTEGER,
    settled     INTEGER NOT NULL DEFAULT 0
);

-- Each time a trigger fired, once per key: the scheduled time of a schedule, the workflow run or runs of a condition,
-- the files of a data trigger, the request of `trigger fire`. The primary key is what keeps a trigger from firing
-- twice for the same reason.
CREATE TABLE trigger_fires (
    trigger_name TEXT    NOT NULL,
    fire_key     TEXT    NOT NULL,
    fired_on     INTEGER NOT NULL,
    run_id       TEXT,
    PRIMARY KEY (trigger_name, fire_key)
);

-- Per trigger: since when it watches (runs and files older than that do not fire it) and how far it has looked
-- (the last scheduled time considered, the newest file seen).
CREATE TABLE trigger_state (
    trigger_name TEXT    NOT NULL PRIMARY KEY,
    since        INTEGER NOT NULL,
    watermark    INTEGER
);

-- What people asked of the scheduler from the command line (`trigger fire`, `workflow resume`), served in order.
CREATE TABLE scheduler_requests (
    seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    requested_on INTEGER NOT NULL,
    handled_on   INTEGER,
    outcome      TEXT
);

-- The scheduler process, for `scheduler status`: one row.
CREATE TABLE scheduler_status (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    owner        TEXT    NOT NULL,
    started_on   INTEGER NOT NULL,
    heartbeat_on INTEGER NOT NULL,
    stopped_on   INTEGER,
    definitions  TEXT    NOT NULL
);
