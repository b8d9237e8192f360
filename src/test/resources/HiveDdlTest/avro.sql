CREATE EXTERNAL TABLE `crm`.`users` (
  `id` bigint,
  `email` string,
  `signed_up` date
)
STORED AS AVRO
LOCATION 's3a://datalake/crm/users/';
