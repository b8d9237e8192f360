package io.sluice.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Files that tests put in place by hand, with their modification times. */
final class FakeFiles implements FileProbe {
    private final Map<String, Instant> files = new LinkedHashMap<>();

    void put(String path, Instant modified) {
        files.put(path, modified);
    }

    @Override
    public List<DataFile> list(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        List<DataFile> found = new ArrayList<>();
        files.forEach((file, modified) -> {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (file.startsWith(prefix) && !name.startsWith("_") && !name.startsWith(".")) {
                found.add(new DataFile(file, modified));
            }
        });
        return found;
    }

    @Override
    public Optional<Instant> modified(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
