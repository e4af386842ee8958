package org.onedoor.tracking;

/** Where a request stands, as the citizen sees it. The last timeline entry gives the current status. */
public enum RequestStatus {
    RECEIVED, IN_PROGRESS, APPROVED, REJECTED, RETURNED
}
