package org.fieldplan.api;

import static org.fieldplan.api.SheetCacheTest.assertSheetsShowThePlan;
import static org.fieldplan.api.SheetCacheTest.change;

import org.junit.jupiter.api.Test;

/**
 * Two instances (child JVMs) on one PostGIS: an instance that does not own a job serves its cached sheets only while
 * the shared plan version says its copy is current. After a repair by the other instance, and after it took the job
 * over for a repair of its own, the next read on either shows the new plan. Fails, rather than skips, without
 * {@code FIELDPLAN_DB_URL}.
 */
class SheetCacheScaleOutTest {

    @Test
    void aReadOnEitherInstanceAfterAChangeOnTheOtherShowsTheNewPlan() throws Exception {
        String database = TestDatabases.fresh("sheet_cache");
        try (ServiceProcess alpha = ServiceProcess.start("sheet-cache-alpha", database,
                "--fieldplan.cluster.instance-id=alpha");
                ServiceProcess beta = ServiceProcess.start("sheet-cache-beta", database,
                        "--fieldplan.cluster.instance-id=beta")) {
            String jobId = alpha.api.solveSmallProblem();
            beta.api.awaitEnd(jobId);
            // Both render and cache every format of the day before the changes.
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);

            change(alpha.api, jobId, "cancellations", SheetCacheTest::cancellation);
            assertSheetsShowThePlan(beta.api, jobId);
            assertSheetsShowThePlan(alpha.api, jobId);

            // Beta takes the ended job over for a repair of its own; alpha's cached copy is now stale.
            change(beta.api, jobId, "field-reports", SheetCacheTest::fieldReport);
            assertSheetsShowThePlan(alpha.api, jobId);
            change(beta.api, jobId, "cancellations", SheetCacheTest::cancellation);
            assertSheetsShowThePlan(alpha.api, jobId);
            assertSheetsShowThePlan(beta.api, jobId);
        }
    }
}
