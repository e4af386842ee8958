package org.onedoor.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Every failure OneDoor reports to a caller: a stable code (such as {@code request.invalid}), the HTTP status
 * it maps to, a message for people and, for validation, the offending paths.
 */
public class OneDoorException extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final List<Violation> violations;

    public OneDoorException(String code, HttpStatus status, String message) {
        this(code, status, message, List.of());
    }

    public OneDoorException(String code, HttpStatus status, String message, List<Violation> violations) {
        super(message);
        this.code = code;
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One invalid field or document: where it is ({@code applicant.phone}, {@code documents.deed}) and why. */
    public record Violation(String path, String code, String message) {
    }
}
