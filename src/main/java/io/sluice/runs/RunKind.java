package io.sluice.runs;

import java.util.UUID;

/** What a run runs. Each kind has its own id prefix, as Glue's job run ids start with {@code jr_}. */
public enum RunKind {
    JOB("jr_"),
    CRAWLER("cr_"),
    WORKFLOW("wr_");

    private final String idPrefix;

    RunKind(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** A new id for a run of this kind: the prefix and 32 random hex digits, unique across processes and hosts. */
    public String newId() {
        return idPrefix + UUID.randomUUID().toString().replace("-", "");
    }
}
