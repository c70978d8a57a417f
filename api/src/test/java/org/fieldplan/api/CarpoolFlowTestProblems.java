package org.fieldplan.api;

/** {@link CarpoolFlowTest}'s problem for tests in other packages. */
public final class CarpoolFlowTestProblems {

    private CarpoolFlowTestProblems() {
    }

    /**
     * Drivers D1, D2 (who lead teams) and walkers R1–R3 near the east; precincts NEAR and EAST-LEADS (team leads
     * only) in the east, FAR and LEADS (team leads only) in the west, each side with its staging location.
     */
    public static String withTwoStagingLocations() {
        String eastLeads = CarpoolFlowTest.precinct("EAST-LEADS", -71.41, 0.30)
                .replace("\"districtIds\"", "\"requiredSkills\": [\"TEAM_LEAD\"], \"districtIds\"");
        String leads = CarpoolFlowTest.precinct("LEADS", -71.88, 0.30)
                .replace("\"districtIds\"", "\"requiredSkills\": [\"TEAM_LEAD\"], \"districtIds\"");
        return CarpoolFlowTest.problem("\"CANVASS\", \"TEAM_LEAD\"", leads, eastLeads).replace("\"precincts\": [",
                """
                "stagingLocations": [
                  {"id": "WEST", "point": {"type": "Point", "coordinates": [-71.89, 41.82]}, "teamsPerSlot": 5},
                  {"id": "EAST", "point": {"type": "Point", "coordinates": [-71.405, 41.82]}, "teamsPerSlot": 5}],
                 "precincts": [""");
    }
}
