package ru.repitbot.bot.flows.tutor.homework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.repitbot.bot.gateway.model.Page;

/**
 * Several lists the server pages one by one (homework by status: to check, in work, checked), shown as one list paged
 * by {@code size}: the first group's items first, then the second's… Only the server pages that the shown page needs
 * are fetched (each at most once), so a page costs one call per group for the totals plus at most two more.
 */
final class GroupedPages {

    /** Fetches page {@code page} (from 1) of group {@code group} with {@code size} items a page. */
    @FunctionalInterface
    interface Source<T> {
        Page<T> fetch(int group, int page, int size);
    }

    /** One shown page: its items, the number of all items, the page (from 1) and the number of pages (≥ 1). */
    record Result<T>(List<T> items, long total, int page, int pages, List<Long> groupTotals) {
    }

    private GroupedPages() {
    }

    /** Page {@code requested} (clamped to 1…pages) of the groups {@code 0…groups-1} one after another. */
    static <T> Result<T> page(int groups, int requested, int size, Source<T> source) {
        Map<Long, Page<T>> fetched = new HashMap<>();
        List<Long> totals = new ArrayList<>();
        long total = 0;
        for (int group = 0; group < groups; group++) {
            long groupTotal = fetch(fetched, source, group, 1, size).total();
            totals.add(groupTotal);
            total += groupTotal;
        }
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, requested), pages);
        long start = (long) (page - 1) * size;
        long end = Math.min(start + size, total);
        List<T> items = new ArrayList<>();
        long base = 0;
        for (int group = 0; group < groups; group++) {
            long groupTotal = totals.get(group);
            long from = Math.max(start - base, 0);
            long to = Math.min(end - base, groupTotal);
            for (long i = from; i < to; i++) {
                Page<T> serverPage = fetch(fetched, source, group, (int) (i / size) + 1, size);
                int index = (int) (i % size);
                if (index < serverPage.items().size()) {
                    // Fewer than announced: the list changed between two calls; show what is there.
                    items.add(serverPage.items().get(index));
                }
            }
            base += groupTotal;
        }
        return new Result<>(items, total, page, pages, totals);
    }

    private static <T> Page<T> fetch(Map<Long, Page<T>> fetched, Source<T> source, int group, int page, int size) {
        return fetched.computeIfAbsent(((long) group << 32) | page, key -> source.fetch(group, page, size));
    }
}
