package ru.repitbot.models;

import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Validated paging parameters: {@code page} from 1, {@code size} 1 to 100 (default 10), as in the seed, and at most
 * {@link #MAX_OFFSET} rows skipped. The cap keeps a typed {@code ?page=99999999} a 400 instead of an offset that
 * overflows a query's {@code int} first-result (a 500) or makes the database walk millions of rows; lists that long
 * are narrowed with filters, not paged through.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** The most rows a page may skip ({@code (page - 1) × size}). */
    public static final long MAX_OFFSET = 100_000;

    public PageQuery {
        if (page < 1) {
            throw new InvalidFieldException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) (page - 1) * size > MAX_OFFSET) {
            throw new InvalidFieldException("page", "must be at most " + (MAX_OFFSET / size + 1) + " with size "
                    + size + " (a page may skip at most " + MAX_OFFSET + " rows; narrow the list with filters)");
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** Zero-based offset of the first row of this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
