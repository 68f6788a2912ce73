package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stratified hold-out split that anyone can derive again without running this code: for each label,
 * the pictures are ranked by the hex SHA-256 of {@code "<seed>:<file name>"} and the first
 * {@code round(fraction * count)} are held out. It depends on the file names only, not on their order
 * or folder.
 */
public record HoldOut(long seed, double fraction) {

    /** The split the bundled model was made with; see weka-models/MODEL_CARD.md. */
    public static final HoldOut STANDARD = new HoldOut(4, 0.2);

    public HoldOut {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must lie between 0 and 1: " + fraction);
        }
    }

    /** The pictures to train and select on, and those kept for the final figure; each in the given order. */
    public record Split(List<LabelledImage> kept, List<LabelledImage> heldOut) {
    }

    public Split split(List<LabelledImage> images) {
        // One SHA-256 per picture, not one per comparison of the sort.
        Map<LabelledImage, String> ranks = new HashMap<>();
        images.forEach(image -> ranks.computeIfAbsent(image, this::rank));
        Set<LabelledImage> heldOut = new HashSet<>();
        for (Label label : Label.values()) {
            List<LabelledImage> ranked = images.stream()
                    .filter(image -> image.label() == label)
                    .sorted(Comparator.comparing(ranks::get))
                    .toList();
            heldOut.addAll(ranked.subList(0, (int) Math.round(fraction * ranked.size())));
        }
        List<LabelledImage> kept = images.stream().filter(image -> !heldOut.contains(image)).toList();
        List<LabelledImage> held = images.stream().filter(heldOut::contains).toList();
        return new Split(kept, held);
    }

    String rank(LabelledImage image) {
        return sha256Hex(seed + ":" + image.file().getFileName());
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
