package ru.repitbot.bot.gateway.model;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/balances/{studentId}}: one line per tutor (a tutor sees only their own). */
public record Balances(long studentId, List<Line> balances) {

    public Balances {
        balances = balances == null ? List.of() : List.copyOf(balances);
    }

    public record Line(long tutorId, int balanceLessons, long paidLessons, long chargedLessons, BigDecimal lessonPrice,
            String currency, BigDecimal balanceMoney) {
    }
}
