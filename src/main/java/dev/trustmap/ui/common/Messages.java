package dev.trustmap.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-facing strings of {@code i18n/messages.properties}. */
public final class Messages {
    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The default bundle for the current locale. */
    public static Messages load() {
        return new Messages(ResourceBundle.getBundle("i18n.messages", Locale.getDefault()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key} with {@code {0}}-style arguments filled in; the key itself when missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
