package com.daynight.web;

import com.daynight.submission.IdempotencyKey;
import com.daynight.submission.SubmissionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * The two fields of a submission, read from a form body or a JSON body. Only the shape of the body is
 * checked here; the fields' rules belong to {@link SubmissionValidator}.
 */
record SubmissionForm(String userName, String bucket, String idempotencyKey) {

    /** Far more than two valid fields need; a bigger body is a mistake or an attack, not a submission. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tomcat's Globals.PARAMETER_PARSE_FAILED_REASON_ATTR; other containers do not set it. */
    private static final String TOMCAT_FORM_FAILURE = "org.apache.catalina.parameter_parse_failed_reason";

    /** A body that cannot be read as a submission at all. */
    static final class BodyException extends Exception {
        private final transient Problem problem;

        BodyException(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    static SubmissionForm read(HttpServletRequest req) throws IOException, BodyException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String mediaType = mediaType(req.getContentType());
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            if (!isKnownCharset(req.getCharacterEncoding())) {
                // Tomcat would quietly read it in a default charset and turn what was typed into something else.
                throw new BodyException(Problem.of(415,
                        "the form's charset is not one this service reads: send UTF-8"));
            }
            SubmissionForm form = new SubmissionForm(req.getParameter(SubmissionValidator.USER_NAME),
                    req.getParameter(SubmissionValidator.BUCKET), idempotencyKey(req,
                    req.getParameter(IdempotencyKey.FORM_FIELD)));
            refuseIfUnread(req);
            return form;
        }
        if (mediaType.equals("application/json")) {
            return fromJson(readLimited(req.getInputStream()), idempotencyKey(req, null));
        }
        throw new BodyException(Problem.of(415,
                "the body must be application/x-www-form-urlencoded or application/json"));
    }

    /**
     * The container parses a form body itself. When it cannot (a chunked body beyond maxPostSize, too many
     * fields, broken %-escapes), the parameters are simply missing and Tomcat leaves the reason in this
     * attribute: without it, such a body would be answered "userName is required".
     */
    private static void refuseIfUnread(HttpServletRequest req) throws BodyException {
        Object reason = req.getAttribute(TOMCAT_FORM_FAILURE);
        if (reason == null) {
            return;
        }
        if (reason.toString().equals("POST_TOO_LARGE")) {
            throw tooLarge();
        }
        throw new BodyException(Problem.of(400, "the form body cannot be read: "
                + reason.toString().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    private static boolean isKnownCharset(String name) {
        try {
            return name != null && Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The Content-Length check misses chunked bodies, so the limit is also enforced while reading. */
    private static byte[] readLimited(InputStream in) throws IOException, BodyException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    /** The header wins over the form's own token: a script that sets it means it. */
    private static String idempotencyKey(HttpServletRequest req, String formToken) {
        String header = req.getHeader(IdempotencyKey.HEADER);
        return header != null ? header.strip() : formToken;
    }

    private static SubmissionForm fromJson(byte[] body, String idempotencyKey) throws BodyException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BodyException(Problem.of(400, "the body is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            throw new BodyException(Problem.of(400,
                    "the body must be a JSON object: {\"userName\": \"...\", \"bucket\": \"...\"}"));
        }
        return new SubmissionForm(text(root, SubmissionValidator.USER_NAME), text(root, SubmissionValidator.BUCKET),
                idempotencyKey);
    }

    /** A missing or null field reads as absent, so the validator's "is required" message names it. */
    private static String text(JsonNode root, String field) throws BodyException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BodyException(Problem.invalid(field, field + " must be a JSON string"));
        }
        return value.asText();
    }

    private static BodyException tooLarge() {
        return new BodyException(Problem.of(413, "the body is larger than " + MAX_BODY_BYTES / 1024 + " KB"));
    }
}
