package ru.repitbot.models;

import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Validated paging parameters: {@code page} from 1, {@code size} 1 to 100 (default 10), as in the seed.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /**
     * How deep paging may reach (page × size). Far beyond any real list, and it keeps offsets inside what SQL
     * drivers and JPA take as an int: {@code ?page=99999999} is a 400 naming page, not an overflow deep down.
     */
    public static final long MAX_ROWS = 1_000_000;

    public PageQuery {
        if (page < 1) {
            throw new InvalidFieldException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_ROWS) {
            throw new InvalidFieldException("page", "page × size must be at most " + MAX_ROWS);
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
