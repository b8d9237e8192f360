package io.sluice.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Database;
import io.sluice.runs.Run;
import io.sluice.runs.RunFilter;
import io.sluice.runs.RunRequest;
import io.sluice.runs.RunStore;
import io.sluice.runs.RunStoreContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreTest extends RunStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected RunStore openStore(Clock clock) {
        return SqliteRunStore.open(dir.resolve("catalog"), clock);
    }

    @Test
    void sharesTheDatabaseOfTheCatalog() {
        Run run = runs.startNow(RunRequest.job("daily").build());

        try (SqliteCatalog catalog = SqliteCatalog.open(dir.resolve("catalog"), clock)) {
            catalog.createDatabase(Database.of("lake"));
            assertThat(catalog.databaseFile()).isEqualTo(dir.resolve("catalog/catalog.db"));
        }
        try (RunStore reopened = openStore(clock)) {
            assertThat(reopened.list(RunFilter.all())).containsExactly(run);
        }
    }
}
