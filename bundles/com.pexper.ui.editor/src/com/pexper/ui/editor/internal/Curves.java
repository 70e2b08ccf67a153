package com.pexper.ui.editor.internal;

import org.eclipse.swt.graphics.Point;

/** The curve a connection is drawn as: a cubic Bézier leaving the output and entering the input horizontally. */
final class Curves {

    private Curves() {
    }

    /** The horizontal pull of the control points: more for connections that run far or backwards. */
    static int pull(Point from, Point to) {
        return Math.max(40, Math.abs(to.x - from.x) / 2);
    }

    /** Whether {@code p} is within {@code tolerance} of the curve from {@code from} to {@code to}. */
    static boolean near(Point from, Point to, Point p, int tolerance) {
        int pull = pull(from, to);
        double x0 = from.x;
        double y0 = from.y;
        double x1 = from.x + pull;
        double x2 = to.x - pull;
        double x3 = to.x;
        double y3 = to.y;
        double px = x0;
        double py = y0;
        for (int i = 1; i <= 32; i++) {
            double t = i / 32.0;
            double u = 1 - t;
            double x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
            double y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y3 + t * t * t * y3;
            if (distanceToSegment(p.x, p.y, px, py, x, y) <= tolerance) {
                return true;
            }
            px = x;
            py = y;
        }
        return false;
    }

    private static double distanceToSegment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }
}
