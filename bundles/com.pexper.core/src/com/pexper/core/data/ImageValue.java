package com.pexper.core.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A decoded raster image. Only the contract lives here; com.pexper.imaging provides the
 * implementation, its pixel storage and codecs.
 */
@ProviderType
public interface ImageValue extends Value {

    int width();

    int height();

    /** Channels per pixel: 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA). */
    int channels();

    /** 8 or 16. */
    int bitsPerChannel();

    @Override
    default DataType type() {
        return DataType.IMAGE;
    }

    @Override
    default long sizeBytes() {
        return 64 + (long) width() * height() * channels() * (bitsPerChannel() / 8);
    }

    @Override
    default String summary() {
        return width() + "x" + height() + " image, " + channels() + " channels, " + bitsPerChannel() + "-bit";
    }
}
