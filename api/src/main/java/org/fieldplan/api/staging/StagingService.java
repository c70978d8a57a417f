package org.fieldplan.api.staging;

import java.util.List;
import java.util.NoSuchElementException;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.data.DataStores;
import org.fieldplan.data.importer.ImportRejectedException;
import org.fieldplan.data.importer.StagingFileReader;
import org.fieldplan.data.io.ProblemJson;
import org.fieldplan.data.mapping.MappingException;
import org.fieldplan.data.mapping.StagingMapping;
import org.fieldplan.data.region.TakenIdException;
import org.fieldplan.domain.StagingLocation;
import org.fieldplan.validation.ValidationError;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A region's staging locations in its store: each location read by the problem format's rules (errors name the
 * field), and one that sends out no team refused, since it could only be a mistake on a region.
 */
@Service
public class StagingService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataStores stores;

    public StagingService(DataStores stores) {
        this.stores = stores;
    }

    public List<StagingLocationView> list(String regionId) {
        try {
            return stores.regions().stagingLocations(regionId).stream().map(StagingLocationView::of).toList();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
    }

    /** 400 naming the field (a taken id: {@code id}), 404 for an unknown region. */
    public StagingLocationView add(String regionId, String body) {
        StagingLocation location = read(body);
        add(regionId, List.of(location));
        return StagingLocationView.of(location);
    }

    /** Adds all or nothing; a taken or repeated id is a 400 naming it. */
    public void add(String regionId, List<StagingLocation> locations) {
        try {
            stores.regions().addStagingLocations(regionId, locations);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        } catch (TakenIdException e) {
            throw ApiException.invalid("id", "is taken: " + e.getMessage());
        }
    }

    /**
     * Adds the staging locations of a CSV table, or a point file GDAL reads (GeoJSON, GeoPackage, zipped shapefile),
     * read through a staging mapping ({@code docs/staging.md}), all or nothing: 400 with one error per bad row
     * ({@code file}: {@code row 3: lat (LAT): …}) or for the mapping.
     */
    public List<StagingLocationView> importFile(String regionId, byte[] file, String fileName, byte[] mapping) {
        if (file == null || file.length == 0) {
            throw ApiException.invalid("file", "is required: a CSV table or a point file of staging locations");
        }
        if (mapping == null || mapping.length == 0) {
            throw ApiException.invalid("mapping", "is required: a staging mapping file (docs/import.md)");
        }
        List<StagingLocation> locations;
        try {
            StagingMapping read = StagingMapping.read(mapping, "mapping");
            locations = StagingFileReader.read(file, fileName, read);
        } catch (MappingException e) {
            throw ApiException.invalid("mapping", e.getMessage());
        } catch (ImportRejectedException e) {
            throw ApiException.invalid(e.errors().stream().map(row -> new ValidationError("file", row.toString()))
                    .toList());
        }
        add(regionId, locations);
        return locations.stream().map(StagingLocationView::of).toList();
    }

    /** The body's {@code id} may be left out; when given it must be the one addressed. */
    public StagingLocationView replace(String regionId, String locationId, String body) {
        StagingLocation location = read(withId(body, locationId));
        update(regionId, location);
        return StagingLocationView.of(location);
    }

    void update(String regionId, StagingLocation location) {
        boolean found;
        try {
            found = stores.regions().updateStagingLocation(regionId, location);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
        if (!found) {
            throw ApiException.notFound("staging location", location.id());
        }
    }

    public void remove(String regionId, String locationId) {
        boolean found;
        try {
            found = stores.regions().removeStagingLocation(regionId, locationId);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
        if (!found) {
            throw ApiException.notFound("staging location", locationId);
        }
    }

    /** The region's location of that id. @throws ApiException 404 for an unknown region or location */
    StagingLocation find(String regionId, String locationId) {
        try {
            return stores.regions().stagingLocations(regionId).stream().filter(s -> s.id().equals(locationId))
                    .findFirst().orElseThrow(() -> ApiException.notFound("staging location", locationId));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("region", regionId);
        }
    }

    private static StagingLocation read(String body) {
        StagingLocation location = ProblemJson.readStagingLocation(body == null ? "" : body);
        requireTeams(location);
        return location;
    }

    /** A region's location sends out at least one team (a problem file may state 0 to switch one off). */
    static void requireTeams(StagingLocation location) {
        if (location.teamsPerSlot() < 1) {
            throw ApiException.invalid("teamsPerSlot", "must be at least 1, was " + location.teamsPerSlot());
        }
    }

    private static String withId(String body, String locationId) {
        JsonNode document;
        try {
            document = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            // The strict reader reports it with its position.
            return body;
        }
        if (document instanceof ObjectNode object) {
            JsonNode given = object.get("id");
            if (given == null || given.isNull()) {
                object.put("id", locationId);
            } else if (!given.isTextual() || !given.asText().equals(locationId)) {
                throw ApiException.invalid("id", "must be \"" + locationId + "\", the location addressed, or be left "
                        + "out; was " + given);
            }
            return object.toString();
        }
        return body;
    }
}
