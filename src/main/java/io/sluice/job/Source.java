package io.sluice.job;

import java.util.List;

/**
 * Where the rows of a job come from: a catalog table ({@link TableSource}), files under a path ({@link PathSource}), or
 * the union of other named sources ({@link UnionSource}).
 */
public sealed interface Source permits TableSource, PathSource, UnionSource {

    /** The line where the source is defined. */
    int line();

    /** The named sources this source reads; empty unless it is a union. */
    default List<SourceRef> inputs() {
        return List.of();
    }
}
