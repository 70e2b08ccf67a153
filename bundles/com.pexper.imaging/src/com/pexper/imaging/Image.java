package com.pexper.imaging;

import java.util.Objects;

import com.pexper.core.data.ImageValue;

/**
 * A decoded image in a compact form: the samples of all pixels interleaved row by row in one array,
 * {@code byte} for 8 bits per channel and {@code short} for 16, with 1 (gray), 2 (gray + alpha),
 * 3 (RGB) or 4 (RGBA) channels in sRGB. Alpha is straight (not premultiplied).
 *
 * <p>Images are immutable values: the sample array is never modified after construction and is
 * shared, not copied, by {@link #bytes()} and {@link #shorts()} for speed. Code that receives it
 * must only read it. Build new images with {@link ImageBuffer}.
 */
public final class Image implements ImageValue {

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] bytes;
    private final short[] shorts;

    private Image(int width, int height, int channels, byte[] bytes, short[] shorts) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image needs a positive size, not " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("an image has 1 to 4 channels, not " + channels);
        }
        long samples = (long) width * height * channels;
        int length = bytes != null ? bytes.length : shorts.length;
        if (samples != length) {
            throw new IllegalArgumentException(width + "x" + height + "x" + channels + " needs " + samples
                    + " samples, not " + length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.bytes = bytes;
        this.shorts = shorts;
    }

    /** An 8-bit image that takes ownership of {@code samples}: the caller must not modify it afterwards. */
    public static Image wrap8(int width, int height, int channels, byte[] samples) {
        return new Image(width, height, channels, Objects.requireNonNull(samples), null);
    }

    /** A 16-bit image that takes ownership of {@code samples}: the caller must not modify it afterwards. */
    public static Image wrap16(int width, int height, int channels, short[] samples) {
        return new Image(width, height, channels, null, Objects.requireNonNull(samples));
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int bitsPerChannel() {
        return bytes != null ? 8 : 16;
    }

    public boolean hasAlpha() {
        return channels == 2 || channels == 4;
    }

    /** Colour channels, without alpha: 1 or 3. */
    public int colorChannels() {
        return hasAlpha() ? channels - 1 : channels;
    }

    public long pixelCount() {
        return (long) width * height;
    }

    /** The largest sample value: 255 or 65535. */
    public int maxValue() {
        return bytes != null ? 255 : 65535;
    }

    /** The 8-bit samples (shared, read only), or null for a 16-bit image. */
    public byte[] bytes() {
        return bytes;
    }

    /** The 16-bit samples (shared, read only), or null for an 8-bit image. */
    public short[] shorts() {
        return shorts;
    }

    /** The sample at an index of the interleaved array, 0 to {@link #maxValue()}. */
    public int sample(int index) {
        return bytes != null ? bytes[index] & 0xFF : shorts[index] & 0xFFFF;
    }

    /** The sample of channel {@code c} of the pixel at (x, y). */
    public int sample(int x, int y, int c) {
        return sample((y * width + x) * channels + c);
    }

    /** The same pixels as 8 bits per channel (this image when it already is). */
    public Image to8Bit() {
        if (bytes != null) {
            return this;
        }
        byte[] out = new byte[shorts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (((shorts[i] & 0xFFFF) * 255 + 32767) / 65535);
        }
        return wrap8(width, height, channels, out);
    }

    @Override
    public String summary() {
        String kind = switch (channels) {
            case 1 -> "gray";
            case 2 -> "gray+alpha";
            case 3 -> "RGB";
            default -> "RGBA";
        };
        return width + "x" + height + " " + kind + (bytes != null ? "" : " 16-bit") + " image";
    }

    @Override
    public String toString() {
        return summary();
    }
}
