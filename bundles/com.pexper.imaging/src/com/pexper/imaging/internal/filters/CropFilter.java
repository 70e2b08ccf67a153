package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** Crop to a rectangle given in pixels from the top-left corner. */
public final class CropFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
        int x = (int) parameters.integer("x");
        int y = (int) parameters.integer("y");
        int width = (int) parameters.integer("width");
        int height = (int) parameters.integer("height");
        return (image, inputs, context) -> {
            if (x >= image.width() || y >= image.height()) {
                throw new NodeExecutionException("the crop starts at (" + x + ", " + y + "), outside the "
                        + image.width() + "x" + image.height() + " image; lower 'x' and 'y'");
            }
            // A rectangle reaching past the edge is cut at the edge, as image editors do.
            return crop(image, x, y, Math.min(width, image.width() - x), Math.min(height, image.height() - y));
        };
    }

    /** The part of the image inside the rectangle, which must lie inside the image. */
    public static Image crop(Image image, int x, int y, int width, int height) {
        if (x == 0 && y == 0 && width == image.width() && height == image.height()) {
            return image;
        }
        int channels = image.channels();
        ImageBuffer out = new ImageBuffer(width, height, channels, image.bitsPerChannel());
        int rowLength = width * channels;
        for (int row = 0; row < height; row++) {
            int from = ((y + row) * image.width() + x) * channels;
            int to = row * rowLength;
            if (image.bytes() != null) {
                System.arraycopy(image.bytes(), from, out.bytes(), to, rowLength);
            } else {
                System.arraycopy(image.shorts(), from, out.shorts(), to, rowLength);
            }
        }
        return out.toImage();
    }
}
