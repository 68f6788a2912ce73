package com.daynight.submission;

import java.security.SecureRandom;
import java.util.function.Supplier;

/** ServiceIDs: 8 characters drawn with SecureRandom from A-Z0-9 (36^8, about 2.8e12 values). */
public final class ServiceIdGenerator implements Supplier<String> {

    public static final int LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SecureRandom random;

    public ServiceIdGenerator() {
        this(new SecureRandom());
    }

    ServiceIdGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String get() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.matches("[A-Z0-9]{" + LENGTH + "}");
    }
}
