package com.daynight.classify.jpeg;

/** What the DC path learned from a file: the frame's geometry and DC planes, and the colour hints. */
final class Frame {

    final int width;
    final int height;
    final boolean progressive;
    final Component[] components;
    final int maxH;
    final int maxV;
    final int mcusWide;
    final int mcusHigh;
    /** Adobe APP14 colour transform (0, 1, 2), or -1 without an Adobe segment. */
    int adobeTransform = -1;
    boolean jfif;

    Frame(int width, int height, boolean progressive, Component[] components) {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.components = components;
        int h = 1;
        int v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        maxH = h;
        maxV = v;
        mcusWide = Component.ceilDiv(width, 8 * h);
        mcusHigh = Component.ceilDiv(height, 8 * v);
        for (Component c : components) {
            c.layOut(width, height, h, v, mcusWide, mcusHigh);
        }
    }

    Component component(int id) {
        for (Component c : components) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /** Whether every component has its DC coefficients (all bits for progressive). */
    boolean dcComplete() {
        for (Component c : components) {
            if (c.dcPointTransform != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every component has at least the first DC scan (a usable, if coarser, picture). */
    boolean dcStarted() {
        for (Component c : components) {
            if (c.dcPointTransform < 0) {
                return false;
            }
        }
        return true;
    }
}
