package dev.modelcards.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG scatter chart: points grouped in series, each labelled and linked, with a linear or
 * logarithmic x axis and a linear y axis. Colours come from CSS classes ({@code s0}, {@code s1}, ...)
 * so the page's light and dark themes both apply; every point is an {@code <a>} around a marker with
 * class {@code point}. Coordinates are printed with a fixed format, so output is byte-identical.
 */
final class ScatterChart {
    /** One point: its series index, position, short label, link and tooltip. */
    record Point(int series, double x, double y, String label, String href, String title) {
    }

    /** An axis-aligned box in chart coordinates. */
    record Box(double x1, double y1, double x2, double y2) {
        boolean intersects(Box o) {
            return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2;
        }

        boolean inside(Box o) {
            return x1 >= o.x1 && x2 <= o.x2 && y1 >= o.y1 && y2 <= o.y2;
        }
    }

    /**
     * Where a point and its label are drawn: the marker's box, and the label's box and text position, or no
     * label box when no free place was found (the point keeps its tooltip).
     */
    record Placed(Point point, double px, double py, Box marker, Box label, double tx, double ty, boolean leader) {
    }

    /** The computed layout: every point's placement and the legend's box. */
    record Layout(List<Placed> placed, Box legend) {
    }

    /** Label font metrics (9 px system sans): a generous average advance and the box height. */
    private static final double CHAR_WIDTH = 5.4;
    private static final double LABEL_HEIGHT = 10;
    private static final double MARKER = 6.5;
    /** Candidate offsets from the point, nearest first, in eight directions. */
    private static final double[] DISTANCES = {7, 13, 20, 28, 38, 50};
    private static final double[][] DIRECTIONS = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};

    private static final int WIDTH = 960;
    private static final int HEIGHT = 560;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 20;
    private static final int BOTTOM = 60;

    private final String id;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final List<String> seriesNames;
    private final List<Point> points;

    ScatterChart(String id, String title, String xTitle, String yTitle, boolean logX, List<String> seriesNames,
                 List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("chart " + id + " has no points");
        }
        this.id = id;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
        this.seriesNames = List.copyOf(seriesNames);
        this.points = List.copyOf(points);
    }

    /** Writes the chart into {@code w}. */
    void write(HtmlWriter w) {
        double[] xr = xRange();
        double[] yr = yRange();
        w.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart",
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "width", Integer.toString(WIDTH),
                "height", Integer.toString(HEIGHT), "role", "img", "aria-labelledby", id + "-title");
        w.element("title", title, "id", id + "-title");
        // grid lines and ticks
        for (double t : xTicks(xr)) {
            String x = f(sx(t, xr));
            w.element("line", "", "class", "grid-line", "x1", x, "x2", x, "y1", f(TOP), "y2", f(HEIGHT - BOTTOM));
            w.element("text", tickLabel(t), "x", x, "y", f(HEIGHT - BOTTOM + 16), "text-anchor", "middle");
        }
        for (double t = yr[0]; t <= yr[1] + 1e-9; t += 5) {
            String y = f(sy(t, yr));
            w.element("line", "", "class", "grid-line", "x1", f(LEFT), "x2", f(WIDTH - RIGHT), "y1", y, "y2", y);
            w.element("text", tickLabel(t), "x", f(LEFT - 8), "y", f(sy(t, yr) + 4), "text-anchor", "end");
        }
        w.element("line", "", "class", "axis", "x1", f(LEFT), "x2", f(WIDTH - RIGHT), "y1", f(HEIGHT - BOTTOM),
                "y2", f(HEIGHT - BOTTOM));
        w.element("line", "", "class", "axis", "x1", f(LEFT), "x2", f(LEFT), "y1", f(TOP), "y2", f(HEIGHT - BOTTOM));
        w.element("text", xTitle + (logX ? " (log scale)" : ""), "class", "axis-title",
                "x", f((LEFT + WIDTH - RIGHT) / 2.0), "y", f(HEIGHT - 18), "text-anchor", "middle");
        w.element("text", yTitle, "class", "axis-title", "x", f(-(TOP + HEIGHT - BOTTOM) / 2.0), "y", "18",
                "transform", "rotate(-90)", "text-anchor", "middle");
        // points, one group per series
        Layout layout = layout();
        for (int s = 0; s < seriesNames.size(); s++) {
            w.open("g", "class", "series s" + s, "data-series", seriesNames.get(s));
            for (Placed p : layout.placed()) {
                if (p.point().series() == s) {
                    point(w, p);
                }
            }
            w.close("g");
        }
        legend(w);
        w.close("svg");
    }

    private static void point(HtmlWriter w, Placed p) {
        w.open("a", "href", p.point().href());
        w.element("title", p.point().title());
        marker(w, p.point().series(), p.px(), p.py(), "point");
        if (p.label() != null) {
            if (p.leader()) {
                w.element("line", "", "class", "leader", "x1", f(p.px()), "y1", f(p.py()),
                        "x2", f(Math.max(p.label().x1(), Math.min(p.px(), p.label().x2()))),
                        "y2", f(Math.max(p.label().y1(), Math.min(p.py(), p.label().y2()))));
            }
            w.element("text", p.point().label(), "class", "point-label", "x", f(p.tx()), "y", f(p.ty()));
        }
        w.close("a");
    }

    /**
     * Places every label greedily, points from left to right: the nearest of 48 candidate places around
     * its point whose box stays inside the plot and touches no marker, no label placed before and not the
     * legend (which sits outside the plot, right of it). Far labels get a leader line to their point.
     */
    Layout layout() {
        double[] xr = xRange();
        double[] yr = yRange();
        Box plot = new Box(LEFT + 1, TOP, WIDTH - RIGHT - 1, HEIGHT - BOTTOM - 1);
        Box legend = new Box(WIDTH - RIGHT + 16, TOP, WIDTH - 4, TOP + 14 + seriesNames.size() * 22);
        List<Box> markers = new ArrayList<>();
        for (Point p : points) {
            double x = sx(p.x(), xr);
            double y = sy(p.y(), yr);
            markers.add(new Box(x - MARKER, y - MARKER, x + MARKER, y + MARKER));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.<Integer>comparingDouble(i -> points.get(i).x())
                .thenComparingDouble(i -> -points.get(i).y()));
        List<Box> labels = new ArrayList<>();
        Placed[] placed = new Placed[points.size()];
        for (int i : order) {
            Point p = points.get(i);
            double x = sx(p.x(), xr);
            double y = sy(p.y(), yr);
            double width = p.label().length() * CHAR_WIDTH;
            Placed found = new Placed(p, x, y, markers.get(i), null, 0, 0, false);
            search:
            for (double d : DISTANCES) {
                for (double[] dir : DIRECTIONS) {
                    // the box's near edge sits d away from the point in that direction
                    double bx = dir[0] > 0 ? x + d : dir[0] < 0 ? x - d - width : x - width / 2;
                    double by = dir[1] > 0 ? y + d : dir[1] < 0 ? y - d - LABEL_HEIGHT : y - LABEL_HEIGHT / 2;
                    Box box = new Box(bx, by, bx + width, by + LABEL_HEIGHT);
                    if (!box.inside(plot) || box.intersects(legend) || markers.stream().anyMatch(box::intersects)
                            || labels.stream().anyMatch(box::intersects)) {
                        continue;
                    }
                    labels.add(box);
                    found = new Placed(p, x, y, markers.get(i), box, bx, by + LABEL_HEIGHT - 2, d > 13);
                    break search;
                }
            }
            placed[i] = found;
        }
        return new Layout(List.of(placed), legend);
    }

    /** Series 0 is a circle, 1 a square, 2 a diamond, 3 a triangle: told apart without colour too. */
    private static void marker(HtmlWriter w, int series, double x, double y, String cls) {
        String c = cls + " s" + series;
        switch (series % 4) {
            case 0 -> w.element("circle", "", "class", c, "cx", f(x), "cy", f(y), "r", "4.5");
            case 1 -> w.element("rect", "", "class", c, "x", f(x - 4), "y", f(y - 4), "width", "8", "height", "8");
            case 2 -> w.element("path", "", "class", c, "d", "M" + f(x) + " " + f(y - 5.5) + "L" + f(x + 5.5) + " "
                    + f(y) + "L" + f(x) + " " + f(y + 5.5) + "L" + f(x - 5.5) + " " + f(y) + "Z");
            default -> w.element("path", "", "class", c, "d", "M" + f(x) + " " + f(y - 5.5) + "L" + f(x + 5.5) + " "
                    + f(y + 4.5) + "L" + f(x - 5.5) + " " + f(y + 4.5) + "Z");
        }
    }

    /** One entry per series that has points (a family without published latency is left out of that chart). */
    private void legend(HtmlWriter w) {
        w.open("g", "class", "legend");
        int row = 0;
        for (int s = 0; s < seriesNames.size(); s++) {
            int series = s;
            if (points.stream().noneMatch(p -> p.series() == series)) {
                continue;
            }
            double y = TOP + 14 + row++ * 22;
            marker(w, s, WIDTH - RIGHT + 24, y - 4, "legend-marker");
            w.element("text", seriesNames.get(s), "x", f(WIDTH - RIGHT + 36), "y", f(y));
        }
        w.close("g");
    }

    private double[] xRange() {
        double min = points.stream().mapToDouble(Point::x).min().orElseThrow();
        double max = points.stream().mapToDouble(Point::x).max().orElseThrow();
        if (logX) {
            if (min <= 0) {
                throw new IllegalArgumentException("chart " + id + ": log scale needs positive x values, got " + min);
            }
            return new double[] {Math.log10(min) - 0.05, Math.log10(max) + 0.05};
        }
        double pad = (max - min) * 0.05 + 1e-9;
        return new double[] {Math.max(0, min - pad), max + pad};
    }

    private double[] yRange() {
        double min = points.stream().mapToDouble(Point::y).min().orElseThrow();
        double max = points.stream().mapToDouble(Point::y).max().orElseThrow();
        return new double[] {Math.floor(min / 5) * 5, Math.ceil(max / 5) * 5};
    }

    /** Ticks at 1, 2 and 5 times powers of ten on a log axis; about eight even steps on a linear one. */
    private List<Double> xTicks(double[] xr) {
        List<Double> ticks = new ArrayList<>();
        if (logX) {
            for (int e = (int) Math.floor(xr[0]); e <= (int) Math.ceil(xr[1]); e++) {
                for (int m : new int[] {1, 2, 5}) {
                    double v = m * Math.pow(10, e);
                    double l = Math.log10(v);
                    if (l >= xr[0] && l <= xr[1]) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }
        double step = niceStep((xr[1] - xr[0]) / 8);
        for (double t = Math.ceil(xr[0] / step) * step; t <= xr[1] + 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private double sx(double v, double[] xr) {
        double t = logX ? Math.log10(v) : v;
        return LEFT + (t - xr[0]) / (xr[1] - xr[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double sy(double v, double[] yr) {
        return HEIGHT - BOTTOM - (v - yr[0]) / (yr[1] - yr[0]) * (HEIGHT - TOP - BOTTOM);
    }

    private static String tickLabel(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Fixed one-decimal coordinates: small files and the same bytes on every run. */
    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
