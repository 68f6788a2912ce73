package com.daynight.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * 12-megapixel photos made on the spot (sky gradient, shapes, sensor-like noise), baseline or progressive,
 * so the benchmark needs no large files in the repository and measures the size of a phone's pictures.
 */
final class SyntheticPhotos {

    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;

    private SyntheticPhotos() {
    }

    static List<Path> write(Path folder, int count, boolean progressive, long seed) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format("%s-%02d.jpg", progressive ? "progressive" : "baseline", i));
            if (!Files.exists(file)) {
                writeJpeg(picture(random, i % 2 == 0), file, progressive);
            }
            files.add(file);
        }
        return files;
    }

    private static BufferedImage picture(Random random, boolean day) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color top = day ? new Color(90, 150, 230) : new Color(8, 10, 30);
        Color bottom = day ? new Color(200, 220, 240) : new Color(40, 30, 50);
        g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT, bottom));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(WIDTH), HEIGHT / 3 + random.nextInt(HEIGHT * 2 / 3),
                    20 + random.nextInt(300), 20 + random.nextInt(300));
        }
        g.dispose();
        int[] row = new int[WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            for (int x = 0; x < WIDTH; x++) {
                int noise = random.nextInt(17) - 8;
                row[x] = clamp(((row[x] >> 16) & 0xFF) + noise) << 16
                        | clamp(((row[x] >> 8) & 0xFF) + noise) << 8 | clamp((row[x] & 0xFF) + noise);
            }
            image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void writeJpeg(BufferedImage image, Path file, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
