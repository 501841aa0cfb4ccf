package org.icpvalidate.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.icpvalidate.FilingReport;
import org.icpvalidate.IcpValidateException;
import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/**
 * {@code java -jar icp-validate-cli.jar batch|filing}: the {@code icp-validate} CLI's
 * {@code batch} and {@code filing} commands, with the same stdout bytes and exit statuses
 * (0 valid, 1 invalid, 2 usage or unreadable input, 141 stdout closed early).
 */
public final class Main {
    private static final String SYNOPSIS = String.join("\n",
            "usage:",
            "  icp-validate batch [--today YYYY-MM-DD] [--locale zh-CN|en]",
            "                                            JSON lines {\"field\",\"value\",\"context\"} on stdin",
            "  icp-validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]",
            "  icp-validate --help | --version");
    private static final String PROVIDERS = "nwcd, sinnet, aliyun, generic";
    private static final int CLOSED_STDOUT = 141;

    /** A usage error: the message and the synopsis on stderr, exit 2. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs the command line; returns the exit status. */
    static int run(String[] args, InputStream stdin, OutputStream stdoutRaw, PrintStream stderr) {
        OutputStream stdout = new BufferedOutputStream(stdoutRaw, 64 * 1024);
        try {
            int status = dispatch(args, stdin, stdout);
            stdout.flush();
            return status;
        } catch (Usage u) {
            stderr.println("icp-validate: " + u.getMessage() + "\n" + SYNOPSIS + "\n(icp-validate --help: options and exit status)");
            return 2;
        } catch (IcpValidateException e) {
            stderr.println("icp-validate: " + e.getMessage());
            return 2;
        } catch (StdoutClosed e) {
            return CLOSED_STDOUT;
        } catch (IOException e) {
            stderr.println("icp-validate: " + e.getMessage());
            return 2;
        }
    }

    /** Writing to stdout failed: the reader went away (as after SIGPIPE). */
    private static final class StdoutClosed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static int dispatch(String[] raw, InputStream stdin, OutputStream stdout) throws Usage, IOException, StdoutClosed {
        List<String> positional = new ArrayList<>();
        String locale = "zh-CN", provider = null;
        LocalDate today = null;
        for (int i = 0; i < raw.length; i++) {
            String a = raw[i];
            switch (a) {
                case "-h":
                case "--help":
                    write(stdout, "icp-validate (JVM): the batch and filing commands of the icp-validate CLI.\n\n" + SYNOPSIS
                            + "\n\nexit status:\n  0    valid (batch: every line valid)\n  1    invalid\n"
                            + "  2    usage error or an input file that cannot be read\n  141  stdout closed early\n");
                    return 0;
                case "-V":
                case "--version":
                    try (IcpValidator icp = new IcpValidator()) {
                        write(stdout, "icp-validate " + icp.version().version() + "\n");
                    }
                    return 0;
                case "--locale":
                    if (++i == raw.length) {
                        throw new Usage("--locale needs zh-CN or en");
                    }
                    locale = raw[i];
                    break;
                case "--provider":
                    if (++i == raw.length) {
                        throw new Usage("--provider needs one of " + PROVIDERS);
                    }
                    provider = raw[i];
                    break;
                case "--today":
                    if (++i == raw.length) {
                        throw new Usage("--today needs YYYY-MM-DD");
                    }
                    try {
                        today = LocalDate.parse(raw[i]);
                    } catch (DateTimeParseException e) {
                        throw new Usage("--today: \"" + raw[i] + "\" is not YYYY-MM-DD");
                    }
                    break;
                case "--":
                    for (i++; i < raw.length; i++) {
                        positional.add(raw[i]);
                    }
                    break;
                default:
                    if (a.startsWith("--")) {
                        throw new Usage("unknown option " + a + " (values starting with '-' go after '--')");
                    }
                    positional.add(a);
            }
        }
        if (positional.isEmpty()) {
            throw new Usage("no command given");
        }
        IcpValidator icp = new IcpValidator(org.icpvalidate.Engine.COMPILED, 1);
        Options options = Options.locale(locale).withToday(today).withProvider(provider);
        try {
            icp.fields(options); // resolves the locale: a bad tag is a usage error before any input is read
        } catch (IcpValidateException e) {
            throw new Usage("unknown locale \"" + locale + "\" (zh-CN or en)");
        }
        String command = positional.get(0);
        switch (command) {
            case "batch":
                if (positional.size() != 1) {
                    throw new Usage("batch takes no arguments, got " + positional.subList(1, positional.size()));
                }
                try {
                    return icp.batch(stdin, new ClosedAware(stdout), options) ? 0 : 1;
                } catch (ClosedAware.Closed e) {
                    throw new StdoutClosed();
                }
            case "filing":
                if (positional.size() != 2) {
                    throw new Usage("filing takes <FILE.json|->");
                }
                if (provider != null && !List.of(PROVIDERS.split(", ")).contains(provider)) {
                    throw new Usage("unknown provider \"" + provider + "\" (one of " + PROVIDERS + ")");
                }
                String path = positional.get(1);
                byte[] bytes;
                try (InputStream in = path.equals("-") ? stdin : new FileInputStream(path)) {
                    bytes = in.readNBytes(IcpValidator.FILING_READ_LIMIT);
                } catch (IOException e) {
                    throw new IOException((path.equals("-") ? "stdin" : path) + ": " + e.getMessage(), e);
                }
                FilingReport report = icp.validateFiling(bytes, options);
                write(stdout, report.json());
                return report.valid() ? 0 : 1;
            default:
                throw new Usage("unknown command \"" + command + "\" (batch, filing)");
        }
    }

    private static void write(OutputStream out, String text) throws StdoutClosed {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new StdoutClosed();
        }
    }

    /** Tells a write to a closed stdout apart from a failed read of stdin. */
    private static final class ClosedAware extends OutputStream {
        static final class Closed extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final OutputStream out;

        ClosedAware(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new Closed();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new Closed();
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new Closed();
            }
        }
    }
}
