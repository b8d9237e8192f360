CREATE EXTERNAL TABLE `telemetry`.`events` (
  `event_id` string,
  `ts` timestamp,
  `payload` binary,
  `flags` array<boolean>
)
STORED AS ORC
LOCATION 'hdfs://namenode:8020/warehouse/events'
TBLPROPERTIES (
  'classification'='orc',
  'orc.compress'='ZSTD'
);
