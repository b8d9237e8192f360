ALTER TABLE `sales`.`daily` ADD IF NOT EXISTS
  PARTITION (`year`=2024, `month`='01', `day`=5) LOCATION 's3a://datalake/sales/daily/year=2024/month=01/day=5/'
  PARTITION (`year`=2024, `month`='02', `day`='07') LOCATION 's3a://datalake/sales/daily/year=2024/month=02/day=07/'
  PARTITION (`year`='__HIVE_DEFAULT_PARTITION__', `month`='03', `day`='300') LOCATION 's3a://datalake/sales/daily/year=__HIVE_DEFAULT_PARTITION__/month=03/day=300/'
  PARTITION (`year`=-1, `month`='it\'s', `day`=0) LOCATION 's3a://datalake/sales/daily/odd/'
  PARTITION (`year`=2025, `month`='12', `day`=31);
