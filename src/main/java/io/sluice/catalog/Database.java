package io.sluice.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A database (a namespace of tables). {@code createTime} is set by the catalog when it stores the database. */
public record Database(
        String name,
        Optional<String> description,
        Optional<String> locationUri,
        Map<String, String> parameters,
        Optional<Instant> createTime) {

    public Database {
        name = Names.objectName("database", name);
        requireNonNull(description, "description is null");
        requireNonNull(locationUri, "locationUri is null");
        parameters = Parameters.copyOf(parameters);
        requireNonNull(createTime, "createTime is null");
    }

    public static Database of(String name) {
        return new Database(name, Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
    }

    public Database withDescription(String newDescription) {
        return new Database(name, Optional.of(newDescription), locationUri, parameters, createTime);
    }

    public Database withLocationUri(String newLocationUri) {
        return new Database(name, description, Optional.of(newLocationUri), parameters, createTime);
    }

    public Database withParameters(Map<String, String> newParameters) {
        return new Database(name, description, locationUri, newParameters, createTime);
    }

    public Database withCreateTime(Instant newCreateTime) {
        return new Database(name, description, locationUri, parameters, Optional.of(newCreateTime));
    }
}
