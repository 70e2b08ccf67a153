package com.pexper.imaging.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import com.pexper.imaging.Image;

/**
 * A PNG encoder built for photos and cutouts: every row uses the Sub filter (which suits both), and
 * horizontal bands of rows are deflated in parallel as independent blocks of one zlib stream, as
 * pigz does. On a 10-megapixel cutout this is several times faster than ImageIO's writer, with
 * smaller files. 8- and 16-bit gray, gray+alpha, RGB and RGBA.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    /** Rows per band: big enough that the lost context at band starts costs nothing measurable. */
    private static final int MIN_BAND_BYTES = 1 << 20;

    private final int level;

    /** @param level zlib level 1 (fastest) to 9 (smallest) */
    public PngWriter(int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("compression level 1 to 9, not " + level);
        }
        this.level = level;
    }

    public void write(Image image, OutputStream out) throws IOException {
        write(image, out, Map.of());
    }

    /** @param text tEXt chunks to write before the pixels: Latin-1 keywords and texts */
    public void write(Image image, OutputStream out, Map<String, String> text) throws IOException {
        int w = image.width();
        int h = image.height();
        int bytesPerSample = image.bitsPerChannel() / 8;
        int bpp = image.channels() * bytesPerSample;
        long rowBytes = (long) w * bpp;
        int rowsPerBand = (int) Math.max(1, Math.min(h, MIN_BAND_BYTES / Math.max(1, rowBytes)));
        int bands = (h + rowsPerBand - 1) / rowsPerBand;

        Band[] done = new Band[bands];
        deflateAll(image, rowsPerBand, done);

        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = (byte) image.bitsPerChannel();
        header[9] = (byte) switch (image.channels()) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
        chunk(out, "IHDR", header, 0, header.length);
        // sRGB chunk: the samples are sRGB (the decoder converts embedded profiles)
        chunk(out, "sRGB", new byte[] { 0 }, 0, 1);
        for (Map.Entry<String, String> entry : new TreeMap<>(text).entrySet()) {
            byte[] data = (entry.getKey() + '\0' + entry.getValue()).getBytes(StandardCharsets.ISO_8859_1);
            chunk(out, "tEXt", data, 0, data.length);
        }

        long sum = 1; // Adler-32 of nothing
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        idat.write(0x78);
        idat.write(0x01);
        for (Band band : done) {
            idat.write(band.compressed, 0, band.length);
            sum = combineAdler32(sum, band.adler, band.rawLength);
            if (idat.size() >= 1 << 20) {
                chunk(out, "IDAT", idat.toByteArray(), 0, idat.size());
                idat.reset();
            }
        }
        idat.write((int) (sum >>> 24));
        idat.write((int) (sum >>> 16));
        idat.write((int) (sum >>> 8));
        idat.write((int) sum);
        chunk(out, "IDAT", idat.toByteArray(), 0, idat.size());
        chunk(out, "IEND", new byte[0], 0, 0);
        out.flush();
    }

    private record Band(byte[] compressed, int length, long adler, long rawLength) {
    }

    /**
     * Deflates the bands on the common pool and on the calling thread together: on two cores the
     * common pool has a single worker, so a caller that only waited would halve the speed.
     */
    private void deflateAll(Image image, int rowsPerBand, Band[] done) throws IOException {
        int bands = done.length;
        int h = image.height();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(bands);
        Runnable worker = () -> {
            for (int b; (b = next.getAndIncrement()) < bands;) {
                try {
                    int first = b * rowsPerBand;
                    done[b] = band(image, first, Math.min(h, first + rowsPerBand), b == bands - 1);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        ForkJoinPool pool = ForkJoinPool.commonPool();
        for (int i = Math.min(bands - 1, pool.getParallelism()); i > 0; i--) {
            pool.execute(worker);
        }
        worker.run();
        try {
            finished.await(); // bands that a pool thread took may still be running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("PNG encoding interrupted");
        }
        if (failure.get() != null) {
            throw new IOException("PNG encoding failed: " + failure.get(), failure.get());
        }
    }

    /** zlib's adler32_combine: the checksum of A then B from those of A and B and B's length. */
    static long combineAdler32(long adlerA, long adlerB, long lengthB) {
        final long base = 65521;
        long rem = lengthB % base;
        long sum1 = adlerA & 0xFFFF;
        long sum2 = rem * sum1 % base;
        sum1 += (adlerB & 0xFFFF) + base - 1;
        sum2 += ((adlerA >>> 16) & 0xFFFF) + ((adlerB >>> 16) & 0xFFFF) + base - rem;
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum2 >= base << 1) {
            sum2 -= base << 1;
        }
        if (sum2 >= base) {
            sum2 -= base;
        }
        return sum1 | sum2 << 16;
    }

    private Band band(Image image, int first, int last, boolean finish) {
        int w = image.width();
        int channels = image.channels();
        int bytesPerSample = image.bitsPerChannel() / 8;
        int bpp = channels * bytesPerSample;
        int rowBytes = w * bpp;
        byte[] raw = new byte[(last - first) * (rowBytes + 1)];
        byte[] row = new byte[rowBytes];
        byte[] bytes = image.bytes();
        short[] shorts = image.shorts();
        int o = 0;
        for (int y = first; y < last; y++) {
            int start = y * w * channels;
            if (bytes != null) {
                System.arraycopy(bytes, start, row, 0, rowBytes);
            } else {
                for (int i = 0, n = w * channels; i < n; i++) {
                    short s = shorts[start + i];
                    row[2 * i] = (byte) (s >> 8);
                    row[2 * i + 1] = (byte) s;
                }
            }
            raw[o++] = 1; // Sub
            for (int i = 0; i < bpp; i++) {
                raw[o++] = row[i];
            }
            for (int i = bpp; i < rowBytes; i++) {
                raw[o++] = (byte) (row[i] - row[i - bpp]);
            }
        }
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(raw);
            if (finish) {
                deflater.finish();
            }
            byte[] compressed = new byte[raw.length / 2 + 1024];
            int length = 0;
            while (true) {
                if (length == compressed.length) {
                    compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
                }
                int n = deflater.deflate(compressed, length, compressed.length - length,
                        finish ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                length += n;
                // a sync flush is complete once deflate leaves room in the buffer
                if (finish ? deflater.finished() : length < compressed.length && deflater.needsInput()) {
                    break;
                }
            }
            Adler32 adler = new Adler32();
            adler.update(raw, 0, raw.length);
            return new Band(compressed, length, adler.getValue(), raw.length);
        } finally {
            deflater.end();
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int offset, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        out.write(head);
        out.write(data, offset, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, offset, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
