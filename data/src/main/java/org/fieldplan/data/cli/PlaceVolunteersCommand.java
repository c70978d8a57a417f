package org.fieldplan.data.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fieldplan.data.importer.SampleRegions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fieldplan place-volunteers}: volunteers at census block-group centres added to a stored region. */
@Command(name = "place-volunteers", mixinStandardHelpOptions = true,
        description = "Adds volunteers placed at population-weighted census block-group centres to a stored region, "
                + "available over its calendar.",
        footer = {"", CliContext.DATABASE, "", "Example:", "  fieldplan place-volunteers --region ct --census "
                + "../shared/data/census/cenpop2020_bg_CT.csv --volunteers 2000 --seed 7"})
final class PlaceVolunteersCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, description = "a stored region's id")
    String region;

    @Option(names = "--census", required = true, paramLabel = "CSV",
            description = "the Census Bureau's centres of population by block group")
    Path census;

    @Option(names = "--volunteers", required = true, paramLabel = "N", description = "how many to add")
    int volunteers;

    @Option(names = "--seed", required = true, description = "random seed")
    long seed;

    PlaceVolunteersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CliContext.regionId(spec, region);
        CliContext.existingFile(spec, "--census", census);
        CliContext.positive(spec, "--volunteers", volunteers);
        int added = new SampleRegions(context.stores(spec).regions())
                .censusVolunteers(region, census, volunteers, seed).size();
        context.out().printf("added %d volunteers to region %s at census block-group centres of %s%n", added, region,
                census.getFileName());
        return 0;
    }
}
