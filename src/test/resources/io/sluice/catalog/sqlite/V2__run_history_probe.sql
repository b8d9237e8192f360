-- A second migration, as a later part of Sluice would add one: SqliteCatalogTest checks it is applied once, after V1.
CREATE TABLE run_history_probe (
    id   INTEGER NOT NULL PRIMARY KEY,
    note TEXT    NOT NULL
);
INSERT INTO run_history_probe (id, note) VALUES (1, 'applied');
