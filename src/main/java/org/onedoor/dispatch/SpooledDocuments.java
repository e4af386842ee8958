package org.onedoor.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import org.onedoor.packet.PacketException;
import org.springframework.core.io.InputStreamSource;

/**
 * A SOAP packet's MTOM attachments copied, as they stream in, to temporary files OneDoor owns: verification,
 * inspection and storage each read them again, which CXF's own attachment cache does not promise. Closing
 * removes the files.
 */
final class SpooledDocuments implements AutoCloseable {

    private final List<Path> files = new ArrayList<>();
    private final Map<String, InputStreamSource> byName = new LinkedHashMap<>();

    SpooledDocuments(Map<String, DataHandler> attachments) {
        try {
            for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
                Path file = Files.createTempFile("onedoor-mtom-", ".part");
                files.add(file);
                try (InputStream in = attachment.getValue().getInputStream()) {
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new PacketException("packet.malformed", "The attachment '" + attachment.getKey()
                            + "' cannot be read.");
                }
                byName.put(attachment.getKey(), () -> Files.newInputStream(file));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Map<String, InputStreamSource> byName() {
        return byName;
    }

    @Override
    public void close() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
