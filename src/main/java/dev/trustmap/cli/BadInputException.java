package dev.trustmap.cli;

/** Input the user must fix (an option value, a name not found); its message is shown as is. */
public final class BadInputException extends Exception {
    /** An error with the one line to show the user. */
    public BadInputException(String message) {
        super(message);
    }
}
