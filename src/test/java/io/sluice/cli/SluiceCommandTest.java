package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.cluster.NioLocalFileSystem;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SluiceCommandTest {
    @Test
    void eachLocalHadoopConfigurationIsACopyToChange() {
        assumeTrue(System.getenv("HADOOP_CONF_DIR") == null, "runs locally only without HADOOP_CONF_DIR");
        SluiceCommand command = new SluiceCommand();

        Configuration first = command.hadoopConfiguration();
        first.set("sluice.test.changed", "yes");
        Configuration second = command.hadoopConfiguration();

        assertThat(second).isNotSameAs(first);
        assertThat(second.get("sluice.test.changed")).isNull();
        assertThat(second.get(NioLocalFileSystem.IMPL)).isEqualTo(NioLocalFileSystem.class.getName());
        assertThat(second.get("mapreduce.job.reduces"))
                .as("mapred-default.xml's")
                .isEqualTo("1");
    }
}
