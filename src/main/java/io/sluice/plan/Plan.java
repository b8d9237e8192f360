package io.sluice.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The MapReduce jobs a job definition runs as, in order; each reads what the one before it wrote. */
public record Plan(String job, List<MapReduceJob> jobs) {
    public Plan {
        requireNonNull(job, "job is null");
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one MapReduce job");
        }
    }

    /** The plan as {@code sluice submit --explain} prints it. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        text.append("job ")
                .append(job)
                .append(": ")
                .append(jobs.size())
                .append(" MapReduce job")
                .append(jobs.size() == 1 ? "" : "s")
                .append('\n');
        for (MapReduceJob mr : jobs) {
            text.append("\nMapReduce job ")
                    .append(mr.number())
                    .append(mr.mapOnly() ? " (map only)" : "")
                    .append('\n');
            text.append("  input: ").append(String.join(", ", mr.inputs())).append('\n');
            text.append("  mapper: ")
                    .append(stages(mr.mapSide(), "read and pass rows on"))
                    .append('\n');
            mr.shuffle().ifPresent(shuffle -> {
                text.append("  shuffle: ").append(shuffle.describe()).append('\n');
                text.append("  reducer: ")
                        .append(mr.shuffleStage().orElseThrow().describe());
                if (!mr.reduceSide().isEmpty()) {
                    text.append(", then ").append(stages(mr.reduceSide(), ""));
                }
                text.append('\n');
            });
            text.append("  output: ")
                    .append(mr.finalOutput() ? "the job's output" : "intermediate rows for job " + (mr.number() + 1))
                    .append('\n');
        }
        return text.toString();
    }

    private static String stages(List<PlannedStage> stages, String none) {
        if (stages.isEmpty()) {
            return none;
        }
        return String.join(
                ", then ", stages.stream().map(PlannedStage::describeRowByRow).toList());
    }
}
