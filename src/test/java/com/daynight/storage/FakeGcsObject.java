package com.daynight.storage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** One object held by {@link FakeGcsServer}, with the metadata the JSON API reports for it. */
record FakeGcsObject(String bucket, String name, byte[] bytes, String contentType, long generation, Instant created) {

    /** The object resource as GCS's JSON API returns it (numbers that are uint64 there are strings). */
    Map<String, Object> resource() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "storage#object");
        json.put("id", bucket + "/" + name + "/" + generation);
        json.put("name", name);
        json.put("bucket", bucket);
        json.put("generation", Long.toString(generation));
        json.put("metageneration", "1");
        if (contentType != null) {
            json.put("contentType", contentType);
        }
        json.put("storageClass", "STANDARD");
        json.put("size", Long.toString(bytes.length));
        json.put("md5Hash", md5());
        json.put("crc32c", crc32c());
        json.put("timeCreated", created.toString());
        json.put("updated", created.toString());
        return json;
    }

    /** The x-goog-hash header of a media download, so a client that checks checksums finds them right. */
    String hashHeader() {
        return "crc32c=" + crc32c() + ",md5=" + md5();
    }

    private String crc32c() {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private String md5() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
