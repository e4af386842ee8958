package org.onedoor.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * OneDoor's checks that run inside the engine (an officer's decision without a reason, a second decision by the
 * same officer) reach Camunda's REST API, and so Tasklist, with their status and code instead of a 500: the engine
 * wraps a listener's exception, and Camunda's task resource wraps that in a 500. The body is OneDoor's problem
 * detail plus Camunda's {@code message}, which Tasklist shows to the officer. A permission the engine refuses is
 * Camunda's 403, even where a resource wrapped it in a 400. Every other error stays Camunda's.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(new Mapper());
    }

    /** Ahead of Camunda's own mapper for the same type, which has the default priority (5000). */
    @Priority(1000)
    static final class Mapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OneDoorException refused) {
                    return problem(refused);
                }
                if (cause instanceof AuthorizationException denied) {
                    // Camunda's comment resource calls a refused permission "Not enough parameters submitted" (400).
                    return ExceptionHandlerHelper.getInstance().getResponse(denied);
                }
            }
            return camunda.toResponse(e);
        }

        private static Response problem(OneDoorException e) {
            // Camunda's JSON provider does not know Spring's ProblemDetail: its fields go over as a map.
            ProblemDetail problem = ProblemDetails.of(e.code(), e.status(), e.getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("code", e.code());
            body.put("message", e.getMessage());
            return Response.status(e.status().value()).type(MediaType.valueOf("application/problem+json"))
                    .entity(body).build();
        }
    }
}
