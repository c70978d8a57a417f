package org.fieldplan.solver;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * First phase of the solver: the {@link GreedyPlanner}'s plan, built in one pass over the shifts. It costs
 * O(shifts × candidates) marginal-value look-ups, where a construction heuristic would cost as many full incremental
 * score evaluations, and it is feasible from the start. Riders who were not sent out are then seated in drivers' cars
 * ({@link RideSeating}).
 */
public class GreedyInitializer implements CustomPhaseCommand<FieldPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<FieldPlan> scoreDirector) {
        for (GreedyPlanner.Decision decision : GreedyPlanner.decide(scoreDirector.getWorkingSolution())) {
            scoreDirector.beforeVariableChanged(decision.shift(), "precinct");
            decision.shift().setPrecinct(decision.precinct());
            scoreDirector.afterVariableChanged(decision.shift(), "precinct");
        }
        scoreDirector.triggerVariableListeners();
        RideSeating.seat(scoreDirector);
    }
}
