package org.fieldplan.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverStatus;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.event.BestSolutionChangedEvent;

/**
 * Solves problems by id on a fixed number of solver threads, handing each new best solution to a listener on a
 * consumer thread of its own (the latest one wins when the listener is slower than the solver), then the final best
 * solution after every earlier one. The part of OptaPlanner's {@code SolverManager} that FieldPlan uses, with the same
 * contract.
 *
 * <p>Why not {@code SolverManager}: in 10.1 its consumer hand-off can lose its only permit when the solver thread
 * offers a new best solution just as the consumer thread takes the previous one (the scheduled consumption then finds
 * nothing and never releases the permit). The solve then never ends: the final best solution waits for the permit
 * forever, and {@code terminateEarly} waits for the solve. Seen on the 2-core test machine as a job that stayed
 * {@code SOLVING} and a terminate request that never answered.
 *
 * @param <S> the planning solution
 */
public final class SolverPool<S> implements AutoCloseable {

    private final Function<Duration, SolverFactory<S>> solverFactories;
    private final ExecutorService solverThreads;
    private final String name;
    private final Map<String, Solve> solves = new ConcurrentHashMap<>();

    /**
     * @param threads how many problems are solved at once; the others wait for a thread in submission order
     * @param name names the pool's threads ({@code name-solver-N}, {@code name-consumer-ID})
     */
    public SolverPool(SolverFactory<S> solverFactory, int threads, String name) {
        this(limit -> solverFactory, threads, name);
    }

    /**
     * A pool whose solves each take the solver factory for their own time limit: a solver's phases can then size
     * themselves to the solve (a large region's partitioned phase takes a share of it), which {@code terminateEarly}
     * alone cannot tell them.
     *
     * @param solverFactories the factory for a solve's time limit (null: a solve given none)
     */
    public SolverPool(Function<Duration, SolverFactory<S>> solverFactories, int threads, String name) {
        this.solverFactories = solverFactories;
        this.name = name;
        this.solverThreads = Executors.newFixedThreadPool(threads, daemonThreads(name + "-solver-"));
    }

    /**
     * Starts solving the problem {@code problemFinder} gives once a solver thread is free (called on that thread, so a
     * large problem is prepared there). A solve terminated before it started calls none of the consumers.
     *
     * @param bestConsumer each new best solution, in order, skipping those superseded before it could take them
     * @param finalBestConsumer the best solution once the solve has ended, after every call of {@code bestConsumer}
     * @param failureHandler a failure of the solve or of a consumer
     * @throws IllegalStateException when a problem with this id is already being solved here
     */
    public void solveAndListen(String id, Function<String, S> problemFinder, Consumer<? super S> bestConsumer,
            Consumer<? super S> finalBestConsumer, BiConsumer<String, Throwable> failureHandler) {
        solveAndListen(id, null, problemFinder, bestConsumer, finalBestConsumer, failureHandler);
    }

    /** The same with the solver factory for {@code limit} (see {@link #SolverPool(Function, int, String)}). */
    public void solveAndListen(String id, Duration limit, Function<String, S> problemFinder,
            Consumer<? super S> bestConsumer, Consumer<? super S> finalBestConsumer,
            BiConsumer<String, Throwable> failureHandler) {
        Solve solve = new Solve(id, solverFactories.apply(limit), bestConsumer, failureHandler);
        if (solves.putIfAbsent(id, solve) != null) {
            throw new IllegalStateException("Problem " + id + " is already being solved in the " + name + " pool.");
        }
        solverThreads.execute(() -> solve.run(problemFinder, finalBestConsumer));
    }

    /**
     * Adds a change to the running solve of the problem.
     *
     * @return completes once a best solution containing the change was given to the best-solution consumer (or to the
     *     final one); cancelled, after the final consumer has run, when the solve ended before it took the change
     * @throws IllegalStateException when the problem is not being solved here
     */
    public CompletableFuture<Void> addProblemChange(String id, ProblemChange<S> change) {
        Solve solve = solves.get(id);
        if (solve == null) {
            throw new IllegalStateException("Cannot add a problem change: problem " + id + " is not being solved in the "
                    + name + " pool.");
        }
        return solve.addProblemChange(change);
    }

    /**
     * Ends the solve of the problem early (its final best solution is handed over as usual) and returns once the
     * final consumer has run, so that whoever asked sees the solve's end (a job's final status) on return. Does
     * nothing when the problem is not being solved here. Never call it from a consumer of the same solve.
     */
    public void terminateEarly(String id) {
        Solve solve = solves.get(id);
        if (solve != null) {
            solve.terminateEarly();
        }
    }

    public SolverStatus getSolverStatus(String id) {
        Solve solve = solves.get(id);
        return solve == null ? SolverStatus.NOT_SOLVING : solve.status;
    }

    /** Terminates every solve and stops the threads, without waiting for the solves to end. */
    @Override
    public void close() {
        solves.values().forEach(solve -> solve.terminate(false));
        solverThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A change added to a solve: completed once a solution containing it was handed over. */
    private record PendingChange(CompletableFuture<Void> taken, AtomicBoolean processed) {
    }

    /** One problem's solve: its solver, its consumer thread and the problem changes not yet handed over. */
    private final class Solve {
        private final String id;
        private final Solver<S> solver;
        private final Consumer<? super S> bestConsumer;
        private final BiConsumer<String, Throwable> failureHandler;
        private final ExecutorService consumerThread;
        /** Counted down once no consumer of this solve runs or will run (after the final one, if any). */
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile SolverStatus status = SolverStatus.SOLVING_SCHEDULED;
        // Guarded by this: whether the solve was started or terminated, the changes added and not yet in a best
        // solution, the next best solution for the consumer with the changes it contains, and whether a hand-over is
        // scheduled on the consumer thread.
        private boolean started;
        private boolean terminatedEarly;
        private final List<PendingChange> pendingChanges = new ArrayList<>();
        private S nextBest;
        private final List<CompletableFuture<Void>> nextBestChanges = new ArrayList<>();
        private boolean handOverScheduled;

        Solve(String id, SolverFactory<S> solverFactory, Consumer<? super S> bestConsumer,
                BiConsumer<String, Throwable> failureHandler) {
            this.id = id;
            // Built at once, so that a change can be added while the solve waits for a thread.
            this.solver = solverFactory.buildSolver();
            this.solver.addEventListener(this::bestSolutionChanged);
            this.bestConsumer = bestConsumer;
            this.failureHandler = failureHandler;
            this.consumerThread = Executors.newSingleThreadExecutor(daemonThreads(name + "-consumer-" + id + "-"));
        }

        void run(Function<String, S> problemFinder, Consumer<? super S> finalBestConsumer) {
            boolean handingOverFinal = false;
            try {
                synchronized (this) {
                    if (terminatedEarly) {
                        return;
                    }
                    started = true;
                    status = SolverStatus.SOLVING_ACTIVE;
                }
                S finalBest = solver.solve(problemFinder.apply(id));
                List<CompletableFuture<Void>> contained;
                List<PendingChange> notTaken;
                synchronized (this) {
                    status = SolverStatus.NOT_SOLVING;
                    contained = takeProcessedChanges();
                    notTaken = new ArrayList<>(pendingChanges);
                    pendingChanges.clear();
                }
                // Ended: the problem may be solved again as soon as the final consumer has it (a repair answered, the
                // next change repairs at once), not only once this thread gets to ended().
                solves.remove(id, this);
                consumerThread.execute(() -> {
                    try {
                        handOver();
                        try {
                            finalBestConsumer.accept(finalBest);
                        } catch (RuntimeException | Error e) {
                            failureHandler.accept(id, e);
                        }
                        contained.forEach(change -> change.complete(null));
                        // After the final consumer: whoever sent them can now apply them to the final solution.
                        notTaken.forEach(change -> change.taken().cancel(false));
                    } finally {
                        ended.countDown();
                    }
                });
                handingOverFinal = true;
            } catch (RuntimeException | Error e) {
                failureHandler.accept(id, e);
            } finally {
                ended(!handingOverFinal);
            }
        }

        /** @param noMoreConsumers false while the final consumer is still to run (it counts {@code ended} down) */
        private void ended(boolean noMoreConsumers) {
            synchronized (this) {
                pendingChanges.forEach(change -> change.taken().cancel(false));
                pendingChanges.clear();
                status = SolverStatus.NOT_SOLVING;
            }
            consumerThread.shutdown();
            solves.remove(id, this);
            if (noMoreConsumers) {
                ended.countDown();
            }
        }

        synchronized CompletableFuture<Void> addProblemChange(ProblemChange<S> change) {
            if (status == SolverStatus.NOT_SOLVING || terminatedEarly) {
                throw new IllegalStateException("Cannot add a problem change: the solve of problem " + id
                        + " has ended.");
            }
            PendingChange pending = new PendingChange(new CompletableFuture<>(), new AtomicBoolean());
            pendingChanges.add(pending);
            solver.addProblemChange((working, director) -> {
                change.doChange(working, director);
                pending.processed().set(true);
            });
            return pending.taken();
        }

        void terminateEarly() {
            terminate(true);
        }

        void terminate(boolean waitForEnd) {
            synchronized (this) {
                terminatedEarly = true;
                if (!started) {
                    ended(true);
                    return;
                }
            }
            solver.terminateEarly();
            try {
                // A solver clears a termination asked for before its solve() began: ask again until it has ended.
                while (waitForEnd && !ended.await(100, TimeUnit.MILLISECONDS)) {
                    solver.terminateEarly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** On the solver thread: a solution just became the best one. */
        private void bestSolutionChanged(BestSolutionChangedEvent<S> event) {
            // Changes are processed on the solver thread, this one: a change processed by now is in this solution.
            List<CompletableFuture<Void>> contained = takeProcessedChanges();
            synchronized (this) {
                nextBest = event.getNewBestSolution();
                nextBestChanges.addAll(contained);
                if (!handOverScheduled) {
                    handOverScheduled = true;
                    consumerThread.execute(this::handOver);
                }
            }
        }

        private synchronized List<CompletableFuture<Void>> takeProcessedChanges() {
            List<CompletableFuture<Void>> processed = new ArrayList<>();
            pendingChanges.removeIf(change -> change.processed().get() && processed.add(change.taken()));
            return processed;
        }

        /** On the consumer thread: hands the latest best solution over, if one is waiting. */
        private void handOver() {
            S best;
            List<CompletableFuture<Void>> contained;
            synchronized (this) {
                handOverScheduled = false;
                best = nextBest;
                nextBest = null;
                contained = new ArrayList<>(nextBestChanges);
                nextBestChanges.clear();
            }
            if (best != null) {
                try {
                    bestConsumer.accept(best);
                } catch (RuntimeException | Error e) {
                    failureHandler.accept(id, e);
                }
            }
            contained.forEach(change -> change.complete(null));
        }
    }
}
