package com.daynight.web;

import com.daynight.persistence.ServicesTable;
import com.daynight.service.ServiceRecord;
import com.daynight.submission.ServiceIdGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * GET /services/{id}/submitted: the confirmation a browser is redirected to after the form. It is an
 * ordinary page of its own, so reloading or bookmarking it shows the same ServiceID without submitting again.
 */
final class ConfirmationPage {

    static final String SEGMENT = "submitted";

    private final ServicesTable services;

    ConfirmationPage(ServicesTable services) {
        this.services = services;
    }

    static String path(String serviceId) {
        return ServiceAnswers.path(serviceId) + "/" + SEGMENT;
    }

    void answer(HttpServletRequest req, HttpServletResponse resp, String serviceId)
            throws ServletException, IOException, SQLException {
        Optional<ServiceRecord> found = ServiceIdGenerator.isWellFormed(serviceId)
                ? services.find(serviceId, Viewers.of(req)) : Optional.empty();
        if (found.isEmpty()) { // someone else's service answers exactly as an unknown one
            req.setAttribute("typedServiceId", serviceId);
            Replies.problem(req, resp, ResponseFormat.HTML,
                    Problem.notFound("there is no service with the ServiceID " + serviceId));
            return;
        }
        ServiceRecord service = found.get();
        req.setAttribute("serviceId", service.serviceId());
        req.setAttribute("service", new ServiceView(service));
        Replies.page(req, resp, HttpServletResponse.SC_OK, "/WEB-INF/jsp/submitted.jsp");
    }
}
