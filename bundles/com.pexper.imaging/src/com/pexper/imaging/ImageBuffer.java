package com.pexper.imaging;

/**
 * A writable image of the same layout as {@link Image}, for filters to fill. {@link #toImage()}
 * hands the samples over without copying; the buffer must not be used after that.
 */
public final class ImageBuffer {

    private final int width;
    private final int height;
    private final int channels;
    private byte[] bytes;
    private short[] shorts;

    public ImageBuffer(int width, int height, int channels, int bitsPerChannel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image needs a positive size, not " + width + "x" + height);
        }
        long samples = (long) width * height * channels;
        if (samples > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(width + "x" + height + " is too large for one image");
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        if (bitsPerChannel == 8) {
            bytes = new byte[(int) samples];
        } else if (bitsPerChannel == 16) {
            shorts = new short[(int) samples];
        } else {
            throw new IllegalArgumentException("8 or 16 bits per channel, not " + bitsPerChannel);
        }
    }

    /** A buffer with the size and layout of an image, with channels changed. */
    public static ImageBuffer like(Image image, int channels) {
        return new ImageBuffer(image.width(), image.height(), channels, image.bitsPerChannel());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public int maxValue() {
        return bytes != null ? 255 : 65535;
    }

    /** The 8-bit samples to write, or null for 16 bits. */
    public byte[] bytes() {
        return bytes;
    }

    public short[] shorts() {
        return shorts;
    }

    public void set(int index, int value) {
        if (bytes != null) {
            bytes[index] = (byte) value;
        } else {
            shorts[index] = (short) value;
        }
    }

    /** Sets a sample from a value that may be out of range or fractional: rounds and clamps. */
    public void setClamped(int index, float value) {
        int v = Math.round(value);
        set(index, v < 0 ? 0 : Math.min(v, maxValue()));
    }

    public int get(int index) {
        return bytes != null ? bytes[index] & 0xFF : shorts[index] & 0xFFFF;
    }

    public Image toImage() {
        Image image = bytes != null ? Image.wrap8(width, height, channels, bytes)
                : Image.wrap16(width, height, channels, shorts);
        bytes = null;
        shorts = null;
        return image;
    }
}
