package org.fieldplan.validation;

/**
 * Builds the {@link ValidationError#path() paths} of validation errors, so that the validator and the JSON reader
 * name the same item the same way.
 */
public final class ErrorPath {

    /** The path of errors that concern the document as a whole (e.g. malformed JSON before any field). */
    public static final String ROOT = "(document)";

    private ErrorPath() {
    }

    /**
     * An item of a collection: {@code precincts[3] (id "P0004")}, or {@code availability[0]} when it has no id.
     *
     * @param collectionPath the path of the collection, e.g. {@code precincts} or {@code volunteers[1].availability}
     * @param id the item's id, or null
     */
    public static String item(String collectionPath, int index, String id) {
        String item = collectionPath + "[" + index + "]";
        return id == null ? item : item + " (id \"" + id + "\")";
    }

    /** A field of an object: {@code parent.field}, or just {@code field} at the root. */
    public static String field(String parentPath, String field) {
        return parentPath.isEmpty() ? field : parentPath + "." + field;
    }
}
