-- A second migration, as a later part of Sluice would add one: SqliteCatalogTest checks it is applied once, after the released ones.
CREATE TABLE probe (
    id   INTEGER NOT NULL PRIMARY KEY,
    note TEXT    NOT NULL
);
INSERT INTO probe (id, note) VALUES (1, 'applied');
