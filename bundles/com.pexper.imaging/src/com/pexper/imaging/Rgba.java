package com.pexper.imaging;

import java.util.Locale;

/**
 * A colour with alpha, 0 to 255 per component, as written in workflows: {@code #RRGGBB},
 * {@code #RRGGBBAA}, {@code #RGB}, or {@code transparent}.
 */
public record Rgba(int r, int g, int b, int a) {

    public static final Rgba TRANSPARENT = new Rgba(0, 0, 0, 0);
    public static final Rgba WHITE = new Rgba(255, 255, 255, 255);

    public Rgba {
        if ((r | g | b | a) < 0 || r > 255 || g > 255 || b > 255 || a > 255) {
            throw new IllegalArgumentException("colour components are 0 to 255");
        }
    }

    /** @throws IllegalArgumentException saying how a colour is written */
    public static Rgba parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("transparent")) {
            return TRANSPARENT;
        }
        if (t.equals("white")) {
            return WHITE;
        }
        if (t.equals("black")) {
            return new Rgba(0, 0, 0, 255);
        }
        String hex = t.startsWith("#") ? t.substring(1) : t;
        try {
            if (hex.length() == 3) {
                int v = Integer.parseInt(hex, 16);
                return new Rgba((v >> 8 & 0xF) * 17, (v >> 4 & 0xF) * 17, (v & 0xF) * 17, 255);
            }
            if (hex.length() == 6) {
                int v = Integer.parseInt(hex, 16);
                return new Rgba(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF, 255);
            }
            if (hex.length() == 8) {
                long v = Long.parseLong(hex, 16);
                return new Rgba((int) (v >> 24 & 0xFF), (int) (v >> 16 & 0xFF), (int) (v >> 8 & 0xFF), (int) (v & 0xFF));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a colour; write #RRGGBB, #RRGGBBAA, #RGB or transparent");
    }

    public int rgb() {
        return r << 16 | g << 8 | b;
    }

    public boolean isOpaque() {
        return a == 255;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, a == 255 ? "#%02x%02x%02x" : "#%02x%02x%02x%02x", r, g, b, a);
    }
}
