package com.daynight.web;

import com.daynight.submission.IdempotencyKey;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The submission form's own idempotency key, a hidden field made afresh each time the form is rendered: the
 * same form sent twice (a double click, a resent POST) starts one service; a new form starts a new one.
 */
final class FormToken {

    static final String ATTRIBUTE = "formToken";

    private FormToken() {
    }

    static void fresh(HttpServletRequest req) {
        req.setAttribute(ATTRIBUTE, UUID.randomUUID().toString());
        req.setAttribute("formTokenField", IdempotencyKey.FORM_FIELD);
    }
}
