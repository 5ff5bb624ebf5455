package dev.trustmap.source.folder;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns Jackson's conversion failures into a field path and one readable sentence. */
final class ConversionErrors {

    private ConversionErrors() {}

    /** The field a conversion failure points at, prefixed with {@code base}. */
    static String pathOf(Throwable failure, String base) {
        JsonMappingException mapping = find(failure);
        String path = base;
        if (mapping == null) {
            return path;
        }
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path = FieldPaths.field(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = FieldPaths.index(path, reference.getIndex());
            }
        }
        return path;
    }

    /** What is wrong with the value and what it should be. */
    static String describe(Throwable failure) {
        JsonMappingException mapping = find(failure);
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "has the value '" + format.getValue() + "', but it must be " + expected(format.getTargetType())
                    + "; fix the value.";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong type: it must be " + expected(mismatch.getTargetType()) + "; fix the value.";
        }
        return "has a value that cannot be read; check its type and indentation.";
    }

    private static JsonMappingException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Stream.of(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping (" + type.getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}
