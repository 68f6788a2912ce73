package com.daynight.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GcsImageStore with the real client, over real HTTP, against FakeGcsServer. */
class GcsImageStoreTest {

    private static final byte[] JPEG_BYTES = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x42, (byte) 0xFF, (byte) 0xD9};

    private static FakeGcsServer server;
    private static Storage storage;

    @BeforeAll
    static void startServer() {
        server = FakeGcsServer.start();
        storage = GcsTestClients.against(server);
    }

    @AfterAll
    static void stopServer() throws Exception {
        storage.close();
        server.close();
    }

    @Test
    void bucketNamesFollowGcsRules() {
        GcsImageStore store = new GcsImageStore(storage, 10);
        assertEquals(Optional.empty(), store.bucketNameProblem("my-photos"));
        assertEquals(Optional.of("it must not look like an IP address"), store.bucketNameProblem("10.0.0.1"));
    }

    @Test
    void listsEveryJpegOnceInOrderAcrossPages() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String name = String.format("photos/%04d.jpg", i);
            server.put("big", name, JPEG_BYTES, "image/jpeg");
            expected.add(name);
        }
        server.put("big", "photos/index.html", new byte[] {1}, "text/html");
        int listRequestsBefore = server.listRequestCount();

        Iterable<ImageObject> listing = new GcsImageStore(storage, 1000).listJpegs("big");
        assertEquals(1, server.listRequestCount() - listRequestsBefore, "only the first page before iterating");
        List<String> listed = new ArrayList<>();
        listing.forEach(image -> listed.add(image.name()));

        assertEquals(expected, listed);
        assertEquals(3, server.listRequestCount() - listRequestsBefore);
    }

    @Test
    void aRangeOfNamesIsListedByTheServerFromStartOffsetToEndOffsetOnly() {
        for (int i = 0; i < 3_000; i++) {
            server.put("ranged", String.format("r/%04d.jpg", i), JPEG_BYTES, "image/jpeg");
        }
        int listRequestsBefore = server.listRequestCount();
        List<String> listed = new ArrayList<>();
        new GcsImageStore(storage, 1000).listJpegs("ranged", new NameRange("r/2000.jpg", "r/2500.jpg"))
                .forEach(image -> listed.add(image.name()));

        assertEquals(500, listed.size());
        assertEquals("r/2000.jpg", listed.get(0));
        assertEquals("r/2499.jpg", listed.get(499));
        assertEquals(1, server.listRequestCount() - listRequestsBefore, "one page: nothing before or after the range");
    }

    @Test
    void prefixListingReturnsExactlyThePrefixedObjects() {
        server.put("prefixed", "a/1.jpg", JPEG_BYTES, null);
        server.put("prefixed", "a/2.jpg", JPEG_BYTES, null);
        server.put("prefixed", "ab.jpg", JPEG_BYTES, null);
        server.put("prefixed", "b/1.jpg", JPEG_BYTES, null);

        List<String> names = new ArrayList<>();
        for (Blob blob : storage.list("prefixed", BlobListOption.prefix("a/")).iterateAll()) {
            names.add(blob.getName());
        }

        assertEquals(List.of("a/1.jpg", "a/2.jpg"), names);
    }

    @Test
    void keepsJpegsByExtensionOrContentTypeOnly() {
        server.put("mixed", "UPPER.JPEG", JPEG_BYTES, "application/octet-stream");
        server.put("mixed", "camera-dump", JPEG_BYTES, "image/jpeg");
        server.put("mixed", "notes.txt", new byte[] {1, 2}, "text/plain");
        server.put("mixed", "picture.png", new byte[] {3}, "image/png");
        server.put("mixed", "x.jpg", JPEG_BYTES, null);

        List<ImageObject> listed = new ArrayList<>();
        new GcsImageStore(storage, 2).listJpegs("mixed").forEach(listed::add);

        assertEquals(List.of(new ImageObject("UPPER.JPEG", JPEG_BYTES.length),
                new ImageObject("camera-dump", JPEG_BYTES.length),
                new ImageObject("x.jpg", JPEG_BYTES.length)), listed);
    }

    @Test
    void readReturnsTheExactBytes() throws IOException {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        server.put("downloads", "deep/path/with space+plus ü.jpg", bytes, "image/jpeg");

        byte[] read = new GcsImageStore(storage, 1000).read("downloads", "deep/path/with space+plus ü.jpg");

        assertArrayEquals(bytes, read);
    }

    @Test
    void missingBucketIsUnavailableAndNamed() {
        BucketUnavailableException e = assertThrows(BucketUnavailableException.class,
                () -> new GcsImageStore(storage, 1000).listJpegs("no-such-bucket"));

        assertEquals("bucket 'no-such-bucket' does not exist", e.getMessage());
    }

    @Test
    void deniedBucketSaysAccessDenied() {
        server.put("secret", "a.jpg", JPEG_BYTES, "image/jpeg");
        server.denyAccess("secret");

        BucketUnavailableException e = assertThrows(BucketUnavailableException.class,
                () -> new GcsImageStore(storage, 1000).listJpegs("secret"));

        assertTrue(e.getMessage().startsWith("access denied to bucket 'secret'"), e.getMessage());
    }

    @Test
    void readFromDeniedBucketMakesTheBucketUnavailable() {
        server.put("withdrawn", "a.jpg", JPEG_BYTES, "image/jpeg");
        server.denyAccess("withdrawn");

        BucketUnavailableException e = assertThrows(BucketUnavailableException.class,
                () -> new GcsImageStore(storage, 1000).read("withdrawn", "a.jpg"));

        assertTrue(e.getMessage().startsWith("access denied to bucket 'withdrawn'"), e.getMessage());
    }

    @Test
    void outageReachesTheCallerOnlyAfterTheClientRetried() {
        server.createBucket("flaky");
        server.failWith("flaky", 503);
        int listRequestsBefore = server.listRequestCount();

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> new GcsImageStore(storage, 1000).listJpegs("flaky"));

        assertTrue(e.getMessage().startsWith("storage is not answering for bucket 'flaky' (HTTP 503)"), e.getMessage());
        assertEquals(3, server.listRequestCount() - listRequestsBefore, "maxAttempts of the test client");
    }

    @Test
    void transientErrorsAreRetriedUntilTheyPass() throws IOException {
        server.put("blinking", "a.jpg", JPEG_BYTES, "image/jpeg");
        GcsImageStore store = new GcsImageStore(storage, 1000);

        server.failNext("blinking", 2, 503);
        List<ImageObject> listed = new ArrayList<>();
        store.listJpegs("blinking").forEach(listed::add);
        server.failNext("blinking", 2, 429);
        byte[] read = store.read("blinking", "a.jpg");

        assertEquals(List.of("a.jpg"), listed.stream().map(ImageObject::name).toList());
        assertArrayEquals(JPEG_BYTES, read);
    }

    @Test
    void aStalledAnswerTimesOutAndIsRetried() throws IOException {
        server.put("sluggish", "a.jpg", JPEG_BYTES, "image/jpeg");
        server.stallNext("sluggish", 1, Duration.ofSeconds(3)); // the test client's read timeout is 1 s

        long start = System.nanoTime();
        byte[] read = new GcsImageStore(storage, 1000).read("sluggish", "a.jpg");

        assertArrayEquals(JPEG_BYTES, read);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 900 && millis < 2_900, "gave up on the stalled answer after the read timeout: " + millis);
    }

    @Test
    void readDuringAnOutageIsStorageUnavailableNotABrokenObject() {
        server.put("dark", "a.jpg", JPEG_BYTES, "image/jpeg");
        server.failWith("dark", 500);

        assertThrows(StorageUnavailableException.class, () -> new GcsImageStore(storage, 1000).read("dark", "a.jpg"));
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.createBucket("odd");
        server.failWith("odd", 400);
        int before = server.listRequestCount();

        assertThrows(BucketUnavailableException.class, () -> new GcsImageStore(storage, 1000).listJpegs("odd"));
        assertEquals(1, server.listRequestCount() - before);
    }

    @Test
    void missingObjectOnReadIsAnIoException() {
        server.put("sparse", "present.jpg", JPEG_BYTES, "image/jpeg");

        IOException e = assertThrows(IOException.class,
                () -> new GcsImageStore(storage, 1000).read("sparse", "gone.jpg"));

        assertEquals("object 'gone.jpg' no longer exists", e.getMessage());
    }

    @Test
    void aLongNameThatIsMissingGivesAnErrorTextTheResultsTableStores() {
        // Issue 13: this text used to overflow Error VARCHAR(1000) and fail the whole service.
        server.put("sparse", "present.jpg", JPEG_BYTES, "image/jpeg");
        String name = "d/".repeat(498) + "x.jpg";
        IOException e = assertThrows(IOException.class, () -> new GcsImageStore(storage, 1000).read("sparse", name));
        String error = "cannot read the object: " + e.getMessage();
        assertTrue(error.length() > 1_000 && error.contains(name), error.length() + " characters");
        assertEquals(error, com.daynight.persistence.ResultText.error(error), "stored whole (up to 2,000 characters)");
    }
}
