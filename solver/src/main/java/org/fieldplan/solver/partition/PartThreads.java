package org.fieldplan.solver.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Solves a round's parts on a few threads of this process, the largest parts first. */
public final class PartThreads implements PartRunner {

    private final int threads;

    public PartThreads(int threads) {
        this.threads = threads;
    }

    @Override
    public List<List<String>> solve(Round round, IntConsumer partsDone) {
        AtomicInteger done = new AtomicInteger();
        List<Integer> largestFirst = new ArrayList<>();
        for (int i = 0; i < round.parts().size(); i++) {
            largestFirst.add(i);
        }
        largestFirst.sort(Comparator.comparingInt((Integer i) -> round.parts().get(i).plan().getShifts().size())
                .reversed());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fieldplan-part");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<String>>> results = new ArrayList<>(Collections.nCopies(round.parts().size(), null));
            for (int i : largestFirst) {
                PartPlan part = round.parts().get(i);
                Duration limit = round.limits().get(i);
                results.set(i, pool.submit(() -> {
                    List<String> result = part.solve(limit);
                    partsDone.accept(done.incrementAndGet());
                    return result;
                }));
            }
            List<List<String>> byPart = new ArrayList<>();
            for (Future<List<String>> result : results) {
                byPart.add(result.get());
            }
            return byPart;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while solving the parts of " + round.whole().getName(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A part of " + round.whole().getName() + " failed: " + e.getCause(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
