package org.onedoor.system;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of OneDoor's own REST API into RFC 9457 problem details with a stable {@code code}
 * property, so that clients switch on the code, never on the message. Global, so that framework errors raised
 * before any handler is chosen (unsupported media type, wrong method, no such path) get a code too; what fails
 * outside Spring MVC reaches {@link ProblemErrorController}.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    public static ProblemDetail of(String code, HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return withCode(problem, code);
    }

    private static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(URI.create("urn:onedoor:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(OneDoorException.class)
    ProblemDetail onedoor(OneDoorException e) {
        ProblemDetail problem = of(e.code(), e.status(), e.getMessage());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", e.violations());
        }
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return of("request.malformed", HttpStatus.BAD_REQUEST, "The multipart request could not be read.");
    }

    /** Tomcat stopped reading a document, a body or its parts at a limit: nothing of it was kept. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                // server.tomcat.max-part-count; Spring reports it as a size.
                ProblemDetail problem = of("request.too-many-parts", HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request has more parts than OneDoor takes (onedoor.documents.max-documents documents).");
                return handleExceptionInternal(ex, problem, headers, status, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "A document, or the request as a whole, is "
                + "larger than OneDoor takes; the service catalogue (GET /api/services) gives each document's limit.");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The last resort: the caller learns that it failed, the log keeps the stack trace. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return of("internal.error", HttpStatus.INTERNAL_SERVER_ERROR, "OneDoor could not complete the request.");
    }

    /** Spring MVC's own errors (missing part, wrong method, upload too large ...) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        boolean coded = problem.getProperties() != null && problem.getProperties().containsKey("code");
        return super.handleExceptionInternal(ex, coded ? problem : withCode(problem, codeFor(status)), headers, status,
                request);
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "resource.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            case 401 -> "auth.required";
            case 403 -> "auth.forbidden";
            default -> status.is4xxClientError() ? "request.malformed" : "internal.error";
        };
    }
}
