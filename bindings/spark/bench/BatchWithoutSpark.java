import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.time.LocalDate;

import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/**
 * The JVM library's streaming batch over a file on one thread, no Spark: the share of the job's
 * time that is the module under Chicory (crossing in and out, the rule itself) rather than Spark's
 * row handling. Run by bench.py: java -cp JAR:SPARK_CP BatchWithoutSpark.java FILE
 */
public class BatchWithoutSpark {
    public static void main(String[] args) throws Exception {
        IcpValidator icp = new IcpValidator();
        Options options = Options.locale("en").withToday(LocalDate.of(2026, 11, 30));
        try (var in = new BufferedInputStream(new FileInputStream(args[0]), 1 << 20);
             OutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16)) {
            icp.batch(in, out, options);
        }
    }
}
