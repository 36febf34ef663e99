package org.abusedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.abusedesk.local.ProjectRoot;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the warm-path benchmarks twice, each in its own fork: once with Lambda's {@code -XX:TieredStopAtLevel=1}
 * (template.yaml's JAVA_TOOL_OPTIONS) and once with the JVM's default JIT. Writes one line per benchmark and JIT
 * to the file named by the first argument: {@code jit benchmark param score error unit}, tab-separated.
 *
 * <p>Arguments: the results file, then {@code --quick} for a short smoke run.
 */
public final class WarmPaths {

    /** The two forks' JVM arguments, by name. */
    static final List<List<String>> JITS =
            List.of(List.of("c1", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"), List.of("default"));

    private WarmPaths() {}

    public static void main(String[] args) throws IOException, RunnerException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/perf/warm-paths.tsv");
        boolean quick = List.of(args).contains("--quick");
        String root = ProjectRoot.find().path().toString();
        var lines = new ArrayList<String>();
        for (var jit : JITS) {
            var jvmArgs = new ArrayList<String>(List.of(
                    "-Xms512m",
                    "-Xmx512m",
                    "-Dabusedesk.root=" + root,
                    // The log lines are formatted as in Lambda and written nowhere.
                    "-Dlog4j2.configurationFile=log4j2-bench.xml"));
            jvmArgs.addAll(jit.subList(1, jit.size()));
            var options = new OptionsBuilder()
                    .include(FormSubmissionBenchmark.class.getName())
                    .include(MailReadingBenchmark.class.getName())
                    .include(QueueMessageBenchmark.class.getName())
                    .forks(1)
                    .warmupIterations(quick ? 1 : 3)
                    .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
                    .measurementIterations(quick ? 2 : 5)
                    .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                    .jvmArgs(jvmArgs.toArray(String[]::new))
                    .shouldFailOnError(true)
                    .build();
            for (RunResult result : new Runner(options).run()) {
                var params = result.getParams();
                var primary = result.getPrimaryResult();
                String param = params.getParamsKeys().isEmpty()
                        ? "-"
                        : String.join(
                                ",",
                                params.getParamsKeys().stream()
                                        .map(params::getParam)
                                        .toList());
                String benchmark = params.getBenchmark();
                lines.add(String.join(
                        "\t",
                        jit.get(0),
                        benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                        param,
                        String.format(Locale.ROOT, "%.3f", primary.getScore()),
                        String.format(Locale.ROOT, "%.3f", primary.getScoreError()),
                        primary.getScoreUnit()));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
