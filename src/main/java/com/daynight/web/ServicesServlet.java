package com.daynight.web;

import com.daynight.gallery.Thumbnails;
import com.daynight.persistence.ResultsTable;
import com.daynight.persistence.ServicesTable;
import com.daynight.submission.ServiceIdGenerator;
import com.daynight.submission.ServiceUnavailableException;
import com.daynight.submission.BucketRefusedException;
import com.daynight.submission.SubmissionService;
import com.daynight.submission.UserQueueFullException;
import com.daynight.submission.ValidationException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * /services and /services/{id}: takes submissions (POST), answers lookups by ServiceID and by user (GET).
 * Created and registered by the composition root, which hands in its collaborators.
 */
public class ServicesServlet extends HttpServlet {

    static final String SERVICE_ID = "serviceId";
    static final String USER_NAME = "userName";

    private static final Set<ResponseFormat> PAGE_OR_JSON = EnumSet.of(ResponseFormat.HTML, ResponseFormat.JSON);

    private final transient SubmissionService submissions;
    private final transient ServicesTable services;
    private final transient ServiceAnswers serviceAnswers;

    public ServicesServlet(SubmissionService submissions, ServicesTable services, ResultsTable results) {
        this(submissions, services, results, null);
    }

    /** @param thumbnails makes the gallery's pictures; null: the gallery shows none */
    public ServicesServlet(SubmissionService submissions, ServicesTable services, ResultsTable results,
                           Thumbnails thumbnails) {
        this.submissions = submissions;
        this.services = services;
        this.serviceAnswers = new ServiceAnswers(services, results, thumbnails);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        // Browsers send the form in the page's UTF-8 without saying so; a client that names its charset
        // ("Content-Type: ...; charset=ISO-8859-1") is read in it, so that its "Zo%E9" stays "Zoé".
        if (req.getCharacterEncoding() == null) {
            req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        ResponseFormat format = ResponseFormat.forSubmission(req.getHeader("Accept"));
        if (!isCollection(req)) {
            resp.setHeader("Allow", "GET, HEAD");
            Replies.problem(req, resp, format, Problem.of(405, "submit a service with POST /services"));
            return;
        }
        SubmissionForm form;
        try {
            form = SubmissionForm.read(req);
        } catch (SubmissionForm.BodyException e) {
            Replies.problem(req, resp, format, e.problem());
            return;
        }
        // The form page keeps what was typed when it has to be shown again.
        req.setAttribute("typedUserName", form.userName());
        req.setAttribute("typedBucket", form.bucket());
        req.setAttribute("form", "submit");
        String serviceId;
        try {
            serviceId = submissions.submit(Viewers.principal(req), form.userName(), form.bucket());
        } catch (BucketRefusedException e) {
            Replies.problem(req, resp, format, Problem.bucketRefused(e), Replies.FORM_PAGE);
            return;
        } catch (UserQueueFullException e) {
            Replies.problem(req, resp, format, Problem.of(429, e.getMessage()), Replies.FORM_PAGE);
            return;
        } catch (ValidationException e) {
            Replies.problem(req, resp, format, Problem.invalid(e), Replies.FORM_PAGE);
            return;
        } catch (ServiceUnavailableException e) {
            Replies.problem(req, resp, format, Problem.unavailable(e.getMessage()), Replies.FORM_PAGE);
            return;
        }
        accepted(req, resp, format, serviceId);
    }

    private void accepted(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, String serviceId)
            throws ServletException, IOException {
        resp.setHeader("Location", req.getContextPath() + "/services/" + serviceId);
        switch (format) {
            case HTML -> {
                req.setAttribute("serviceId", serviceId);
                Replies.page(req, resp, HttpServletResponse.SC_ACCEPTED, "/WEB-INF/jsp/submitted.jsp");
            }
            case JSON -> Replies.json(resp, HttpServletResponse.SC_ACCEPTED, Map.of("ServiceId", serviceId));
            default -> Replies.plain(resp, HttpServletResponse.SC_ACCEPTED, serviceId);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store"); // a service's page changes while it runs
        try {
            if (!isCollection(req)) {
                serviceAnswers.answer(req, resp, req.getPathInfo().substring(1));
            } else if (req.getParameter(SERVICE_ID) != null) {
                redirectToService(req, resp);
            } else {
                listServices(req, resp);
            }
        } catch (SQLException e) {
            log("a lookup could not read the database", e);
            ResponseFormat format = ServiceAnswers.format(req);
            if (resp.isCommitted()) {
                throw new IOException("the database failed while the answer was being sent", e); // cut it short
            }
            resp.reset(); // drops the half-made answer's headers too (a CSV attachment, say)
            Replies.problem(req, resp, format, Problem.unavailable("the database cannot be reached"));
        }
    }

    /** The lookup box: a ServiceID typed by hand, so spaces and lower case are forgiven. */
    private void redirectToService(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String serviceId = req.getParameter(SERVICE_ID).trim().toUpperCase(Locale.ROOT);
        if (!ServiceIdGenerator.isWellFormed(serviceId)) {
            req.setAttribute("typedServiceId", req.getParameter(SERVICE_ID));
            req.setAttribute("form", "lookup");
            Replies.problem(req, resp, lookupFormat(req), Problem.invalid(SERVICE_ID,
                    "serviceId must be 8 characters, capital letters A-Z and digits 0-9"), Replies.FORM_PAGE);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/services/" + serviceId);
    }

    private void listServices(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException, SQLException {
        String userName = req.getParameter(USER_NAME);
        ResponseFormat format = lookupFormat(req);
        if (userName == null || userName.isBlank()) {
            req.setAttribute("form", "list");
            Replies.problem(req, resp, format, Problem.invalid(USER_NAME,
                    "userName is required: the user whose services to list"), Replies.FORM_PAGE);
            return;
        }
        ServiceListAnswers.answer(req, resp, format, userName, services, Viewers.of(req));
    }

    private static ResponseFormat lookupFormat(HttpServletRequest req) {
        return ResponseFormat.forLookup(req.getParameter("format"), req.getHeader("Accept"), PAGE_OR_JSON);
    }

    /** /services and /services/ name the collection; anything longer names one service. */
    private static boolean isCollection(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/");
    }
}
