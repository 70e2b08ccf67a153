package com.pexper.imaging.onnx.download.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar archive (ustar, with pax and GNU long names, as npm writes
 * them) one after the other. Names are handed out as data, never used as paths: nothing in an
 * archive decides where anything is written.
 */
public final class TarReader {

    private static final int BLOCK = 512;
    private static final int MAX_HEADER_DATA = 1 << 16;
    private static final long MAX_ENTRY = 1L << 40;

    /** Sees each regular file; {@code content} yields exactly its bytes and is not to be closed. */
    @FunctionalInterface
    public interface Visitor {
        void file(String name, long size, InputStream content) throws IOException;
    }

    private TarReader() {
    }

    public static void read(InputStream archive, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (!fill(archive, header)) {
                return; // an archive may end without its two zero blocks
            }
            if (isZero(header)) {
                return;
            }
            checkSum(header);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            Bounded content = new Bounded(archive, size);
            if ((type == 'L' || type == 'x') && size > MAX_HEADER_DATA) {
                throw new IOException("a tar entry's extended header has " + size + " bytes: the archive is damaged");
            }
            switch (type) {
                case 'L' -> longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                case 'x' -> longName = paxPath(content.readAllBytes());
                case '0', '\0', '7' -> visitor.file(name, size, content);
                default -> {
                    // directories, links, global pax headers: nothing to read
                }
            }
            content.skipRest();
            skipFully(archive, (BLOCK - size % BLOCK) % BLOCK);
        }
    }

    private static String name(byte[] header) {
        String name = field(header, 0, 100);
        // POSIX ustar ("ustar\0") keeps a name prefix at 345; GNU tar ("ustar  ") keeps other data there
        boolean posix = header[257] == 'u' && field(header, 257, 6).equals("ustar") && header[262] == 0;
        String prefix = posix ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] records) {
        String text = new String(records, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        if ((header[offset] & 0xff) == 0x80) { // GNU base-256, for sizes of 8 GiB and more
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                if (value > MAX_ENTRY >> 8) {
                    throw new IOException("a tar entry declares more than " + MAX_ENTRY + " bytes: the archive is damaged");
                }
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        if ((header[offset] & 0x80) != 0) {
            throw new IOException("a tar header has a negative size: the archive is damaged");
        }
        String digits = field(header, offset, length).trim();
        if (!digits.matches("[0-7]{1,12}")) {
            throw new IOException("a tar header has a size of '" + digits + "': the archive is damaged");
        }
        return Long.parseLong(digits, 8);
    }

    private static void checkSum(byte[] header) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (octal(header, 148, 8) != sum) {
            throw new IOException("a tar header's checksum does not match: the archive is damaged");
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean fill(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new EOFException("the archive ends inside a tar header: it is cut short");
        }
        return true;
    }

    private static void skipFully(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the archive is cut short");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One entry's bytes: reads stop at its end, and what the visitor left is skipped. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long size) {
            super(in);
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the archive is cut short");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the archive is cut short");
            }
            left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }

        void skipRest() throws IOException {
            skipFully(in, left);
            left = 0;
        }
    }
}
