package org.onedoor.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceDefinition.Fee;

/** What the front desk hands the citizen: the acknowledgement of what was received and when to expect it. */
public record Receipt(
        String trackingNumber,
        String serviceCode,
        LocalizedName serviceName,
        Fee fee,
        Instant receivedAt,
        LocalDate expectedCompletion,
        List<ReceivedDocument> documents) {

    public record ReceivedDocument(String kind, String fileName, String mediaType, long size, String sha256) {
    }
}
