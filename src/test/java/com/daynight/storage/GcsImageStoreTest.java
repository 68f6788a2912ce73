package com.daynight.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

        BucketUnavailableException e = assertThrows(BucketUnavailableException.class,
                () -> new GcsImageStore(storage, 1000).listJpegs("flaky"));

        assertTrue(e.getMessage().startsWith("bucket 'flaky' cannot be listed: "), e.getMessage());
        assertEquals(2, server.listRequestCount() - listRequestsBefore, "maxAttempts of the test client");
    }

    @Test
    void missingObjectOnReadIsAnIoException() {
        server.put("sparse", "present.jpg", JPEG_BYTES, "image/jpeg");

        IOException e = assertThrows(IOException.class,
                () -> new GcsImageStore(storage, 1000).read("sparse", "gone.jpg"));

        assertEquals("object 'gone.jpg' no longer exists", e.getMessage());
    }
}
