package com.daynight.classify;

import java.util.Locale;

/** What the model tells apart. */
public enum Label {
    DAY,
    NIGHT;

    /**
     * "day" or "night": the word in the results document and CSV, the data folders' names (day/, night/)
     * and the values of the model's Weka class attribute, which the bundled model file holds as such.
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but "day" or "night" */
    public static Label fromJsonName(String name) {
        for (Label label : values()) {
            if (label.jsonName().equals(name)) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown label: " + name);
    }
}
