CREATE EXTERNAL TABLE `raw`.`customers` (
  `customer_id` string,
  `name` string COMMENT 'as typed by the customer',
  `country` string
)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
WITH SERDEPROPERTIES (
  'separatorChar'=',',
  'quoteChar'='"',
  'escapeChar'='\\'
)
STORED AS TEXTFILE
LOCATION 's3a://landing/crm/customers/'
TBLPROPERTIES (
  'classification'='csv',
  'skip.header.line.count'='1'
);
