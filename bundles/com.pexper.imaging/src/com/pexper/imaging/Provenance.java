package com.pexper.imaging;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What a result was made from, kept in the result itself (a PNG tEXt chunk, a JPEG comment): the SHA-256 of the
 * source file's content and the recipe that made it (the model and settings). A batch run again
 * over the same photos with the same recipe knows, from the files alone, which results are there
 * already, so an interrupted batch of thousands resumes where it stopped, and a result made from
 * another photo of the same name, or with other settings, is never mistaken for one.
 *
 * @param sourceSha256 the source file's SHA-256, in hex
 * @param recipe how the result was made, e.g. "remove-bg model=isnet-medium output=cutout"
 */
public record Provenance(String sourceSha256, String recipe) {

    /** The PNG tEXt keyword it is kept under. */
    public static final String KEYWORD = "pexper:made-from";
    /** Chunks read before giving up on finding it: Pexper writes it right after the header. */
    private static final int MAX_CHUNKS = 64;
    private static final int MAX_TEXT = 4096;
    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    public Provenance {
        if (recipe.indexOf('\n') >= 0 || recipe.length() > 1024) {
            throw new IllegalArgumentException("a recipe is one line of at most 1024 characters");
        }
    }

    /** The provenance of a result made from {@code source} by {@code recipe}: hashes the source's content. */
    public static Provenance of(Path source, String recipe) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                sha256.update(buffer, 0, n);
                total += n;
                if (total > ImageDecoder.MAX_BYTES) {
                    throw new IOException(source + " is larger than any image Pexper reads");
                }
            }
        }
        return new Provenance(HexFormat.of().formatHex(sha256.digest()), recipe);
    }

    /** As it is written into the result. */
    public Map<String, String> asText() {
        return Map.of(KEYWORD, sourceSha256 + " " + recipe);
    }

    /**
     * The provenance recorded in a PNG or a JPEG, if it has one: reads the first chunks or segments
     * only, whatever the file is (damaged, neither, not there: empty).
     */
    public static Optional<Provenance> readFrom(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] start = new byte[2];
            in.readFully(start);
            if ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xD8) {
                return fromJpegComments(in);
            }
            byte[] signature = new byte[SIGNATURE.length];
            System.arraycopy(start, 0, signature, 0, 2);
            in.readFully(signature, 2, SIGNATURE.length - 2);
            return Arrays.equals(signature, SIGNATURE) ? fromPngText(in) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // cut short, unreadable or not ours: no provenance
        }
    }

    private static Optional<Provenance> fromPngText(DataInputStream in) throws IOException {
        for (int i = 0; i < MAX_CHUNKS; i++) {
            int length = in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IDAT") || name.equals("IEND") || length < 0) {
                return Optional.empty();
            }
            if (name.equals("tEXt") && length <= MAX_TEXT) {
                byte[] data = new byte[length];
                in.readFully(data);
                in.skipNBytes(4); // CRC
                Optional<Provenance> found = parse(data);
                if (found.isPresent()) {
                    return found;
                }
            } else {
                in.skipNBytes(length + 4L);
            }
        }
        return Optional.empty();
    }

    /** Segments up to the scan: the comments (COM) among them are where {@link ImageEncoder} puts text. */
    private static Optional<Provenance> fromJpegComments(DataInputStream in) throws IOException {
        for (int i = 0; i < MAX_CHUNKS; i++) {
            if (in.readUnsignedByte() != 0xFF) {
                return Optional.empty();
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) {
                marker = in.readUnsignedByte(); // fill bytes
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Optional.empty(); // the scan (or the end) comes before any text of ours
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // no length
            }
            int length = in.readUnsignedShort() - 2;
            if (length < 0) {
                return Optional.empty();
            }
            if (marker == 0xFE && length <= MAX_TEXT) {
                byte[] data = new byte[length];
                in.readFully(data);
                Optional<Provenance> found = parse(data);
                if (found.isPresent()) {
                    return found;
                }
            } else {
                in.skipNBytes(length);
            }
        }
        return Optional.empty();
    }

    /** "keyword NUL text", as both a tEXt chunk and a comment written by {@link ImageEncoder} hold it. */
    private static Optional<Provenance> parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int zero = text.indexOf('\0');
        int space = text.indexOf(' ', zero + 1);
        if (zero > 0 && text.substring(0, zero).equals(KEYWORD) && space > zero) {
            return Optional.of(new Provenance(text.substring(zero + 1, space), text.substring(space + 1)));
        }
        return Optional.empty();
    }
}
