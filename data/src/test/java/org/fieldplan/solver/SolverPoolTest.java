package org.fieldplan.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.data.generator.RegionGenerator;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverStatus;

class SolverPoolTest {

    private static FieldPlan problem() {
        return ProblemPreparer.prepare(new RegionGenerator().generate(12, 30, 7));
    }

    private static SolverPool<FieldPlan> pool(SolverFactory<FieldPlan> factory) {
        return new SolverPool<>(factory, 1, "test");
    }

    @Test
    void handsEveryImprovementOverAndTheFinalBestLast() {
        List<HardMediumSoftLongScore> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<FieldPlan> finalBest = new CompletableFuture<>();
        try (SolverPool<FieldPlan> pool = pool(SolverFactory.create(
                FieldPlanSolverConfig.createEvaluationLimited(5_000)))) {
            pool.solveAndListen("p", id -> problem(), best -> seen.add(best.getScore()), plan -> {
                seen.add(null);
                finalBest.complete(plan);
            }, (id, failure) -> finalBest.completeExceptionally(failure));
            FieldPlan plan = finalBest.join();

            assertThat(seen).hasSizeGreaterThan(1).endsWith((HardMediumSoftLongScore) null);
            List<HardMediumSoftLongScore> improvements = seen.subList(0, seen.size() - 1);
            assertThat(improvements).isSortedAccordingTo(HardMediumSoftLongScore::compareTo);
            assertThat(improvements.get(improvements.size() - 1)).isEqualTo(plan.getScore());
        }
    }

    @Test
    void eachSolveTakesTheSolverFactoryForItsOwnTimeLimit() {
        List<Duration> asked = new CopyOnWriteArrayList<>();
        SolverFactory<FieldPlan> factory = SolverFactory.create(FieldPlanSolverConfig.createEvaluationLimited(1_000));
        CompletableFuture<FieldPlan> first = new CompletableFuture<>();
        CompletableFuture<FieldPlan> second = new CompletableFuture<>();
        try (SolverPool<FieldPlan> pool = new SolverPool<>(limit -> {
            asked.add(limit);
            return factory;
        }, 1, "test")) {
            pool.solveAndListen("short", Duration.ofSeconds(2), id -> problem(), best -> { }, first::complete,
                    (id, failure) -> first.completeExceptionally(failure));
            pool.solveAndListen("long", Duration.ofSeconds(90), id -> problem(), best -> { }, second::complete,
                    (id, failure) -> second.completeExceptionally(failure));

            assertThat(first.join().getScore()).isNotNull();
            assertThat(second.join().getScore()).isNotNull();
            assertThat(asked).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(90));
        }
    }

    @Test
    void aChangeQueuedBeforeTheSolveStartsIsInTheFinalBestAndItsFutureCompletes() {
        CompletableFuture<FieldPlan> finalBest = new CompletableFuture<>();
        CompletableFuture<CompletableFuture<Void>> taken = new CompletableFuture<>();
        try (SolverPool<FieldPlan> pool = pool(SolverFactory.create(
                FieldPlanSolverConfig.createEvaluationLimited(2_000)))) {
            pool.solveAndListen("p", id -> {
                taken.complete(pool.addProblemChange(id, (plan, director) -> {
                    Shift first = plan.getShifts().get(0);
                    director.removeEntity(first, working -> plan.getShifts().remove(working));
                }));
                return problem();
            }, best -> { }, finalBest::complete, (id, failure) -> finalBest.completeExceptionally(failure));

            FieldPlan plan = finalBest.join();
            taken.join().join();
            assertThat(plan.getShifts()).hasSize(problem().getShifts().size() - 1);
        }
    }

    @Test
    void aSolveTerminatedWhileWaitingForAThreadNeverStartsAndTheRunningOneEndsOnRequest() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CompletableFuture<FieldPlan> firstFinal = new CompletableFuture<>();
        List<String> secondCalls = new CopyOnWriteArrayList<>();
        try (SolverPool<FieldPlan> pool = pool(SolverFactory.create(
                FieldPlanSolverConfig.create(Duration.ofHours(1))))) {
            pool.solveAndListen("first", id -> {
                firstStarted.countDown();
                return problem();
            }, best -> { }, firstFinal::complete, (id, failure) -> firstFinal.completeExceptionally(failure));
            pool.solveAndListen("second", id -> {
                secondCalls.add("problem");
                return problem();
            }, best -> secondCalls.add("best"), plan -> secondCalls.add("final"), (id, f) -> secondCalls.add("fail"));
            firstStarted.await();
            assertThat(pool.getSolverStatus("second")).isEqualTo(SolverStatus.SOLVING_SCHEDULED);
            assertThatThrownBy(() -> pool.solveAndListen("first", id -> problem(), b -> { }, b -> { }, (i, f) -> { }))
                    .isInstanceOf(IllegalStateException.class);

            pool.terminateEarly("second");
            assertThat(pool.getSolverStatus("second")).isEqualTo(SolverStatus.NOT_SOLVING);
            pool.terminateEarly("first");

            assertThat(firstFinal.join().getScore().isSolutionInitialized()).isTrue();
            assertThat(pool.getSolverStatus("first")).isEqualTo(SolverStatus.NOT_SOLVING);
            assertThatThrownBy(() -> pool.addProblemChange("first", (plan, director) -> { }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(secondCalls).as("the terminated solve that never started").isEmpty();
    }

    @Test
    void terminateEarlyReturnsOnlyAfterTheFinalConsumerHasRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<FieldPlan> finalBest = new CompletableFuture<>();
        try (SolverPool<FieldPlan> pool = pool(SolverFactory.create(
                FieldPlanSolverConfig.create(Duration.ofHours(1))))) {
            pool.solveAndListen("p", id -> {
                started.countDown();
                return problem();
            }, best -> { }, plan -> {
                // A slow final consumer, like a job's last save to the database.
                sleep(300);
                finalBest.complete(plan);
            }, (id, failure) -> finalBest.completeExceptionally(failure));
            started.await();

            pool.terminateEarly("p");

            assertThat(finalBest).as("the final best plan, handed over before terminateEarly returned").isDone();
            assertThat(pool.getSolverStatus("p")).isEqualTo(SolverStatus.NOT_SOLVING);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
