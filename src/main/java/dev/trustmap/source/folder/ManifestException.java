package dev.trustmap.source.folder;

/**
 * Bad input in a manifest: names the file, the line (1-based, 0 when unknown), the field path (may be null)
 * and what is wrong. {@link #getMessage()} is the one line shown to users.
 */
public final class ManifestException extends Exception {
    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public ManifestException(String file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (field != null) {
            text.append(": field ").append(field);
        }
        return text.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
