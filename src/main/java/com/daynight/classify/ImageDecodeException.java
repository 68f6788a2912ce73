package com.daynight.classify;

/** The bytes are not a picture we can read; the message is shown to the user in the image's entry. */
public class ImageDecodeException extends Exception {
    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
