package com.daynight.classify;

import com.daynight.classify.features.FeatureExtractor;

/** JPEG bytes to the model's feature vector: decoding and feature extraction. Thread-safe. */
public final class ImageFeatures {

    private final ImageDecoder decoder;
    private final FeatureExtractor extractor;

    public ImageFeatures(ImageDecoder decoder, FeatureExtractor extractor) {
        this.decoder = decoder;
        this.extractor = extractor;
    }

    public static ImageFeatures standard() {
        return new ImageFeatures(ImageDecoder.dcOnly(), new FeatureExtractor());
    }

    public double[] fromJpeg(byte[] jpeg) throws ImageDecodeException {
        return extractor.extract(decoder.decode(jpeg));
    }
}
