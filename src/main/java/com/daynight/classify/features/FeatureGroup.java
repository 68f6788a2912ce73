package com.daynight.classify.features;

import java.util.List;

/** A few related numbers computed from a picture's {@link Pixels}. Implementations are stateless. */
interface FeatureGroup {

    /** The attribute names, in the order {@link #extract} writes the values. */
    List<String> names();

    /** Writes {@code names().size()} values into {@code into}, starting at {@code offset}. */
    void extract(Pixels pixels, double[] into, int offset);
}
