package ru.repitbot.models;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the seed's shape: {@code {items,total,page,size,pages}}. Pages are numbered from 1.
 */
public record PageResponse<T>(List<T> items, long total, int page, int size, int pages) {

    public static <T> PageResponse<T> of(List<T> items, long total, int page, int size) {
        int pages = size == 0 ? 0 : (int) ((total + size - 1) / size);
        return new PageResponse<>(List.copyOf(items), total, page, size, pages);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), total, page, size, pages);
    }
}
