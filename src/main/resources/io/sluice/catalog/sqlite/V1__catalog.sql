-- The catalog: databases, tables (the current version of each), archived table versions, and partitions.
-- Names are lower case, times are epoch milliseconds, structured parts (columns, storage descriptor, parameters) are
-- JSON text.

CREATE TABLE databases (
    name         TEXT    NOT NULL PRIMARY KEY,
    description  TEXT,
    location_uri TEXT,
    parameters   TEXT    NOT NULL,
    create_time  INTEGER NOT NULL
);

CREATE TABLE tables (
    -- AUTOINCREMENT never reuses the id of a dropped table, so rows found by id belong to the table that was read.
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    db_name     TEXT    NOT NULL REFERENCES databases (name),
    name        TEXT    NOT NULL,
    version_id  INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL,
    UNIQUE (db_name, name)
);

CREATE TABLE table_versions (
    table_id    INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
    version_id  INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL,
    PRIMARY KEY (table_id, version_id)
);

CREATE TABLE partitions (
    table_id    INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
    -- A JSON array of the values, one per partition key: the partition's identity, readable with json_extract.
    part_values TEXT    NOT NULL,
    -- The partition's columns, apart from the rest of its definition: nearly always the same for every partition of
    -- a table, so that a listing decodes them once.
    columns     TEXT    NOT NULL,
    definition  TEXT    NOT NULL,
    create_time INTEGER NOT NULL,
    PRIMARY KEY (table_id, part_values)
);
