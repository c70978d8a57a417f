package org.fieldplan.data.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fieldplan.data.importer.StagingFileReader;
import org.fieldplan.data.mapping.StagingMapping;
import org.fieldplan.domain.StagingLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fieldplan import staging}: staging locations from a CSV table or a point file, read through a mapping, added
 * to a region.
 */
@Command(name = "staging", mixinStandardHelpOptions = true,
        description = "Adds staging locations (where teams meet) from a CSV file or a point file (GeoJSON, GeoPackage, "
                + "zipped shapefile) through a mapping to a stored region (docs/staging.md); --dry-run only checks the "
                + "file.",
        footer = {"", CliContext.DATABASE, "", "Example:",
                "  fieldplan import staging --region ri --file offices.csv --mapping docs/mappings/staging-offices.json"})
final class StagingImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, description = "a stored region's id")
    String region;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "the CSV table, one location a "
            + "row, or a point file GDAL reads (GeoJSON, GeoPackage, zipped shapefile …)")
    Path file;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "the staging mapping file")
    Path mapping;

    @Option(names = "--dry-run", description = "read and check only; nothing is stored (no database needed)")
    boolean dryRun;

    StagingImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CliContext.regionId(spec, region);
        CliContext.existingFile(spec, "--file", file);
        CliContext.existingFile(spec, "--mapping", mapping);
        List<StagingLocation> locations = StagingFileReader.read(file, file.getFileName().toString(),
                StagingMapping.load(mapping));
        if (dryRun) {
            context.out().printf("checked %d staging locations; nothing stored (--dry-run)%n", locations.size());
            return 0;
        }
        context.stores(spec).regions().addStagingLocations(region, locations);
        context.out().printf("added %d staging locations to region %s%n", locations.size(), region);
        return 0;
    }
}
