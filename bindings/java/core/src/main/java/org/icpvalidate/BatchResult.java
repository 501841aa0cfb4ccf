package org.icpvalidate;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers to a chunk of batch lines ({@code {"field","value","context"}} per line), as
 * {@code icp-validate batch} prints them.
 *
 * @param allValid every line valid (the CLI exits 0)
 * @param output   one compact JSON result per input line, in order, each ending in {@code \n}
 */
public record BatchResult(boolean allValid, String output) {

    /** The output's lines as results. */
    public List<FieldResult> results() {
        List<FieldResult> out = new ArrayList<>();
        int start = 0;
        while (start < output.length()) {
            int end = output.indexOf('\n', start);
            out.add(FieldResult.parse(output.substring(start, end + 1)));
            start = end + 1;
        }
        return out;
    }
}
