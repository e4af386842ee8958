package org.onedoor.dispatch;

/**
 * The MDA system could not be reached or answered nonsense, after the route's own redeliveries. It reaches the
 * Camunda delivery job, which retries on the connector's cycle and then raises an incident.
 */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
