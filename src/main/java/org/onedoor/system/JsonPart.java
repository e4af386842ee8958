package org.onedoor.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The JSON part of a multipart form that also carries documents (a filing, an applicant's answer). */
public final class JsonPart {

    /** A form's fields are a few KiB: a larger JSON part is not read into memory. */
    private static final long MAX_SIZE = 1 << 20;

    private JsonPart() {
    }

    /** @throws OneDoorException {@code request.malformed} when the part is missing or is not JSON of that shape */
    public static <T> T read(MultipartHttpServletRequest multipart, String name, Class<T> type, ObjectMapper json) {
        String text;
        try {
            MultipartFile part = multipart.getFile(name);
            if (part != null && part.getSize() > MAX_SIZE) {
                throw new OneDoorException("request.too-large", HttpStatus.PAYLOAD_TOO_LARGE,
                        "The part '" + name + "' is larger than " + MAX_SIZE / 1024 + " KiB.");
            }
            text = part != null ? new String(part.getBytes(), StandardCharsets.UTF_8) : multipart.getParameter(name);
        } catch (IOException e) {
            throw new OneDoorException("request.malformed", HttpStatus.BAD_REQUEST, "The part '" + name + "' cannot be read.");
        }
        if (text == null) {
            throw new OneDoorException("request.malformed", HttpStatus.BAD_REQUEST,
                    "The multipart part '" + name + "' (JSON) is missing.");
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new OneDoorException("request.malformed", HttpStatus.BAD_REQUEST,
                    "The part '" + name + "' is not valid JSON of the expected shape: " + e.getOriginalMessage());
        }
    }
}
