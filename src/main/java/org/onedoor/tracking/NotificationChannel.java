package org.onedoor.tracking;

/** Where a citizen hears of a request: the phone number every filing has, and the e-mail address some give. */
public enum NotificationChannel {
    SMS, EMAIL
}
