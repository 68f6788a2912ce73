package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a user's script does against a running service: submit, then poll the document until it is done. */
final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final RunningJar service;

    ServiceClient(RunningJar service) {
        this.service = service;
    }

    /** POSTs a body as given; returns the answer. */
    HttpResponse<String> post(String contentType, String accept, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services"))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a form as curl does and returns the ServiceID of the 202 answer. */
    String submitForm(String formBody) throws Exception {
        HttpResponse<String> answer = post("application/x-www-form-urlencoded", "*/*", formBody);
        assertEquals(202, answer.statusCode(), answer.body());
        return answer.body().strip();
    }

    /** Submits a JSON object as a script does and returns the ServiceId of the 202 answer. */
    String submitJson(String body) throws Exception {
        HttpResponse<String> answer = post("application/json", "application/json", body);
        assertEquals(202, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).get("ServiceId").asText();
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET /services/{id}?format=json, parsed. */
    JsonNode document(String id) throws Exception {
        HttpResponse<String> answer = get("/services/" + id + "?format=json", "*/*");
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    /** Polls GET /services/{id}?format=json until the status is finished or failed; returns the whole document. */
    JsonNode awaitDone(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode document = null;
        while (System.nanoTime() < deadline) {
            document = document(id);
            if (document.get("serviceResults").get("Status").asText().matches("finished|failed")) {
                return document;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service " + id + " not done in " + timeout + ": " + document + "\n" + service.log());
    }

    /** Polls the document until at least {@code atLeast} images are done; returns how many were. */
    int awaitProgress(String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = document(id).get("serviceResults").get("Progress");
            if (progress.get("done").asInt() >= atLeast) {
                return progress.get("done").asInt();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no progress on " + id);
    }
}
