package io.sluice.definition;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML definition file (job, crawler) into a {@link YamlMap} that keeps line numbers for messages. */
public final class DefinitionFile {
    private DefinitionFile() {}

    public static YamlMap read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SluiceException.notFound("definition file %s does not exist", file);
        } catch (IOException e) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT, "cannot read definition file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses YAML text; {@code name} is used in messages. */
    public static YamlMap parse(String name, String text) {
        Problems problems = new Problems(name);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by YamlMap with the line, instead of failing here
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(line, "not valid YAML: " + e.getProblem());
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(root == null ? 1 : YamlMap.line(root), "expected a mapping of fields at the top level");
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        return new YamlMap("", mapping, problems);
    }
}
