package org.fieldplan.data.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;

/** {@link CandidatePairs} from the problem's own objects: an STR-tree over precinct points and haversine distances. */
public final class InMemoryCandidatePairs implements CandidatePairs {

    @Override
    public SparseTravelTimeMatrix compute(String regionId, FieldPlanProblem problem) {
        GreatCircleTravelTimeMatrix greatCircle = new GreatCircleTravelTimeMatrix(problem.precincts(), problem.travel());
        Map<String, List<PrecinctTravel>> pairs = new HashMap<>();
        for (Volunteer volunteer : problem.volunteers()) {
            pairs.put(volunteer.getId(), greatCircle.within(volunteer, volunteer.getMaxTravelMinutes()));
        }
        return new SparseTravelTimeMatrix(pairs);
    }
}
