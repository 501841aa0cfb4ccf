package org.icpvalidate;

/**
 * An argument the core module refuses (docs/ABI.md, "Errors"): an unknown locale, provider or
 * attachment kind, a context that is not a JSON object, an input over a cap. Bad <em>content</em>
 * (a wrong ID number, a malformed filing) is never an exception: it is an answer with findings.
 */
public class IcpValidateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /**
     * @param kind    the module's error kind, e.g. {@code bad_locale}, {@code unknown_provider}
     * @param message the module's English text for a developer
     */
    public IcpValidateException(String kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    /** The module's error kind: {@code bad_locale}, {@code bad_context}, {@code too_large}, … */
    public String kind() {
        return kind;
    }
}
