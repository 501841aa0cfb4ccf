package dev.icpvalidate.spark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The CLI's {@code batch} over one partition of raw input lines (a binary column: the bytes as
 * read, so a line that is not UTF-8 is judged as the CLI judges it). Lines go to the module in
 * chunks, one call per chunk, and come back as one answer per line in input order; the
 * partition is streamed, never held whole.
 */
final class BatchLines implements MapPartitionsFunction<Row, String> {
    /** A few hundred KB per call keeps the crossing cheap without a large buffer per task. */
    static final int CHUNK_BYTES = 512 * 1024;
    static final int CHUNK_LINES = 4096;

    private final CheckOptions options;
    private final LongAccumulator invalid;

    BatchLines(CheckOptions options, LongAccumulator invalid) {
        this.options = options;
        this.invalid = invalid;
    }

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
        return new Answers(rows);
    }

    private final class Answers implements Iterator<String> {
        private final Iterator<Row> rows;
        private final ArrayDeque<String> ready = new ArrayDeque<>();
        private final ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        private final Verdicts verdicts = Verdicts.shared();
        private byte[] pending;

        Answers(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && (pending != null || rows.hasNext())) fill();
            return !ready.isEmpty();
        }

        @Override
        public String next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.poll();
        }

        private void fill() {
            chunk.reset();
            int lines = 0;
            while ((pending != null || rows.hasNext()) && lines < CHUNK_LINES && chunk.size() < CHUNK_BYTES) {
                byte[] line = pending != null ? pending : rows.next().getAs(0);
                pending = null;
                // The text source drops the separator; an absent value is an empty line.
                if (line == null) line = new byte[0];
                if (lines > 0 && chunk.size() + line.length + 1 > Verdicts.MAX_CHUNK_BYTES) {
                    pending = line; // a long line starts the next chunk, so no chunk passes the cap
                    break;
                }
                chunk.write(line, 0, line.length);
                chunk.write('\n');
                lines++;
            }
            byte[] out = verdicts.batch(chunk.toByteArray(), options);
            int start = 0;
            long bad = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == '\n') {
                    String answer = new String(out, start, i - start, StandardCharsets.UTF_8);
                    if (!isValid(answer)) bad++;
                    ready.add(answer);
                    start = i + 1;
                }
            }
            if (ready.size() != lines || start != out.length) {
                throw new IllegalStateException("the module answered " + ready.size() + " lines for " + lines);
            }
            if (bad > 0 && invalid != null) invalid.add(bad);
        }
    }

    /**
     * The answer's own {@code valid}: the first {@code ,"valid":} is the key, since a quote inside
     * a JSON string is always escaped.
     */
    static boolean isValid(String answer) {
        return answer.startsWith("true", answer.indexOf(",\"valid\":") + 9);
    }
}
