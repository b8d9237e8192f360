CREATE EXTERNAL TABLE `logs`.`apache` (
  `host` string,
  `time` string,
  `request` string
)
PARTITIONED BY (
  `dt` date
)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
WITH SERDEPROPERTIES (
  'input.regex'='^(\\S+) \\[([^\\]]+)\\] "([^"]*)"$'
)
STORED AS INPUTFORMAT 'com.example.hadoop.CombinedLogInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3a://landing/logs/apache/';
