package com.daynight.classify;

import com.daynight.classify.training.LabelledFeatures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Pictures made in memory for the tests; no picture files live in the repository. */
public final class TestPictures {

    private TestPictures() {
    }

    public static BufferedImage uniform(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    /** Noise around a brightness: above 150 reads as day, below 60 as night. */
    public static BufferedImage noisy(int width, int height, int brightness, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = Math.max(0, Math.min(255, brightness + random.nextInt(41) - 20));
                image.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        return image;
    }

    public static byte[] brightJpeg(long seed) {
        return jpeg(noisy(48, 48, 200, seed));
    }

    public static byte[] darkJpeg(long seed) {
        return jpeg(noisy(48, 48, 30, seed));
    }

    /** Features of a few bright (day) and dark (night) pictures. */
    public static List<LabelledFeatures> brightAndDarkExamples(int perLabel) throws ImageDecodeException {
        ImageFeatures features = ImageFeatures.standard();
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            examples.add(new LabelledFeatures(features.fromJpeg(brightJpeg(i)), Label.DAY));
            examples.add(new LabelledFeatures(features.fromJpeg(darkJpeg(i)), Label.NIGHT));
        }
        return examples;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
