package com.daynight.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The 401 answer: how to sign in, as a small self-contained HTML page or as JSON {"error": ...} when JSON is
 * asked for (format=json, a JSON body, or an Accept that names JSON and not HTML). The page shows nothing of
 * the request but its path, escaped.
 */
final class SignInPage {

    static final String MESSAGE = "sign-in required: open this service through its Identity-Aware Proxy, or send"
            + " a Google ID token for this service as 'Authorization: Bearer <token>'";

    private SignInPage() {
    }

    static void send(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"DayNight\"");
        resp.setHeader("Cache-Control", "no-store");
        if (wantsJson(req)) {
            resp.setContentType("application/json;charset=UTF-8");
            resp.getWriter().write("{\"error\": \"" + MESSAGE.replace("\"", "\\\"") + "\"}");
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Sign in - DayNight</title></head><body>"
                + "<main><h1>Sign in to DayNight</h1>"
                + "<p>" + escape(req.getRequestURI()) + " needs a Google account that may use this service.</p>"
                + "<ul><li>In a browser: open the service at the address your administrator gave you; Google's"
                + " Identity-Aware Proxy asks you to sign in and then brings you here.</li>"
                + "<li>From a script: <code>curl -H \"Authorization: Bearer $(gcloud auth print-identity-token"
                + " --audiences=AUDIENCE)\" ...</code>, with the audience your administrator set.</li></ul>"
                + "</main></body></html>\n");
    }

    private static boolean wantsJson(HttpServletRequest req) {
        if ("json".equalsIgnoreCase(req.getParameter("format"))) {
            return true;
        }
        String contentType = req.getContentType();
        String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept").toLowerCase(Locale.ROOT);
        if (accept.contains("text/html")) {
            return false;
        }
        return accept.contains("application/json")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
