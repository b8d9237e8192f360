CREATE EXTERNAL TABLE `my-db`.`odd$table` (
  `select` string,
  `first name` string,
  `back``tick` int,
  `1st` int,
  `payload` struct<`date`:string,`a b`:int,`user`:struct<`select`:int,ok:int>,Total:int> COMMENT 'it\'s a "quoted" back\\slash\nnew line\ttab é \001'
)
COMMENT 'O\'Brien\'s table; with a semicolon'
PARTITIONED BY (
  `key=value` string
)
STORED AS ORC
LOCATION 's3a://bucket/it\'s here/'
TBLPROPERTIES (
  'owner\'s note'='a\001b',
  'path'='C:\\data'
);
