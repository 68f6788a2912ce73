package com.daynight.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a service's JVM, from its own GC log (-Xlog:gc) read afterwards: what each collection found
 * (the peak use) and left (what was still live). A full collection asked for with jcmd GC.run leaves exactly
 * the live objects, so a few of them along a run show whether memory stays flat.
 */
final class HeapLog {

    // [1732451234567ms] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(128M) 3.123ms
    private static final Pattern EVENT = Pattern.compile(
            "\\[\\d+ms\\] GC\\(\\d+\\) (Pause [^0-9]*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** One collection: which kind, heap used before and after it, and the heap's size, in MiB. */
    record Collection(String kind, int beforeMb, int afterMb, int heapMb) {
        boolean isRequestedFull() {
            return kind.startsWith("Pause Full (Diagnostic Command)");
        }
    }

    private HeapLog() {
    }

    /** JVM options: the heap limit, and a GC log stamped with wall-clock milliseconds. */
    static List<String> jvmOptions(String maxHeap, Path log) {
        return List.of("-Xmx" + maxHeap, "-Xlog:gc:file=" + log.toAbsolutePath() + ":timemillis");
    }

    /**
     * Asks the JVM of {@code pid} for a full collection (jcmd GC.run) and waits until its line is in {@code log}.
     * G1 skips a requested full collection while a JNI critical section holds the GC locker (the zip and image
     * code take it), and jcmd still succeeds; so a collection missing from the log is asked for again, up to 5 times.
     */
    static void collect(long pid, Path log) throws IOException, InterruptedException {
        long before = requestedFulls(read(log));
        for (int attempt = 0; attempt < 5; attempt++) {
            runJcmdGc(pid);
            if (requestedFulls(readAwaiting(log, before + 1)) > before) {
                return;
            }
        }
        throw new IllegalStateException("5 requested full collections never reached " + log);
    }

    private static void runJcmdGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed: " + output);
        }
    }

    private static long requestedFulls(List<Collection> collections) {
        return collections.stream().filter(Collection::isRequestedFull).count();
    }

    /**
     * The log once it holds {@code requestedFulls} requested full collections, or after 10 s as it is: the JVM
     * writes a collection's line when the collection ends, which can be after jcmd has returned.
     */
    static List<Collection> readAwaiting(Path log, long requestedFulls) throws IOException, InterruptedException {
        List<Collection> collections = read(log);
        for (int i = 0; i < 40 && requestedFulls(collections) < requestedFulls; i++) {
            Thread.sleep(250);
            collections = read(log);
        }
        return collections;
    }

    static List<Collection> read(Path log) throws IOException {
        List<Collection> collections = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = EVENT.matcher(line);
            if (m.find()) {
                collections.add(new Collection(m.group(1).strip(), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        }
        return collections;
    }
}
