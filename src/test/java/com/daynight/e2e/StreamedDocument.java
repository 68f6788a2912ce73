package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * GET /services/{id}?format=json read as a stream: the entries of Results are handed on one by one, so a
 * document of hundreds of thousands of entries is checked without being held by the test either.
 */
final class StreamedDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamedDocument() {
    }

    /** The fields of serviceResults other than Results, and how many entries Results had. */
    record Summary(ObjectNode fields, int entries) {
    }

    static Summary read(RunningJar service, String id, Consumer<JsonNode> entries) throws Exception {
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/services/" + id + "?format=json")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        try (InputStream body = answer.body(); JsonParser parser = JSON.createParser(body)) {
            expect(parser, JsonToken.START_OBJECT);
            expect(parser, JsonToken.FIELD_NAME);
            assertEquals("serviceResults", parser.currentName());
            expect(parser, JsonToken.START_OBJECT);
            ObjectNode fields = JSON.createObjectNode();
            int count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("Results")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        entries.accept(parser.readValueAsTree());
                        count++;
                    }
                } else {
                    fields.set(field, parser.readValueAsTree());
                }
            }
            expect(parser, JsonToken.END_OBJECT);
            return new Summary(fields, count);
        }
    }

    private static void expect(JsonParser parser, JsonToken token) throws Exception {
        assertEquals(token, parser.nextToken());
    }
}
