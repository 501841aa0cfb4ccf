package dev.icpvalidate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * The re-check job. Two commands:
 *
 * <pre>
 * batch   [--input FILE|-] [--output DIR|-]     the CLI's batch: field lines in, one answer per line
 *                                               out, in input order (- : stdin / stdout)
 * filings --input PATH --output DIR             records in (JSON lines {"key":..,"filing":{..}} or
 *         [--format jsonl|parquet]              Parquet with key and filing columns), findings and
 *         [--key-column key] [--filing-column filing]   a summary out
 *         [--output-format parquet|json|csv]
 * both:   [--locale zh-CN|en] [--today YYYY-MM-DD] [--provider ID] [--master URL]
 * </pre>
 *
 * Today defaults to the date in Asia/Shanghai, taken once on the driver. Without --master and
 * without spark.master (spark-submit sets it) the job runs in local mode on every core.
 */
public final class RecheckJob {
    private RecheckJob() {}

    static final class Args {
        String command;
        String input;
        String output;
        String format;
        String outputFormat = "parquet";
        String keyColumn = "key";
        String filingColumn = "filing";
        String master;
        CheckOptions options = CheckOptions.defaults();

        static Args parse(String[] argv) {
            Args a = new Args();
            if (argv.length == 0) throw new IllegalArgumentException("a command: batch or filings");
            a.command = argv[0];
            if (!a.command.equals("batch") && !a.command.equals("filings")) {
                throw new IllegalArgumentException("unknown command " + a.command + " (batch, filings)");
            }
            for (int i = 1; i < argv.length; i++) {
                String flag = argv[i];
                if (i + 1 >= argv.length) throw new IllegalArgumentException(flag + " needs a value");
                String v = argv[++i];
                switch (flag) {
                    case "--input" -> a.input = v;
                    case "--output" -> a.output = v;
                    case "--format" -> a.format = v;
                    case "--output-format" -> a.outputFormat = v;
                    case "--key-column" -> a.keyColumn = v;
                    case "--filing-column" -> a.filingColumn = v;
                    case "--master" -> a.master = v;
                    case "--locale" -> a.options = a.options.withLocale(v);
                    case "--today" -> a.options = a.options.withToday(LocalDate.parse(v));
                    case "--provider" -> a.options = a.options.withProvider(v);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (a.command.equals("batch")) {
                if (a.input == null) a.input = "-";
                if (a.output == null) a.output = "-";
            } else if (a.input == null || a.output == null) {
                throw new IllegalArgumentException("filings needs --input and --output");
            }
            if (a.format == null) a.format = a.input.endsWith(".parquet") ? "parquet" : "jsonl";
            return a;
        }
    }

    public static void main(String[] argv) throws IOException {
        Args args;
        try {
            args = Args.parse(argv);
            Verdicts.checkOptions(args.options);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println("icp-validate-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("icp-validate " + args.command);
        if (args.master != null) builder.master(args.master);
        else if (System.getProperty("spark.master") == null) builder.master("local[*]");
        SparkSession spark = builder.getOrCreate();
        int status;
        try {
            status = args.command.equals("batch") ? batch(spark, args) : filings(spark, args);
        } finally {
            spark.stop();
        }
        System.err.println("icp-validate-spark: " + peakHeap());
        System.exit(status);
    }

    /** The CLI's {@code batch}: exit status 1 when any line is invalid, as the CLI's. */
    static int batch(SparkSession spark, Args args) throws IOException {
        Path stdinCopy = null;
        String input = args.input;
        if (input.equals("-")) {
            stdinCopy = Files.createTempFile("icp-validate-batch", ".jsonl");
            try (InputStream in = System.in) {
                Files.copy(in, stdinCopy, StandardCopyOption.REPLACE_EXISTING);
            }
            input = stdinCopy.toString();
        }
        try {
            LongAccumulator invalid = spark.sparkContext().longAccumulator("invalid lines");
            Dataset<String> answers = answers(spark, input, args.options, invalid);
            if (args.output.equals("-")) {
                Path dir = Files.createTempDirectory("icp-validate-answers");
                try {
                    answers.write().mode(SaveMode.Overwrite).text(dir.toString());
                    writeParts(dir, System.out);
                } finally {
                    deleteTree(dir);
                }
            } else {
                answers.write().mode(SaveMode.Overwrite).text(args.output);
            }
            return invalid.value() > 0 ? 1 : 0;
        } finally {
            if (stdinCopy != null) Files.deleteIfExists(stdinCopy);
        }
    }

    /** The answers to the field lines of {@code path}, one per line, in input order. */
    public static Dataset<String> answers(SparkSession spark, String path, CheckOptions options, LongAccumulator invalid) {
        Verdicts.checkOptions(options);
        // Only \n ends a line, as for the CLI (a \r before it is the line's, and the module drops it).
        Dataset<Row> lines = spark.read().option("lineSep", "\n").text(path)
                .select(col("value").cast(DataTypes.BinaryType));
        return lines.mapPartitions(new BatchLines(options, invalid), Encoders.STRING());
    }

    /** The part files of a text output, in partition order, concatenated. */
    private static void writeParts(Path dir, PrintStream out) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        OutputStream o = new BufferedOutputStream(out, 1 << 16);
        for (Path p : parts) Files.copy(p, o);
        o.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Checks every record; writes {@code OUTPUT/findings} and {@code OUTPUT/summary}. */
    static int filings(SparkSession spark, Args args) {
        Dataset<Row> checked = checkRecords(spark, readRecords(spark, args), args)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> findings = findings(checked);
            Dataset<Row> summary = summary(checked);
            findings.write().mode(SaveMode.Overwrite).format(args.outputFormat).option("header", "true")
                    .save(args.output + "/findings");
            summary.coalesce(1).write().mode(SaveMode.Overwrite).format(args.outputFormat).option("header", "true")
                    .save(args.output + "/summary");
            Row totals = checked.agg(count(lit(1)), sum(when(not(col("valid")), 1).otherwise(0))).first();
            System.err.printf("icp-validate-spark: %d records checked, %d invalid; findings and summary in %s%n",
                    totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1), args.output);
        } finally {
            checked.unpersist();
        }
        return 0;
    }

    /** The input as {@link FilingRecords#INPUT} rows. */
    static Dataset<Row> readRecords(SparkSession spark, Args args) {
        return switch (args.format) {
            case "jsonl", "json" -> spark.read().option("lineSep", "\n").text(args.input).select(
                    lit(null).cast(DataTypes.StringType).as("key"),
                    lit(null).cast(DataTypes.BinaryType).as("filing"),
                    col("value").cast(DataTypes.BinaryType).as("line"));
            case "parquet" -> {
                Dataset<Row> in = spark.read().parquet(args.input);
                Column filing = in.schema().apply(args.filingColumn).dataType() instanceof org.apache.spark.sql.types.StructType
                        ? org.apache.spark.sql.functions.to_json(col(args.filingColumn))
                        : col(args.filingColumn);
                yield in.select(col(args.keyColumn).cast(DataTypes.StringType).as("key"),
                        filing.cast(DataTypes.BinaryType).as("filing"),
                        lit(null).cast(DataTypes.BinaryType).as("line"));
            }
            default -> throw new IllegalArgumentException("unknown --format " + args.format + " (jsonl, parquet)");
        };
    }

    /** One {@link FilingRecords#CHECKED} row per input record. */
    public static Dataset<Row> checkRecords(SparkSession spark, Dataset<Row> records, Args args) {
        Verdicts.checkOptions(args.options);
        return records.mapPartitions(new FilingRecords(args.options, args.keyColumn, args.filingColumn),
                Encoders.row(FilingRecords.CHECKED));
    }

    /** One row per finding: key, path, code, severity, message. */
    public static Dataset<Row> findings(Dataset<Row> checked) {
        return checked.select(col("key"), explode(col("findings")).as("f"))
                .select(col("key"), col("f.path").as("path"), col("f.code").as("code"),
                        col("f.severity").as("severity"), col("f.message").as("message"));
    }

    /**
     * Counts per code, per province and per provider profile: {@code dimension}, {@code value},
     * {@code records} (with that code / in that province / under that profile), {@code
     * invalid_records}, {@code errors}, {@code warnings} (findings counted).
     */
    public static Dataset<Row> summary(Dataset<Row> checked) {
        Dataset<Row> numbered = checked.withColumn("rid", monotonically_increasing_id());
        Column errors = org.apache.spark.sql.functions.size(org.apache.spark.sql.functions.filter(
                col("findings"), f -> f.getField("severity").equalTo("error")));
        Column warnings = org.apache.spark.sql.functions.size(org.apache.spark.sql.functions.filter(
                col("findings"), f -> f.getField("severity").equalTo("warning")));
        List<Dataset<Row>> parts = new ArrayList<>();
        for (String dim : new String[] {"province", "provider"}) {
            parts.add(numbered.groupBy(col(dim).as("value")).agg(
                    count(lit(1)).as("records"),
                    sum(when(not(col("valid")), 1).otherwise(0)).cast(DataTypes.LongType).as("invalid_records"),
                    sum(errors).cast(DataTypes.LongType).as("errors"),
                    sum(warnings).cast(DataTypes.LongType).as("warnings"))
                    .select(lit(dim).as("dimension"), col("value"), col("records"), col("invalid_records"),
                            col("errors"), col("warnings")));
        }
        Dataset<Row> perFinding = numbered.select(col("rid"), col("valid"), explode(col("findings")).as("f"));
        parts.add(perFinding.groupBy(col("f.code").as("value")).agg(
                count_distinct(col("rid")).as("records"),
                count_distinct(when(not(col("valid")), col("rid"))).as("invalid_records"),
                sum(when(col("f.severity").equalTo("error"), 1).otherwise(0)).cast(DataTypes.LongType).as("errors"),
                sum(when(col("f.severity").equalTo("warning"), 1).otherwise(0)).cast(DataTypes.LongType).as("warnings"))
                .select(lit("code").as("dimension"), col("value"), col("records"), col("invalid_records"),
                        col("errors"), col("warnings")));
        Dataset<Row> all = parts.get(0).unionByName(parts.get(1)).unionByName(parts.get(2));
        return all.orderBy(col("dimension"), col("records").desc(), col("value"));
    }

    /**
     * This JVM's heap at its fullest, for sizing executors: the sum of each heap pool's peak (an
     * upper bound: the pools peak at different times). In local mode the driver and the executor
     * are this one JVM.
     */
    static String peakHeap() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        long max = Runtime.getRuntime().maxMemory();
        return String.format("peak heap %d MB (sum of pool peaks), max heap %d MB", peak >> 20, max >> 20);
    }
}
