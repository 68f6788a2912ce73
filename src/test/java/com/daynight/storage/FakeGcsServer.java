package com.daynight.storage;

import static com.daynight.storage.FakeGcsResponses.page;
import static com.daynight.storage.FakeGcsResponses.sendError;
import static com.daynight.storage.FakeGcsResponses.sendJson;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process server speaking the read side of the GCS JSON API, as the real google-cloud-storage client calls
 * it: object listing (prefix, startOffset, endOffset, maxResults, pageToken), object metadata, and media download with Range. Point the
 * client at {@link #baseUrl()} with NoCredentials. Objects list in GCS order (UTF-8 bytes of their names).
 */
public final class FakeGcsServer implements AutoCloseable {

    private static final int MAX_PAGE_SIZE = 1000;

    static {
        // The JDK's server writes headers and body apart; with Nagle's algorithm on, each small answer then waits
        // for the client's delayed ACK (about 40 ms), which caps a download pipeline at some 160 objects/s. Read
        // once, when the JDK's server is first used in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Map<String, FakeGcsBucket> buckets = new ConcurrentHashMap<>();
    private final Set<String> deniedBuckets = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failingBuckets = new ConcurrentHashMap<>();
    private final Map<String, FakeGcsFaults> faults = new ConcurrentHashMap<>();
    private final Map<String, Duration> listingDelays = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger mostInProgress = new AtomicInteger();
    private volatile Duration requestDelay = Duration.ZERO;
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
    private HttpServer server;
    private ExecutorService executor;

    /** Starts a server on 127.0.0.1 and a free port; close it when done. */
    public static FakeGcsServer start() {
        FakeGcsServer fake = new FakeGcsServer();
        try {
            fake.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512); // many clients connect at once
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port for FakeGcsServer", e);
        }
        // A thread per request in progress: with a delay on every request, a client's many downloads wait together.
        fake.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-gcs");
            thread.setDaemon(true);
            return thread;
        });
        fake.server.setExecutor(fake.executor);
        fake.server.createContext("/", fake::handle);
        fake.server.start();
        return fake;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    public FakeGcsServer createBucket(String bucket) {
        buckets.putIfAbsent(bucket, new StoredFakeGcsBucket());
        return this;
    }

    /** Stores an object (creating its bucket if needed); contentType may be null. */
    public FakeGcsServer put(String bucket, String name, byte[] bytes, String contentType) {
        createBucket(bucket);
        stored(bucket).put(new FakeGcsObject(bucket, name, bytes.clone(), contentType,
                generations.incrementAndGet(), Instant.now()));
        return this;
    }

    /**
     * A bucket of {@code count} JPEGs, img-000000.jpg onwards, made up as they are listed and read: object i
     * has the bytes of {@code contents[i % contents.size()]}, so even 100,000 objects take almost no memory.
     */
    public FakeGcsServer generateBucket(String bucket, int count, List<byte[]> contents) {
        long first = generations.getAndAdd(count) + 1;
        if (buckets.putIfAbsent(bucket, new GeneratedFakeGcsBucket(bucket, count, contents, first)) != null) {
            throw new IllegalStateException("bucket " + bucket + " exists already");
        }
        return this;
    }

    /** The name of object {@code index} of a generated bucket. */
    public static String generatedName(int index) {
        return GeneratedFakeGcsBucket.name(index);
    }

    private StoredFakeGcsBucket stored(String bucket) {
        if (buckets.get(bucket) instanceof StoredFakeGcsBucket stored) {
            return stored;
        }
        throw new IllegalStateException("bucket " + bucket + " is generated: its objects cannot be changed");
    }

    /** Every request for this bucket from now on is answered 403, as GCS does for a caller without access. */
    public void denyAccess(String bucket) {
        deniedBuckets.add(bucket);
    }

    /** Every request for this bucket from now on is answered with this HTTP status (e.g. 503), as an outage. */
    public void failWith(String bucket, int status) {
        failingBuckets.put(bucket, status);
    }

    /** Stops answering with {@link #failWith}'s status: storage is back. */
    public void recover(String bucket) {
        failingBuckets.remove(bucket);
    }

    /** The next {@code count} requests for this bucket are answered with {@code status} (e.g. 503), then all is well. */
    public void failNext(String bucket, int count, int status) {
        faults.put(bucket, FakeGcsFaults.failing(count, status));
    }

    /** The next {@code count} requests for this bucket get their answer only after {@code stall}: a timeout. */
    public void stallNext(String bucket, int count, Duration stall) {
        faults.put(bucket, FakeGcsFaults.stalling(count, stall));
    }

    /** Every listing page of this bucket is answered only after {@code delay}: a slow listing to interrupt. */
    public void slowListing(String bucket, Duration delay) {
        listingDelays.put(bucket, delay);
    }

    /** Every request from now on is answered only after {@code delay}: a store far away (30 ms, 100 ms a GET). */
    public void delayEveryRequest(Duration delay) {
        requestDelay = delay;
    }

    /** The most requests that were being served at once so far. */
    public int mostRequestsAtOnce() {
        return mostInProgress.get();
    }

    /** All requests served so far, of any kind. */
    public int requestCount() {
        return requests.get();
    }

    /** Object listing requests (one per page, failed ones too) served so far. */
    public int listRequestCount() {
        return listRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        mostInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
        try (exchange) {
            pause(requestDelay.isZero() ? null : requestDelay);
            FakeGcsRequest request = FakeGcsRequest.parse(exchange);
            // The client sends a GET whose URL is over 2,048 characters (a long object name) as a POST with
            // X-HTTP-Method-Override: GET, which GCS honours.
            boolean get = "GET".equals(exchange.getRequestMethod()) || "POST".equals(exchange.getRequestMethod())
                    && "GET".equals(exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override"));
            if (request == null || !get) {
                sendError(exchange, 501, "FakeGcsServer does not serve "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI());
                return;
            }
            if (request.objectName() == null) {
                listRequests.incrementAndGet();
                pause(listingDelays.get(request.bucket()));
            }
            FakeGcsBucket objects = buckets.get(request.bucket());
            Integer failure = failingBuckets.get(request.bucket());
            FakeGcsFaults fault = faults.get(request.bucket());
            if (fault != null && fault.strike(exchange)) {
                return;
            }
            if (failure != null) {
                sendError(exchange, failure, "FakeGcsServer was told to fail with " + failure);
            } else if (deniedBuckets.contains(request.bucket())) {
                sendError(exchange, 403, "anonymous caller does not have storage.objects.get access to the"
                        + " Google Cloud Storage bucket. Permission denied on resource (or it may not exist).");
            } else if (objects == null) {
                sendError(exchange, 404, "The specified bucket does not exist.");
            } else if (request.objectName() == null) {
                list(exchange, request, objects);
            } else {
                serveObject(exchange, request, objects.get(request.objectName()));
            }
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private static void pause(Duration delay) {
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Blob.getContent() asks for a given generation; any other generation is as missing as a deleted object. */
    private static void serveObject(HttpExchange exchange, FakeGcsRequest request, FakeGcsObject object)
            throws IOException {
        String generation = request.query().get("generation");
        if (object == null || (generation != null && !generation.equals(Long.toString(object.generation())))) {
            sendError(exchange, 404, "No such object: " + request.bucket() + "/" + request.objectName());
        } else if (request.media()) {
            FakeGcsMedia.send(exchange, object);
        } else {
            sendJson(exchange, 200, object.resource());
        }
    }

    private void list(HttpExchange exchange, FakeGcsRequest request, FakeGcsBucket objects)
            throws IOException {
        Map<String, String> query = request.query();
        String prefix = query.getOrDefault("prefix", "");
        int pageSize = Math.min(MAX_PAGE_SIZE, Integer.parseInt(query.getOrDefault("maxResults", "1000")));
        String token = query.get("pageToken");
        String startOffset = query.get("startOffset");
        String endOffset = query.get("endOffset");
        String start = startOffset != null && GcsOrder.OF_NAMES.compare(startOffset, prefix) > 0 ? startOffset : prefix;
        // Names sharing a prefix sit together in GCS order, so the walk starts at the prefix (or after the token).
        Iterable<FakeGcsObject> rest = token == null
                ? objects.from(start, true)
                : objects.from(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), false);
        List<Map<String, Object>> items = new ArrayList<>();
        String last = null;
        for (FakeGcsObject object : rest) {
            if (!object.name().startsWith(prefix)
                    || (endOffset != null && GcsOrder.OF_NAMES.compare(object.name(), endOffset) >= 0)) {
                break;
            }
            if (items.size() == pageSize) {
                Map<String, Object> page = page(items);
                page.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
                sendJson(exchange, 200, page);
                return;
            }
            items.add(object.resource());
            last = object.name();
        }
        sendJson(exchange, 200, page(items));
    }
}
