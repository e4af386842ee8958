package org.onedoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.onedoor.system.Sha256;
import org.springframework.util.FileSystemUtils;

/**
 * A land mutation filing whose deed is as large as asked, streamed from nothing (a PDF header, then zeros) in
 * 64 KiB chunks, with the deed's SHA-256 computed on the way: for the 1 GiB test and the documents benchmark.
 */
public final class LargeUpload {

    private static final String BOUNDARY = "large-upload-boundary";

    private LargeUpload() {
    }

    /** The status OneDoor answered (or what ended the connection), the deed's digest, the response body. */
    public record Result(String status, String sha256, String body) {
    }

    /** The demo's processes/ copied to {@code target}, the land mutation's deed allowed up to 2 GB. */
    public static Path processesWithLargeDeeds(Path target) {
        try {
            FileSystemUtils.deleteRecursively(target);
            FileSystemUtils.copyRecursively(Path.of("processes"), target);
            Path service = target.resolve("services/land-mutation/service.yaml");
            String yaml = Files.readString(service);
            String deed = yaml.substring(yaml.indexOf("- kind: deed"));
            Files.writeString(service, yaml.replace(deed, deed.replaceFirst("maxSize: \\S+", "maxSize: 2GB")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files the land mutation example with a deed of {@code size} bytes; each size is a new digest. */
    public static Result file(int port, long size) throws IOException {
        HttpURLConnection post = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/requests").toURL()
                .openConnection();
        post.setDoOutput(true);
        post.setChunkedStreamingMode(1 << 16);
        post.setReadTimeout(600_000);
        post.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "frontdesk:demo".getBytes(StandardCharsets.UTF_8)));
        post.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        Path examples = Path.of("docs/examples/land-mutation");
        MessageDigest sha = Sha256.digest();
        try (OutputStream out = post.getOutputStream()) {
            part(out, "request", "request.json", "application/json", Files.readAllBytes(examples.resolve("request.json")));
            part(out, "khatian", "khatian.pdf", "application/pdf", Files.readAllBytes(examples.resolve("khatian.pdf")));
            part(out, "national-id", "national-id.pdf", "application/pdf",
                    Files.readAllBytes(examples.resolve("national-id.pdf")));
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deed\"; filename=\"deed.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] head = ("%PDF-1.4\n% " + size + "\n").getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            sha.update(head);
            byte[] chunk = new byte[1 << 16];
            for (long written = head.length; written < size; ) {
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                sha.update(chunk, 0, n);
                written += n;
            }
            out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result("connection closed: " + e.getMessage(), null, null);
        }
        int status = post.getResponseCode();
        String body;
        try (InputStream in = status < 400 ? post.getInputStream() : post.getErrorStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Result(String.valueOf(status), HexFormat.of().formatHex(sha.digest()), body);
    }

    private static void part(OutputStream out, String name, String file, String type, byte[] content) throws IOException {
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
