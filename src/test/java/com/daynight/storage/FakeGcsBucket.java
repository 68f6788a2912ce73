package com.daynight.storage;

/** The objects of one bucket of {@link FakeGcsServer}, in GCS order. */
interface FakeGcsBucket {

    /** The object of that name, or null. */
    FakeGcsObject get(String name);

    /** The objects from {@code name} on (after it, when not {@code inclusive}), in GCS order. */
    Iterable<FakeGcsObject> from(String name, boolean inclusive);
}
