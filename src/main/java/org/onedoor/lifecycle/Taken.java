package org.onedoor.lifecycle;

/** What an MDA's answer did: changed its leg, or came after the request ended and is only kept for the record. */
public enum Taken {
    TAKEN, LATE
}
