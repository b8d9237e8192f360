package io.sluice.cli;

/** The {@code sluice} command line entry point. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CompilerDirectives.addInBackground();
        Logging.configure();
        System.exit(Sluice.run(System.out, System.err, args));
    }
}
