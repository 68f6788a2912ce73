package com.daynight.e2e;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A few small, distinct JPEGs drawn in memory (a sky over land: by day, overcast, at dusk, by night), for big
 * generated buckets.
 */
final class TinyJpegs {

    private TinyJpegs() {
    }

    static List<byte[]> create() {
        return List.of(
                picture(new Color(90, 160, 235), new Color(200, 225, 250), new Color(70, 130, 60), null),
                picture(new Color(150, 150, 155), new Color(210, 210, 215), new Color(95, 110, 85), null),
                picture(new Color(40, 40, 90), new Color(230, 120, 60), new Color(30, 35, 30), null),
                picture(new Color(5, 5, 20), new Color(15, 20, 45), new Color(8, 8, 10), new Color(255, 220, 120)));
    }

    private static byte[] picture(Color skyTop, Color horizon, Color land, Color lights) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, 80, horizon));
        g.fillRect(0, 0, 160, 80);
        g.setColor(land);
        g.fillRect(0, 80, 160, 40);
        if (lights != null) {
            g.setColor(lights);
            for (int x = 8; x < 160; x += 19) {
                g.fillRect(x, 84 + (x % 3) * 7, 3, 4);
            }
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", jpeg)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }
}
