package com.daynight.storage;

import java.util.Locale;

/** Which objects of a bucket count as JPEGs (CONTRACT.md, "The results document"). */
final class JpegRule {

    private JpegRule() {
    }

    static boolean hasJpegExtension(String objectName) {
        String lower = objectName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** GCS may store parameters after the media type ("image/jpeg; charset=binary"), so compare only the type. */
    static boolean isJpegContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().equalsIgnoreCase("image/jpeg");
    }

    static boolean isJpeg(String objectName, String contentType) {
        return hasJpegExtension(objectName) || isJpegContentType(contentType);
    }
}
