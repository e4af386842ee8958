package org.onedoor.lifecycle;

/**
 * An MDA's part of a request began (its packet is being prepared, or its officers have it), in the transaction of that
 * change. For an MDA with a system this is no news to the citizen until the packet is delivered.
 */
public record LegStarted(String trackingNumber, String mdaCode) {
}
