package org.icpvalidate;

/** How much a finding weighs: an error makes the value or filing invalid, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    static Severity of(String name) {
        return "warning".equals(name) ? WARNING : ERROR;
    }
}
