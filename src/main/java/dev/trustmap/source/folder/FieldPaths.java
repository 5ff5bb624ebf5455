package dev.trustmap.source.folder;

import java.util.regex.Pattern;

/** Builds the field paths used in errors and line lookups, such as {@code spec.rules[0].from}. */
final class FieldPaths {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private FieldPaths() {}

    /** The path of field {@code name} inside the object at {@code parent} ({@code ""} is the document root). */
    static String field(String parent, String name) {
        if (!PLAIN_KEY.matcher(name).matches()) {
            return parent + "[\"" + name + "\"]";
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path shown to users: the root is {@code (document)}. */
    static String display(String path) {
        return path.isEmpty() ? null : path;
    }
}
