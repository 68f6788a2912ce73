package com.daynight.web;

import com.daynight.persistence.ServicesTable;
import com.daynight.persistence.ServicesTable.ServiceWithCounts;
import com.daynight.persistence.Viewer;
import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** GET /services?userName=...: a user's services, newest first, as a page or a JSON array. */
final class ServiceListAnswers {

    private static final JsonFactory JSON = new JsonFactory();

    private ServiceListAnswers() {
    }

    /** Services a page lists: the list's JSON holds as many (the form's recent services read its first page). */
    static final int PAGE_SIZE = 100;
    /** Pages beyond this one are refused: nobody pages through ten thousand of their services. */
    static final int MAX_PAGE = 100;
    /** MAX_PAGE's digits: a longer number is out of range (and is not parsed). */
    private static final int MAX_PAGE_DIGITS = Integer.toString(MAX_PAGE).length();

    static void answer(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, String userName,
                       ServicesTable table, Viewer viewer) throws ServletException, IOException, SQLException {
        String pageParameter = req.getParameter("page");
        int page = pageParameter == null ? 1 : pageNumber(pageParameter);
        if (page == 0) {
            Replies.problem(req, resp, format, Problem.invalid("page",
                    "page: the page of the list, a whole number from 1 to " + MAX_PAGE));
            return;
        }
        ServicesTable.UserPage found = table.findByUser(userName, viewer, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        if (format == ResponseFormat.JSON) {
            resp.setContentType("application/json;charset=UTF-8");
            writeJson(found.services().stream().map(ServiceWithCounts::service).toList(), resp);
            return;
        }
        int pages = ResultListing.pageCount(found.total(), PAGE_SIZE, MAX_PAGE);
        req.setAttribute("listUserName", userName);
        req.setAttribute("services", found.services().stream()
                .map(s -> new ServiceView(s.service(), s.counts())).toList());
        req.setAttribute("listTotal", found.total());
        req.setAttribute("listFirst", found.services().isEmpty() ? 0 : (page - 1) * PAGE_SIZE + 1);
        req.setAttribute("listLast", (page - 1) * PAGE_SIZE + found.services().size());
        req.setAttribute("listPage", page);
        req.setAttribute("listPages", pages);
        Replies.page(req, resp, HttpServletResponse.SC_OK, "/WEB-INF/jsp/services.jsp");
    }

    /** 1 to MAX_PAGE, or 0 for anything else. */
    private static int pageNumber(String value) {
        String digits = value.trim();
        if (!ServiceAnswers.isDigits(digits, MAX_PAGE_DIGITS)) {
            return 0;
        }
        int page = Integer.parseInt(digits);
        return page >= 1 && page <= MAX_PAGE ? page : 0;
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
