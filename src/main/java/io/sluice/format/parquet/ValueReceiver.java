package io.sluice.format.parquet;

/** Where a converter hands the value it assembled: a row's field, a list, a map entry. */
@FunctionalInterface
interface ValueReceiver {
    void receive(Object value);
}
