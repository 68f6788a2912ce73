package com.daynight.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes answers in the forms the contract names: a JSP page, a JSON object, or one line of plain text. */
final class Replies {

    static final String FORM_PAGE = "/WEB-INF/jsp/index.jsp";
    static final String ERROR_PAGE = "/WEB-INF/jsp/error.jsp";
    static final int RETRY_AFTER_SECONDS = 5;
    /** A user's own queue empties at the pace of their services, slower than a busy moment passes. */
    static final int USER_LIMIT_RETRY_AFTER_SECONDS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /** Renders a JSP with the given status; the page reads what it shows from request attributes. */
    static void page(HttpServletRequest req, HttpServletResponse resp, int status, String jsp)
            throws ServletException, IOException {
        if (FORM_PAGE.equals(jsp)) {
            FormToken.fresh(req); // each form shown, first or again after a refusal, is a new submission
        }
        resp.setStatus(status);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        req.getRequestDispatcher(jsp).forward(req, resp);
    }

    static void json(HttpServletResponse resp, int status, Object value) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        JSON.writeValue(resp.getWriter(), value);
    }

    /** One line of text: what a script reading the body with {@code $(curl ...)} wants. */
    static void plain(HttpServletResponse resp, int status, String line) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(line + "\n");
    }

    /**
     * Answers with a problem in the request's form. HTML renders {@code htmlPage}, which finds the message in
     * the request attributes problemMessage and problemField; CSV requests get the plain text form.
     */
    static void problem(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, Problem problem,
                        String htmlPage) throws ServletException, IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (problem.status() == 503) {
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        } else if (problem.status() == 429 && !resp.containsHeader("Retry-After")) {
            // The lookup rate limit sets its own wait; the user's queue limit has this one.
            resp.setHeader("Retry-After", Integer.toString(USER_LIMIT_RETRY_AFTER_SECONDS));
        }
        switch (format) {
            case HTML -> {
                req.setAttribute("problemStatus", problem.status());
                req.setAttribute("problemMessage", problem.message());
                req.setAttribute("problemField", problem.field());
                page(req, resp, problem.status(), htmlPage);
            }
            case JSON -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", problem.message());
                if (problem.field() != null) {
                    body.put("field", problem.field());
                }
                json(resp, problem.status(), body);
            }
            default -> plain(resp, problem.status(), problem.message());
        }
    }

    static void problem(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, Problem problem)
            throws ServletException, IOException {
        problem(req, resp, format, problem, ERROR_PAGE);
    }
}
