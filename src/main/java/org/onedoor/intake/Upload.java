package org.onedoor.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * One document part of a filing or an answer: the part name is the document kind. The content stays where the
 * multipart parser put it (a temporary file) and is read as a stream, as often as checking and storing need.
 */
public record Upload(String kind, String fileName, long size, InputStreamSource content) {

    /** Every file part of the form but {@code dataPart}, the JSON part beside them. */
    public static List<Upload> of(MultipartHttpServletRequest multipart, String dataPart) {
        List<Upload> uploads = new ArrayList<>();
        for (var entry : multipart.getMultiFileMap().entrySet()) {
            if (entry.getKey().equals(dataPart)) {
                continue;
            }
            for (MultipartFile file : entry.getValue()) {
                uploads.add(new Upload(entry.getKey(), safeName(file.getOriginalFilename()), file.getSize(), file));
            }
        }
        return uploads;
    }

    /**
     * The applicant's file name as a label only: its last path segment, without control characters, at most 255
     * characters. It never names a file anywhere; content is kept by digest.
     */
    static String safeName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        name = name.equals(".") || name.equals("..") ? "" : name;
        return name.isEmpty() ? null : name.substring(0, Math.min(255, name.length()));
    }
}
