package org.fieldplan.data.importer;

import java.util.List;
import java.util.stream.Collectors;

import org.fieldplan.data.StoreException;

/** An import file was rejected as a whole because of the listed rows; nothing of it was stored. */
public class ImportRejectedException extends StoreException {

    private final String source;
    private final List<RowError> errors;

    public ImportRejectedException(String source, List<RowError> errors) {
        super(source + " rejected, nothing imported: "
                + errors.stream().map(RowError::toString).collect(Collectors.joining("; ")));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The rejected file, as the caller named it. */
    public String source() {
        return source;
    }

    /** Every rejected row, in file order. */
    public List<RowError> errors() {
        return errors;
    }
}
