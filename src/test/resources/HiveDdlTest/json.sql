CREATE EXTERNAL TABLE `web`.`clicks` (
  `event_time` timestamp,
  `user_id` bigint,
  `page` struct<url:string,referrer:string>
)
PARTITIONED BY (
  `dt` string
)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES (
  'ignore.malformed.json'='true',
  'mapping.event_time'='@timestamp'
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3a://datalake/web/clicks/'
TBLPROPERTIES (
  'classification'='json'
);
