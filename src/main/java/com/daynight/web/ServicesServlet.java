package com.daynight.web;

import com.daynight.gallery.Thumbnails;
import com.daynight.persistence.ResultsTable;
import com.daynight.persistence.ServicesTable;
import com.daynight.submission.ServiceIdGenerator;
import com.daynight.submission.ServiceUnavailableException;
import com.daynight.submission.BucketInput;
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
    private final transient ThumbnailAnswers thumbnailAnswers;
    private final transient ConfirmationPage confirmation;

    public ServicesServlet(SubmissionService submissions, ServicesTable services, ResultsTable results) {
        this(submissions, services, results, null);
    }

    /** @param thumbnails makes the gallery's pictures; null: the gallery shows none */
    public ServicesServlet(SubmissionService submissions, ServicesTable services, ResultsTable results,
                           Thumbnails thumbnails) {
        this.submissions = submissions;
        this.services = services;
        this.serviceAnswers = new ServiceAnswers(services, results);
        this.thumbnailAnswers = new ThumbnailAnswers(services, results, thumbnails);
        this.confirmation = new ConfirmationPage(services);
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
        req.setAttribute("typedBucket", BucketInput.normalised(form.bucket())); // shown as it was understood
        req.setAttribute("form", "submit");
        String serviceId;
        try {
            serviceId = submissions.submit(Viewers.principal(req), form.userName(), form.bucket(),
                    form.idempotencyKey());
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

    /**
     * A browser is sent on to the confirmation's own address (Post/Redirect/Get): a reload, a bookmark or the
     * back button then repeats a GET, never the submission. Scripts keep the 202 with the ServiceID.
     */
    private void accepted(HttpServletRequest req, HttpServletResponse resp, ResponseFormat format, String serviceId)
            throws IOException {
        if (format == ResponseFormat.HTML) {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getContextPath() + ConfirmationPage.path(serviceId));
            return;
        }
        resp.setHeader("Location", req.getContextPath() + ServiceAnswers.path(serviceId));
        if (format == ResponseFormat.JSON) {
            Replies.json(resp, HttpServletResponse.SC_ACCEPTED, Map.of("ServiceId", serviceId));
        } else {
            Replies.plain(resp, HttpServletResponse.SC_ACCEPTED, serviceId);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store"); // a service's page changes while it runs
        try {
            if (!isCollection(req)) {
                answerOne(req, resp, req.getPathInfo().substring(1));
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

    /**
     * /services/{id}, /services/{id}/submitted and /services/{id}/thumbnails/{n} (any other path below a
     * service is the thumbnails' 404), reached by the ServiceID in its one spelling.
     */
    private void answerOne(HttpServletRequest req, HttpServletResponse resp, String path)
            throws ServletException, IOException, SQLException {
        String[] parts = path.split("/", -1);
        String canonical = parts[0].toUpperCase(Locale.ROOT);
        if (!canonical.equals(parts[0]) && ServiceIdGenerator.isWellFormed(canonical)) {
            // A ServiceID copied by hand in lower case names the same service: one address per service.
            String rest = path.substring(parts[0].length());
            String query = req.getQueryString();
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + ServiceAnswers.path(canonical) + rest
                    + (query == null ? "" : "?" + query));
            return;
        }
        if (parts.length == 2 && parts[1].equals(ConfirmationPage.SEGMENT)) {
            confirmation.answer(req, resp, parts[0]);
        } else if (parts.length > 1) {
            thumbnailAnswers.answer(req, resp, parts[0], path.substring(parts[0].length() + 1));
        } else {
            serviceAnswers.answer(req, resp, path);
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
                    "the ServiceID must be 8 letters and digits (A-Z, 0-9), as the confirmation gave it"), Replies.FORM_PAGE);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + ServiceAnswers.path(serviceId));
    }

    private void listServices(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException, SQLException {
        String userName = req.getParameter(USER_NAME);
        ResponseFormat format = lookupFormat(req);
        if (userName == null && format == ResponseFormat.HTML) {
            // /services itself, typed or bookmarked: the form that submits to it and lists by name.
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getContextPath() + "/");
            return;
        }
        if (userName == null || userName.isBlank()) {
            req.setAttribute("form", "list");
            Replies.problem(req, resp, format, Problem.invalid(USER_NAME,
                    "your name is required: the name your services were submitted under"), Replies.FORM_PAGE);
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
