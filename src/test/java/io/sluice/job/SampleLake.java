package io.sluice.job;

/** The tables a crawl of {@code testdata/} puts in the catalog (crawler/lake.yaml), with their columns. */
public final class SampleLake {
    private SampleLake() {}

    public static FakeSchemaResolver resolver() {
        return new FakeSchemaResolver()
                .table(
                        "lake.sales",
                        "order_id int, order_ts timestamp, country string, product string, qty int,"
                                + " price decimal(5,2), discount decimal(3,2)",
                        "year string, month string")
                .table(
                        "lake.events",
                        "event_id string, ts timestamp, user struct<id:int,country:string>, kind string,"
                                + " tags array<string>, amount double",
                        "partition_0 string, partition_1 string, partition_2 string")
                .table("lake.customers", "name string, city string, country string, email string", "")
                .table(
                        "lake.returns",
                        "return_id int, order_id int, returned_on date, reason string, refund decimal(4,2)",
                        "")
                .table(
                        "lake.shipments",
                        "shipment_id bigint, order_id int, carrier string, shipped_on date, weight_kg double,"
                                + " address struct<city:string,country:string>",
                        "")
                .table(
                        "lake.accounts",
                        "account_id int, account_name string, created_on date, credit_limit decimal(7,2)",
                        "")
                .table("lake.contacts", "contact_id int, account_id int, full_name string, is_primary boolean", "");
    }
}
