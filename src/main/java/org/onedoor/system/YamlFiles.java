package org.onedoor.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the YAML files designers and operators write ({@code service.yaml}, {@code connector.yaml}) into records.
 * A mistake stops startup with the file, the field and what is wrong, never with a bare parser stack trace.
 */
public final class YamlFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private YamlFiles() {
    }

    /** The files matching a Spring resource pattern such as {@code classpath*:connectors/*}{@code /connector.yaml}. */
    public static List<Resource> find(String pattern) {
        try {
            return List.of(new PathMatchingResourcePatternResolver().getResources(pattern));
        } catch (IOException e) {
            throw new InvalidFileException(pattern, "cannot be listed: " + e.getMessage());
        }
    }

    public static <T> T read(Resource file, Class<T> type) {
        try (InputStream in = file.getInputStream()) {
            return YAML.readValue(in, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidFileException(describe(file), path(e) + ": unknown field; allowed are "
                    + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw new InvalidFileException(describe(file), path(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidFileException(describe(file), "cannot be read: " + e.getMessage());
        }
    }

    /** The last two path segments, e.g. {@code trade-licence/service.yaml}: enough to find the file. */
    public static String describe(Resource file) {
        try {
            String uri = file.getURI().toString();
            String[] parts = uri.split("/");
            return parts.length < 2 ? uri : parts[parts.length - 2] + "/" + parts[parts.length - 1];
        } catch (IOException e) {
            return file.getDescription();
        }
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + ref.getFieldName());
            } else {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return parts.isEmpty() ? "(document)" : String.join("", parts);
    }

    /** A designer's or operator's file is wrong: names the file and the field. */
    public static class InvalidFileException extends IllegalStateException {
        public InvalidFileException(String file, String problem) {
            super(file + ": " + problem);
        }
    }
}
