package ru.repitbot.material.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of uploaded files live, by a key this service chooses (docs/domain/materials.md#files). The
 * database keeps what is known about a file (name, type, size, SHA-256, the key); the store keeps only bytes, so a
 * disk directory or an S3-compatible bucket serve alike: {@code put} is an object PUT, {@code open} a GET, {@code
 * delete} a DELETE of one key.
 */
public interface FileStore {

    /** Stores {@code content} under {@code key}, replacing nothing: keys are never reused. */
    void put(String key, byte[] content) throws IOException;

    /** The bytes under {@code key}, or empty when there are none (removed by hand, or never written). */
    Optional<InputStream> open(String key) throws IOException;

    /** Removes the bytes under {@code key}; a missing key is not an error. */
    void delete(String key) throws IOException;
}
