package ru.repitbot.bot.flows.tutor.payments;

import ru.repitbot.bot.dialog.CallbackRoute;

/**
 * The button routes of the tutor's payment flows (ids prefixed {@code pay.}; {@code pay.a} is
 * {@link ru.repitbot.bot.flows.Routes#PAYMENT_ADD}, the profile's "💰 Добавить оплату", taken over here).
 */
public final class PaymentRoutes {

    private PaymentRoutes() {
    }

    /** {@code pay.v:<studentId>} the student's payments screen: balance, price, the last payments. For the profile. */
    public static final CallbackRoute OVERVIEW = CallbackRoute.of("pay.v");
    /** {@code pay.l:<studentId>:<page>} the same screen at another page of payments. */
    public static final CallbackRoute LIST = CallbackRoute.of("pay.l");
    /** {@code pay.x:<paymentId>} void a payment: asks for a reason or /skip (the confirmation). */
    public static final CallbackRoute VOID = CallbackRoute.of("pay.x");
    /** {@code pay.xs} "no reason" inside the void dialog: void it. */
    public static final CallbackRoute VOID_SKIP = CallbackRoute.of("pay.xs");
    /** {@code pay.s:<studentId>:<page>} the statement, 10 lines a page; page 0 = the latest. */
    public static final CallbackRoute STATEMENT = CallbackRoute.of("pay.s");
    /** {@code pay.p:<studentId>} the lesson price: shown, and a new one asked for. */
    public static final CallbackRoute PRICE = CallbackRoute.of("pay.p");
    /** {@code pay.pd:<studentId>} remove the lesson price. */
    public static final CallbackRoute PRICE_REMOVE = CallbackRoute.of("pay.pd");
    /** {@code pay.nc} inside the add dialog: yes, record this negative number as a correction. */
    public static final CallbackRoute CORRECTION_OK = CallbackRoute.of("pay.nc");
    /** {@code pay.as} inside the add dialog: no amount. */
    public static final CallbackRoute AMOUNT_SKIP = CallbackRoute.of("pay.as");
    /** {@code pay.m:<cash|card|transfer|none>} inside the add dialog: the method, then the payment is recorded. */
    public static final CallbackRoute METHOD = CallbackRoute.of("pay.m");
}
