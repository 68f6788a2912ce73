package com.daynight.storage;

/** One JPEG object of a bucket, as the listing names it. */
public record ImageObject(String name, long size) {
}
