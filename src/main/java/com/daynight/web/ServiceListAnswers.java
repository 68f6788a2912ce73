package com.daynight.web;

import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** GET /services?userName=...: a user's services, newest first, as a page or a JSON array. */
final class ServiceListAnswers {

    private static final JsonFactory JSON = new JsonFactory();

    private ServiceListAnswers() {
    }

    static void answer(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, String userName,
                       List<ServiceRecord> services) throws ServletException, IOException {
        if (format == ResponseFormat.JSON) {
            resp.setContentType("application/json;charset=UTF-8");
            writeJson(services, resp);
            return;
        }
        req.setAttribute("listUserName", userName);
        req.setAttribute("services", services.stream().map(ServiceView::new).toList());
        Replies.page(req, resp, HttpServletResponse.SC_OK, "/WEB-INF/jsp/services.jsp");
    }

    /** Field names as the results document spells them, so clients meet one vocabulary. */
    private static void writeJson(List<ServiceRecord> services, HttpServletResponse resp) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(resp.getWriter())) {
            json.writeStartArray();
            for (ServiceRecord service : services) {
                json.writeStartObject();
                json.writeStringField("ServiceId", service.serviceId());
                json.writeStringField("Bucket", service.bucket());
                ResultsDocument.writeTime(json, "ServiceRequestTime", service.requestTime());
                ResultsDocument.writeStatusFields(json, service);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }
}
