package org.fieldplan.data.importer;

import java.util.List;
import java.util.stream.Collectors;

import org.fieldplan.data.StoreException;
import org.fieldplan.validation.ValidationError;

/**
 * An upload ({@link RegionUpload}) refused before anything was stored: every error of every part, each with the part
 * and field it concerns, e.g. {@code precincts.features[3]: registered voters: "597.0" is not a number} or
 * {@code calendar.timeZone: is not an IANA time zone}.
 */
public class UploadRejectedException extends StoreException {

    private final List<ValidationError> errors;

    public UploadRejectedException(List<ValidationError> errors) {
        super("upload rejected, nothing stored:" + errors.stream().map(e -> "\n  " + e)
                .collect(Collectors.joining()));
        this.errors = List.copyOf(errors);
    }

    /** Every error, in the order of the parts (calendar, mapping, precincts, volunteers). */
    public List<ValidationError> errors() {
        return errors;
    }
}
