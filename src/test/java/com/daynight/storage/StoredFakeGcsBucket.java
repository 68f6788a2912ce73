package com.daynight.storage;

import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket of {@link FakeGcsServer} holding the objects put into it. */
final class StoredFakeGcsBucket implements FakeGcsBucket {

    private final NavigableMap<String, FakeGcsObject> objects = new ConcurrentSkipListMap<>(GcsOrder.OF_NAMES);

    void put(FakeGcsObject object) {
        objects.put(object.name(), object);
    }

    @Override
    public FakeGcsObject get(String name) {
        return objects.get(name);
    }

    @Override
    public Iterable<FakeGcsObject> from(String name, boolean inclusive) {
        return objects.tailMap(name, inclusive).values();
    }
}
