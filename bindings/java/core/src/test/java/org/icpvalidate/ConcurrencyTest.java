package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator shared by many threads gives every thread the answers one thread gets. */
class ConcurrencyTest {
    private static final int THREADS = 16;

    @Test
    void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
        List<String> lines = Corpus.lines("tests/baseline/fields.jsonl").subList(0, 600);
        List<String[]> cases = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> c = Corpus.object(line);
            cases.add(new String[] {(String) c.get("field"), (String) c.get("value"), Corpus.canonical(c.get("context"))});
        }
        byte[] filing = java.nio.file.Files.readAllBytes(Corpus.root().resolve("examples/filings/website_with_mistakes.json"));
        Options en = Options.locale("en").withToday(java.time.LocalDate.of(2026, 11, 30));
        try (IcpValidator icp = new IcpValidator(Engine.COMPILED, 4)) {
            List<String> expected = new ArrayList<>();
            for (String[] c : cases) {
                expected.add(icp.validateField(c[0], c[1], Context.fromJson(c[2]), en).json());
            }
            String expectedFiling = icp.validateFiling(filing, en).json();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 37;
                done.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < cases.size(); i++) {
                        int k = (i + offset) % cases.size();
                        String[] c = cases.get(k);
                        assertEquals(expected.get(k), icp.validateField(c[0], c[1], Context.fromJson(c[2]), en).json());
                        assertEquals(icp.isValid(c[0], c[1], Context.fromJson(c[2]), en), expected.get(k).contains("\"valid\":true"));
                        checked++;
                        if (i % 100 == 0) {
                            assertEquals(expectedFiling, icp.validateFiling(filing, en).json());
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            pool.shutdown();
            assertEquals(THREADS * cases.size(), total);
        }
    }

    @Test
    void refusedArgumentsLeaveThePoolUsable() {
        try (IcpValidator icp = new IcpValidator(Engine.COMPILED, 1)) {
            for (int i = 0; i < 3; i++) {
                IcpValidateException e = org.junit.jupiter.api.Assertions.assertThrows(IcpValidateException.class,
                        () -> icp.validateField("mobile", "13800138000", Context.fromJson("[1]"), Options.defaults()));
                assertEquals("bad_context", e.kind());
                assertTrue(icp.isValid("mobile", "13800138000"));
            }
        }
    }
}
