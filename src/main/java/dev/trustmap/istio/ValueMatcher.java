package dev.trustmap.istio;

/** Compares one attribute value with one value written in a policy. */
public interface ValueMatcher {

    boolean matches(String actual);

    /** The policy value as written. */
    String raw();

    /** The one value this matcher accepts, when it compares exactly; null otherwise. */
    default String exactValue() {
        return null;
    }

    /** Whether this matcher accepts any non-empty value ({@code *}). */
    default boolean presenceOnly() {
        return false;
    }

    static ValueMatcher of(StringMatch match) {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return match.matches(actual);
            }

            @Override
            public String exactValue() {
                return match.kind() == StringMatch.Kind.EXACT ? match.raw() : null;
            }

            @Override
            public boolean presenceOnly() {
                return match.kind() == StringMatch.Kind.PRESENCE;
            }

            @Override
            public String raw() {
                return match.raw();
            }
        };
    }

    /** Envoy's presence match for headers: any value, empty included. */
    static ValueMatcher present() {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return actual != null;
            }

            @Override
            public String raw() {
                return "*";
            }

            @Override
            public boolean presenceOnly() {
                return true;
            }
        };
    }

    static ValueMatcher of(IpMatch match) {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return match.matches(actual);
            }

            @Override
            public String raw() {
                return match.toString();
            }
        };
    }
}
