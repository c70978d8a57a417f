package org.fieldplan.api.assignments;

import org.springframework.http.MediaType;

/** The formats of an organizer's sheet. */
public enum SheetFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8")),
    GEOJSON(MediaType.parseMediaType("application/geo+json"));

    private final MediaType mediaType;

    SheetFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
