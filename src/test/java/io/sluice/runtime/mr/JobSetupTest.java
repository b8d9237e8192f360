package io.sluice.runtime.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.job.ExpressionTyper;
import io.sluice.job.JobDefinitions;
import io.sluice.job.JobValidator;
import io.sluice.job.SampleLake;
import io.sluice.plan.MapReduceJob;
import io.sluice.plan.Planner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
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

    @Test
    void aLocalJobCarriesWhatDiffersFromHadoopsDefaultsAndItsTasksSeeTheWhole() throws IOException {
        Configuration base = Job.getInstance(new Configuration()).getConfiguration();
        base.setInt(MRJobConfig.IO_SORT_MB, 1);
        base.set("sluice.test.setting", "x");

        Configuration job = JobSetup.withoutDefaults(base);

        assertThat(job.get(MRJobConfig.IO_SORT_MB)).as("set over a default").isEqualTo("1");
        assertThat(job.get("sluice.test.setting")).isEqualTo("x");
        assertThat(job.get("io.file.buffer.size"))
                .as("only in core-default.xml")
                .isNull();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        job.writeXml(xml);
        JobConf task = new JobConf();
        task.addResource(new ByteArrayInputStream(xml.toByteArray()), "job.xml");
        for (Map.Entry<String, String> property : base) {
            assertThat(task.getRaw(property.getKey())).as(property.getKey()).isEqualTo(property.getValue());
        }
    }

    @Test
    void mapTasksThatSortEveryRowReadSplitsTheirSortBufferHolds() throws IOException {
        String source = "name: j\nsource: { table: lake.sales }\noutput: { path: out/j }\n";
        assertThat(maxSplit(source + "stages: [ { map: { filter: \"qty > 0\" } } ]"))
                .as("map-only")
                .isEqualTo(RowInputFormat.UNSORTED_MAX_SPLIT);
        assertThat(maxSplit(source + "stages: [ { reduce: { group_by: [country], aggregate: { n: \"count(*)\" } } } ]"))
                .as("pre-aggregated in the mapper")
                .isEqualTo(RowInputFormat.UNSORTED_MAX_SPLIT);
        assertThat(maxSplit(source + "stages: [ { sort: { by: [order_ts] } } ]"))
                .as("every row sorted")
                .isEqualTo(RowInputFormat.DEFAULT_MAX_SPLIT);
    }

    private static long maxSplit(String yaml) throws IOException {
        MapReduceJob mr = new Planner(name -> OptionalLong.empty(), Planner.DEFAULT_BROADCAST_LIMIT)
                .plan(new JobValidator(SampleLake.resolver(), ExpressionTyper.compiling())
                        .validate(JobDefinitions.parse("j.yaml", yaml)))
                .jobs()
                .get(0);
        Configuration conf = Job.getInstance(new Configuration()).getConfiguration();
        JobSetup.splitBounds(conf, mr);
        return conf.getLong(RowInputFormat.MAX_SPLIT, RowInputFormat.DEFAULT_MAX_SPLIT);
    }
}
