package io.sluice.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar manifest at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SluiceCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "sluice " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
