package com.daynight.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A generated bucket of FakeGcsServer, as the real client sees it: paged like GCS, objects made up on request. */
class GeneratedFakeGcsBucketTest {

    private static final List<byte[]> CONTENTS = List.of(new byte[] {1, 2, 3}, new byte[] {4, 5}, new byte[] {6});

    private static FakeGcsServer server;
    private static Storage storage;

    @BeforeAll
    static void startServer() {
        server = FakeGcsServer.start().generateBucket("many", 2_500, CONTENTS);
        storage = GcsTestClients.against(server);
    }

    @AfterAll
    static void stopServer() throws Exception {
        storage.close();
        server.close();
    }

    @Test
    void listsEveryObjectInOrderAThousandAPage() {
        int before = server.listRequestCount();
        List<String> names = new ArrayList<>();
        new GcsImageStore(storage, GcsImageStore.MAX_PAGE_SIZE).listJpegs("many").forEach(i -> names.add(i.name()));

        assertEquals(2_500, names.size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(FakeGcsServer.generatedName(i), names.get(i));
        }
        assertEquals(3, server.listRequestCount() - before, "pages of 1000, 1000 and 500");
    }

    @Test
    void aSmallerPageAndAPrefixStartWhereTheyShould() {
        List<String> names = new ArrayList<>();
        for (Blob blob : storage.list("many", BlobListOption.prefix("img-0012"), BlobListOption.pageSize(30))
                .iterateAll()) {
            names.add(blob.getName());
        }
        assertEquals(100, names.size());
        assertEquals("img-001200.jpg", names.get(0));
        assertEquals("img-001299.jpg", names.get(99));
    }

    @Test
    void eachObjectHasTheBytesOfItsContent() throws IOException {
        GcsImageStore store = new GcsImageStore(storage, GcsImageStore.MAX_PAGE_SIZE);
        assertArrayEquals(CONTENTS.get(1234 % 3), store.read("many", "img-001234.jpg"));
        assertArrayEquals(CONTENTS.get(0), store.read("many", "img-002499.jpg"));
        assertThrows(IOException.class, () -> store.read("many", "img-002500.jpg"));
        assertThrows(IOException.class, () -> store.read("many", "other.jpg"));
    }

    @Test
    void itsObjectsCannotBeChanged() {
        assertThrows(IllegalStateException.class, () -> server.put("many", "x.jpg", new byte[] {1}, null));
    }
}
