package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubcommandChoiceTest {
    private static final List<Class<?>> ALL = SluiceCommand.SUBCOMMANDS;

    @Test
    void firstWordNamesTheSubcommand() {
        assertThat(SubcommandChoice.of(ALL, "submit", "job.yaml")).contains(SubmitCommand.class);
        assertThat(SubcommandChoice.of(ALL, "catalog", "tables", "lake")).contains(CatalogCommand.class);
    }

    @Test
    void rootOptionsAndTheCatalogValueAreSkipped() {
        assertThat(SubcommandChoice.of(ALL, "--catalog", "submit", "--stacktrace", "crawl", "x"))
                .contains(CrawlCommand.class);
        assertThat(SubcommandChoice.of(ALL, "--catalog=dir", "runs")).contains(RunsCommand.class);
        assertThat(SubcommandChoice.of(ALL, "--cluster", "runs", "--catalog", "fs", "submit", "j.yaml"))
                .contains(SubmitCommand.class);
        assertThat(SubcommandChoice.of(ALL, "--cluster=conf", "fs", "ls", "/")).contains(FsCommand.class);
    }

    @Test
    void noChoiceWhenTheCommandLineIsNotPlain() {
        assertThat(SubcommandChoice.of(ALL)).isEmpty();
        assertThat(SubcommandChoice.of(ALL, "--help", "submit")).isEmpty();
        assertThat(SubcommandChoice.of(ALL, "-V")).isEmpty();
        assertThat(SubcommandChoice.of(ALL, "@args.txt")).isEmpty();
        assertThat(SubcommandChoice.of(ALL, "sumbit", "job.yaml")).isEmpty();
        assertThat(SubcommandChoice.of(ALL, "--catalog")).isEmpty();
    }
}
