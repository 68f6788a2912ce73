package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances on one database, a bucket of 5,000 generated pictures and six services submitted at once,
 * spread over the instances: the work is shared, and killing one instance midway changes nothing in the results.
 */
class SeveralInstancesIT {

    private static final int PICTURES = 5_000;
    private static final int SERVICES = 6;
    private static final Pattern FINISHED = Pattern.compile("service ([A-Z0-9]{8}) finished");

    @TempDir
    Path work;

    @Test
    void threeInstancesShareTheWorkAndAKilledOneLosesNothing() throws Exception {
        GeneratedPictures.write(work.resolve("buckets").resolve("shared"), PICTURES);
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = RunningJar.envWithDatabase(db,
                    "BUCKETS_DIR", work.resolve("buckets").toString(), "WORKERS", "1", "LEASE_SECONDS", "5",
                    // chunks of 500: every instance works on every service, the victim dies holding chunks
                    "CHUNK_SIZE", "500");
            List<RunningJar> instances = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    instances.add(RunningJar.start("instance-" + i, env));
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < SERVICES; i++) {
                    ids.add(new ServiceClient(instances.get(i % 3)).submitForm("userName=Ann&bucket=shared"));
                }
                RunningJar victim = instances.get(0);
                new ServiceClient(victim).awaitProgress(ids.get(0), 500);
                victim.kill();

                ServiceClient survivor = new ServiceClient(instances.get(1));
                long start = System.nanoTime();
                for (String id : ids) {
                    AmosBucket.assertEveryPictureOnce(survivor.awaitDone(id, Duration.ofMinutes(6))
                            .get("serviceResults"), PICTURES);
                }
                int[] finishedBy = {finishedIn(instances.get(1)), finishedIn(instances.get(2))};
                System.out.printf("several instances: %d services of %d pictures; instance 1 killed midway;"
                        + " instances 2 and 3 finished %d and %d; the rest took %d s%n", SERVICES, PICTURES,
                        finishedBy[0], finishedBy[1], (System.nanoTime() - start) / 1_000_000_000);
                assertTrue(finishedBy[0] > 0 && finishedBy[1] > 0, "the work spread over the instances left");
                assertEquals(SERVICES, finishedBy[0] + finishedBy[1] + finishedIn(victim),
                        "each service finished once");
                assertEquals(String.valueOf(SERVICES * PICTURES), db.query("SELECT COUNT(*) FROM service_results"));
            } finally {
                for (RunningJar instance : instances) {
                    instance.close();
                }
            }
        }
    }

    private static int finishedIn(RunningJar instance) throws Exception {
        Matcher matcher = FINISHED.matcher(instance.log());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
