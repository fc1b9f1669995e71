package ru.repitbot.bot.flows.tutor.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.gateway.model.Page;

class GroupedPagesTest {

    /** Groups of "g<group>-<index>" items, served a page at a time like the API; counts the calls. */
    private static final class Server implements GroupedPages.Source<String> {
        final int[] sizes;
        final List<String> calls = new ArrayList<>();

        Server(int... sizes) {
            this.sizes = sizes;
        }

        @Override
        public Page<String> fetch(int group, int page, int size) {
            calls.add(group + ":" + page);
            int total = sizes[group];
            int from = (page - 1) * size;
            List<String> items = IntStream.range(from, Math.min(total, from + size))
                    .mapToObj(i -> "g" + group + "-" + i).toList();
            return new Page<>(items, total, page, size, (total + size - 1) / size);
        }
    }

    @Test
    void theFirstGroupComesFirstThenTheNextFillsThePage() {
        Server server = new Server(3, 12, 5);

        GroupedPages.Result<String> first = GroupedPages.page(3, 1, 10, server);

        assertThat(first.items()).containsExactly("g0-0", "g0-1", "g0-2", "g1-0", "g1-1", "g1-2", "g1-3", "g1-4",
                "g1-5", "g1-6");
        assertThat(first.total()).isEqualTo(20);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.groupTotals()).containsExactly(3L, 12L, 5L);
    }

    @Test
    void aPageAcrossTwoServerPagesAndTwoGroupsFetchesOnlyWhatItNeeds() {
        Server server = new Server(3, 12, 5);

        GroupedPages.Result<String> second = GroupedPages.page(3, 2, 10, server);

        // Offsets 10–19: group 1 items 7–11 (its pages 1 and 2), then group 2 items 0–4.
        assertThat(second.items()).containsExactly("g1-7", "g1-8", "g1-9", "g1-10", "g1-11", "g2-0", "g2-1", "g2-2",
                "g2-3", "g2-4");
        assertThat(server.calls).as("each server page at most once").containsExactly("0:1", "1:1", "2:1", "1:2");
    }

    @Test
    void pagesOutsideTheRangeAreClampedAndNothingIsOnePage() {
        Server server = new Server(2, 0, 1);
        assertThat(GroupedPages.page(3, 9, 10, server).page()).isEqualTo(1);
        assertThat(GroupedPages.page(3, 0, 10, server).items()).containsExactly("g0-0", "g0-1", "g2-0");

        GroupedPages.Result<String> none = GroupedPages.page(3, 1, 10, new Server(0, 0, 0));
        assertThat(none.items()).isEmpty();
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.total()).isZero();
    }

    @Test
    void aListThatShrankBetweenTwoCallsShowsWhatIsThere() {
        GroupedPages.Source<String> shrinking = (group, page, size) -> page == 1
                ? new Page<>(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), 15, 1, size, 2)
                : new Page<>(List.of("k"), 11, 2, size, 2);

        assertThat(GroupedPages.page(1, 2, 10, shrinking).items()).containsExactly("k");
    }

    @Test
    void everyHomeworkRouteFitsTelegramsSixtyFourBytesAndIsUnique() throws IllegalAccessException {
        List<String> ids = new ArrayList<>();
        for (var field : HomeworkRoutes.class.getFields()) {
            CallbackRoute route = (CallbackRoute) field.get(null);
            assertThat(route.id()).startsWith("hw.");
            assertThat(route.data(Long.MAX_VALUE, Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(64);
            ids.add(route.id());
        }
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(10);
    }
}
