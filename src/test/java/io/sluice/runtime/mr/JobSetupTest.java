package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.Test;

class JobSetupTest {

    @Test
    void sluicesSettingsReplaceHadoopsDefaults() throws IOException {
        Configuration conf = Job.getInstance(new Configuration()).getConfiguration();
        assertThat(conf.get(MRJobConfig.IO_SORT_MB))
                .as("mapred-default.xml's value")
                .isEqualTo("100");

        JobSetup.setUnlessConfigured(conf, MRJobConfig.IO_SORT_MB, "256");
        JobSetup.setUnlessConfigured(conf, "sluice.test.unset", "x");

        assertThat(conf.get(MRJobConfig.IO_SORT_MB)).isEqualTo("256");
        assertThat(conf.get("sluice.test.unset")).isEqualTo("x");
    }

    @Test
    void localReducersShareTheHeapForMapOutputs() throws IOException {
        Configuration conf = Job.getInstance(new Configuration()).getConfiguration();
        conf.setInt("mapreduce.local.reduce.tasks.maximum", 2);

        JobSetup.localReduceMemory(conf);

        assertThat(conf.getFloat(MRJobConfig.SHUFFLE_INPUT_BUFFER_PERCENT, 0)).isEqualTo(0.35f);
        assertThat(conf.getFloat(MRJobConfig.REDUCE_INPUT_BUFFER_PERCENT, 0)).isEqualTo(0.5f);
    }

    @Test
    void settingsTheUserMadeStay() throws IOException {
        Configuration base = new Configuration();
        base.setInt(MRJobConfig.IO_SORT_MB, 1);
        Configuration conf = Job.getInstance(new Configuration(base)).getConfiguration();

        JobSetup.setUnlessConfigured(conf, MRJobConfig.IO_SORT_MB, "256");

        assertThat(conf.get(MRJobConfig.IO_SORT_MB)).isEqualTo("1");
    }
}
