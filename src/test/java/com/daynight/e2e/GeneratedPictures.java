package com.daynight.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Many small generated JPEGs (a bright sky and a dark one, by turns), for buckets of thousands of objects. */
final class GeneratedPictures {

    private static final byte[] DAY = picture(new Color(120, 170, 230), new Color(90, 120, 80));
    private static final byte[] NIGHT = picture(new Color(10, 12, 30), new Color(20, 20, 20));

    private GeneratedPictures() {
    }

    static String name(int index) {
        return String.format(Locale.ROOT, "img-%06d.jpg", index);
    }

    static byte[] bytes(int index) {
        return index % 2 == 0 ? DAY : NIGHT;
    }

    /** Writes {@code count} pictures into {@code bucket}, named so that name order is index order. */
    static int write(Path bucket, int count) throws IOException {
        Files.createDirectories(bucket);
        for (int i = 0; i < count; i++) {
            Files.write(bucket.resolve(name(i)), bytes(i));
        }
        return count;
    }

    private static byte[] picture(Color sky, Color ground) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(sky);
        g.fillRect(0, 0, 64, 24);
        g.setColor(ground);
        g.fillRect(0, 24, 64, 24);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
