package org.fieldplan.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelTimeMatrix;
import org.fieldplan.vote.MarginalVoteModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vote-value model and the travel matrix on their own, on the generated M region: the marginal value of one more
 * shift in a precinct, and the reachable precincts of one volunteer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ModelComponentsBenchmark {

    private Precinct[] precincts;
    private Volunteer[] volunteers;
    private TravelTimeMatrix travel;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        FieldPlan plan = ProblemPreparer.prepare(new RegionGenerator().generate(RegionSize.M, 7));
        precincts = plan.getPrecincts().stream().filter(Precinct::isWorthCanvassing).toArray(Precinct[]::new);
        volunteers = plan.getVolunteers().toArray(Volunteer[]::new);
        travel = new GreatCircleTravelTimeMatrix(plan.getPrecincts(), plan.getTravel());
    }

    @Benchmark
    public double marginalVotesOfOneMoreShift() {
        Precinct precinct = precincts[next++ % precincts.length];
        double existing = 3 * precinct.logUncoveredShare(0.6, 3);
        return MarginalVoteModel.marginalVotes(precinct, existing, 0.6, 3);
    }

    @Benchmark
    public List<PrecinctTravel> reachablePrecinctsOfOneVolunteer() {
        Volunteer volunteer = volunteers[next++ % volunteers.length];
        return travel.within(volunteer, volunteer.getMaxTravelMinutes());
    }
}
