CREATE EXTERNAL TABLE `sales`.`orders` (
  `order_id` bigint COMMENT 'unique per order',
  `customer` struct<id:bigint,name:string,address:struct<street:string,city:string,zip:varchar(10)>>,
  `items` array<struct<sku:string,qty:int,price:decimal(10,2)>> COMMENT 'one entry per line item',
  `attributes` map<string,array<string>>,
  `total` decimal(12,2),
  `placed_at` timestamp
)
COMMENT 'Orders placed in the web shop'
PARTITIONED BY (
  `year` int,
  `month` string COMMENT 'two digits, 01 to 12'
)
STORED AS PARQUET
LOCATION 's3a://datalake/sales/orders/'
TBLPROPERTIES (
  'classification'='parquet',
  'compressionType'='snappy',
  'recordCount'='1200'
);
