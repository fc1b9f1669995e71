package ru.repitbot.bot.gateway.model;

import java.util.List;

/** One page of a list as every service answers it: {@code {items,total,page,size,pages}}, pages from 1. */
public record Page<T>(List<T> items, long total, int page, int size, int pages) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
