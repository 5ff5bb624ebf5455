package dev.trustmap.text;

/** Counts with their noun in the right number, for messages and output: {@code 1 change}, {@code 3 changes}. */
public final class Plural {
    private Plural() {}

    /** {@code count} and the noun: {@code singular} for exactly one, else {@code plural}. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** {@code count} and the noun, plural with an {@code s}: {@code 1 change}, {@code 2 changes}. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }
}
