package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** Rotate by quarter turns clockwise, then flip; lossless. */
public final class RotateFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
        int turns = Integer.parseInt(parameters.string("rotate")) / 90;
        String flip = parameters.string("flip");
        return (image, inputs, context) -> transform(image, turns, flip.equals("horizontal"), flip.equals("vertical"));
    }

    /** The image turned clockwise by quarter turns, then flipped. */
    public static Image transform(Image image, int turns, boolean flipH, boolean flipV) {
        if (turns % 4 == 0 && !flipH && !flipV) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = turns % 2 == 1;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int ch = image.channels();
        ImageBuffer out = new ImageBuffer(ow, oh, ch, image.bitsPerChannel());
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int dx = flipH ? ow - 1 - x : x;
                int dy = flipV ? oh - 1 - y : y;
                // (dx, dy) in the rotated image comes from (sx, sy) in the source
                int sx;
                int sy;
                switch (turns % 4) {
                    case 1 -> { sx = dy; sy = h - 1 - dx; }
                    case 2 -> { sx = w - 1 - dx; sy = h - 1 - dy; }
                    case 3 -> { sx = w - 1 - dy; sy = dx; }
                    default -> { sx = dx; sy = dy; }
                }
                int from = (sy * w + sx) * ch;
                int to = (y * ow + x) * ch;
                for (int c = 0; c < ch; c++) {
                    out.set(to + c, image.sample(from + c));
                }
            }
        }
        return out.toImage();
    }
}
