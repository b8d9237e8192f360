CREATE EXTERNAL TABLE `logs`.`access` (
  `host` string,
  `requested_at` string,
  `tags` array<string>,
  `headers` map<string,string>
)
ROW FORMAT DELIMITED
  FIELDS TERMINATED BY '\t'
  ESCAPED BY '\\'
  COLLECTION ITEMS TERMINATED BY '\001'
  MAP KEYS TERMINATED BY '\002'
  LINES TERMINATED BY '\n'
  NULL DEFINED AS '\\N'
STORED AS TEXTFILE
LOCATION 'hdfs:///data/logs/access';
