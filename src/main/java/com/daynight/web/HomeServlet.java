package com.daynight.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** GET /: the submission form and the lookup boxes. */
public class HomeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // Each rendering carries its own token: a copy of it from a cache would make two visits one submission.
        resp.setHeader("Cache-Control", "no-store");
        Replies.page(req, resp, HttpServletResponse.SC_OK, Replies.FORM_PAGE);
    }
}
