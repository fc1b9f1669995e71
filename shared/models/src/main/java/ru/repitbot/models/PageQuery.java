package ru.repitbot.models;

import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Validated paging parameters: {@code page} from 1, {@code size} 1 to 100 (default 10), as in the seed.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 1) {
            throw new InvalidFieldException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
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
