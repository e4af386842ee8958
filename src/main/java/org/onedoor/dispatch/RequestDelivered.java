package org.onedoor.dispatch;

/** An MDA system has signed for a request packet, the first time: the citizen sees whom the request is with. */
public record RequestDelivered(String trackingNumber, String mdaCode, String mdaName) {
}
