package com.daynight.web;

import com.daynight.gallery.Thumbnails;
import com.daynight.persistence.ResultsTable;
import com.daynight.persistence.ServicesTable;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.submission.ServiceIdGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /services/{id}/thumbnails/{n}: the small picture of the service's n-th result (its index in the bucket's
 * listing, from 0), for the service's owner only (anyone else gets the 404 of an unknown service, as for its
 * page). A picture that cannot be shown (an error entry, gone from the bucket, unreadable, too large or too
 * slow) answers a placeholder image, never an error page: one bad picture must not break the gallery.
 */
final class ThumbnailAnswers {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailAnswers.class);
    private static final Pattern THUMBNAIL_PATH = Pattern.compile("/services/[^/]+/thumbnails/[^/]+");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,18}");
    /** A finished service's results never change; an hour keeps a gallery's pages quick to page back through. */
    private static final String CACHE_PICTURE = "private, max-age=3600";
    private static final String CACHE_PLACEHOLDER = "private, max-age=60";
    private static final byte[] PLACEHOLDER = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\""
            + " height=\"120\" viewBox=\"0 0 160 120\"><rect width=\"160\" height=\"120\" fill=\"#e5e7eb\"/>"
            + "<path d=\"M52 84l22-26 16 18 10-12 18 20z\" fill=\"#9ca3af\"/><circle cx=\"104\" cy=\"44\" r=\"8\""
            + " fill=\"#9ca3af\"/><text x=\"80\" y=\"108\" font-family=\"sans-serif\" font-size=\"11\""
            + " text-anchor=\"middle\" fill=\"#4b5563\">no preview</text></svg>").getBytes(StandardCharsets.UTF_8);

    private final ServicesTable services;
    private final ResultsTable results;
    private final Thumbnails thumbnails;

    ThumbnailAnswers(ServicesTable services, ResultsTable results, Thumbnails thumbnails) {
        this.services = services;
        this.results = results;
        this.thumbnails = thumbnails;
    }

    /** Whether a path within the application (no context path) names a thumbnail. */
    static boolean isThumbnailPath(String path) {
        return path != null && THUMBNAIL_PATH.matcher(path).matches();
    }

    /** @param rest what follows /services/{id}/ in the path */
    void answer(HttpServletRequest req, HttpServletResponse resp, String serviceId, String rest)
            throws ServletException, IOException, SQLException {
        String index = rest.startsWith("thumbnails/") ? rest.substring("thumbnails/".length()) : "";
        Optional<ServiceRecord> service = thumbnails != null && ServiceIdGenerator.isWellFormed(serviceId)
                && INDEX.matcher(index).matches() ? services.find(serviceId, Viewers.of(req)) : Optional.empty();
        Optional<ImageResult> result = service.isPresent()
                ? results.at(serviceId, Long.parseLong(index)) : Optional.empty();
        if (result.isEmpty()) {
            Replies.problem(req, resp, ServiceAnswers.format(req), Problem.notFound(
                    "there is no such picture: /services/{ServiceID}/thumbnails/{n}, n from 0, of your own service"));
            return;
        }
        if (result.get() instanceof ImageResult.Failed) {
            placeholder(resp);
            return;
        }
        Thumbnails.Outcome outcome = thumbnails.make(service.get().bucket(), result.get().image());
        if (outcome instanceof Thumbnails.Outcome.Made made) {
            send(resp, "image/jpeg", made.jpeg(), CACHE_PICTURE);
        } else if (outcome instanceof Thumbnails.Outcome.Busy) {
            Replies.problem(req, resp, ServiceAnswers.format(req),
                    Problem.of(503, "too many thumbnails are being made; try again in 2 s"));
        } else {
            if (outcome instanceof Thumbnails.Outcome.Unavailable unavailable) {
                log.debug("thumbnail {} of {} is the placeholder: {}", index, serviceId, unavailable.reason());
            }
            placeholder(resp);
        }
    }

    private static void placeholder(HttpServletResponse resp) throws IOException {
        send(resp, "image/svg+xml", PLACEHOLDER, CACHE_PLACEHOLDER);
    }

    private static void send(HttpServletResponse resp, String type, byte[] body, String cache) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", cache);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
