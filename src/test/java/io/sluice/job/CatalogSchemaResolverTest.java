package io.sluice.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.Column;
import io.sluice.catalog.Database;
import io.sluice.catalog.StorageDescriptor;
import io.sluice.catalog.StorageFormat;
import io.sluice.catalog.Table;
import io.sluice.catalog.TableId;
import io.sluice.catalog.sqlite.SqliteCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSchemaResolverTest {
    @TempDir
    Path dir;

    @Test
    void readsTablesFromTheCatalogWithPartitionKeysLast() {
        try (SqliteCatalog catalog = SqliteCatalog.open(dir)) {
            catalog.createDatabase(Database.of("lake"));
            catalog.createTable(Table.builder(TableId.of("lake", "sales"))
                    .storageDescriptor(StorageDescriptor.of(
                            List.of(Column.of("order_id", "int"), Column.of("qty", "int")),
                            "file:/data/sales",
                            StorageFormat.PARQUET))
                    .partitionKeys(List.of(Column.of("year", "string")))
                    .build());
            SchemaResolver resolver = SchemaResolver.of(catalog);
            JobValidator validator = new JobValidator(resolver, new FakeTyper());

            ValidatedJob job = validator.validate(JobDefinitions.parse(
                    "j.yaml", "source: { table: lake.sales, where: \"year = '2024'\" }\noutput: { path: out }\n"));

            assertThat(job.outputSchema()).hasToString("struct<order_id:int,qty:int,year:string>");
            assertThat(resolver.tables("lake")).containsExactly(TableId.of("lake", "sales"));
            assertThat(resolver.tables("nowhere")).isEmpty();
            assertThatThrownBy(() -> validator.validate(
                            JobDefinitions.parse("j.yaml", "source: lake.sale\noutput: { path: out }\n")))
                    .hasMessage("invalid definition j.yaml:1: source.table: unknown table lake.sale (did you mean"
                            + " 'lake.sales'?)");
        }
    }
}
