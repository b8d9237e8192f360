package io.sluice.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch of every listing. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON in the AWS Glue API shapes instead of a table.")
    boolean json;
}
