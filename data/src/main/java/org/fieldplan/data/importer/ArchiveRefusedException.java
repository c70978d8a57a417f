package org.fieldplan.data.importer;

import org.fieldplan.data.StoreException;

/**
 * A compressed upload that inflates past its {@link ArchiveLimits}: refused, and whatever had been written of it
 * deleted. The message names the file as uploaded and the limit, never a server path.
 */
public class ArchiveRefusedException extends StoreException {

    private final long bytesWritten;

    ArchiveRefusedException(String message, long bytesWritten) {
        super(message);
        this.bytesWritten = bytesWritten;
    }

    /** How many inflated bytes had been written to disk when the archive was refused (all deleted since). */
    public long bytesWritten() {
        return bytesWritten;
    }
}
