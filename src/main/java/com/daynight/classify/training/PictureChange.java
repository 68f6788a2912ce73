package com.daynight.classify.training;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageDecoder;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * What happens to a picture before it is scored: nothing, or shrunk the way a phone or a web page shrinks it,
 * so the same labelled pictures also tell how the model does on small pictures.
 */
@FunctionalInterface
public interface PictureChange {

    byte[] apply(byte[] jpeg) throws ImageDecodeException;

    PictureChange NONE = jpeg -> jpeg;

    /** Shrunk (area average) so that the long side is at most {@code maxSide} pixels, saved again as a JPEG. */
    static PictureChange shrinkTo(int maxSide) {
        return jpeg -> {
            BufferedImage full = ImageDecoder.imageIo().decode(jpeg);
            double scale = Math.min(1.0, (double) maxSide / Math.max(full.getWidth(), full.getHeight()));
            int width = Math.max(1, (int) Math.round(full.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(full.getHeight() * scale));
            BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            small.getGraphics().drawImage(full.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(small, "jpeg", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }
}
