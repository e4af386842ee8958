package org.onedoor.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** One document part of a filing or an answer: the part name is the document kind. */
public record Upload(String kind, String fileName, byte[] content) {

    /** Every file part of the form but {@code dataPart}, the JSON part beside them. */
    public static List<Upload> of(MultipartHttpServletRequest multipart, String dataPart) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (var entry : multipart.getMultiFileMap().entrySet()) {
            if (entry.getKey().equals(dataPart)) {
                continue;
            }
            for (MultipartFile file : entry.getValue()) {
                uploads.add(new Upload(entry.getKey(), file.getOriginalFilename(), file.getBytes()));
            }
        }
        return uploads;
    }
}
