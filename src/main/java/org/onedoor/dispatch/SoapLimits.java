package org.onedoor.dispatch;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code onedoor.soap}: CXF's StAX limits for inbound envelopes, which CXF reads from the endpoint's properties. */
@ConfigurationProperties("onedoor.soap")
record SoapLimits(int maxElementDepth, int maxElementCount, int maxAttributeCount, DataSize maxAttributeSize,
        DataSize maxTextLength, DataSize maxXmlCharacters) {

    Map<String, Object> cxfProperties() {
        return Map.of(
                "org.apache.cxf.stax.maxElementDepth", maxElementDepth,
                "org.apache.cxf.stax.maxElementCount", (long) maxElementCount,
                "org.apache.cxf.stax.maxAttributeCount", maxAttributeCount,
                "org.apache.cxf.stax.maxAttributeSize", (int) maxAttributeSize.toBytes(),
                "org.apache.cxf.stax.maxTextLength", (int) maxTextLength.toBytes(),
                "org.apache.cxf.stax.maxXMLCharacters", maxXmlCharacters.toBytes());
    }
}
