package dev.camelsegmind.simulator;

/**
 * The account balance. Kept in millionths of a credit so thousands of 0.06 charges add up
 * exactly, as tests compare balances with equality.
 */
final class CreditAccount {

    private static final double SCALE = 1_000_000d;

    private long micros;

    CreditAccount(double credits) {
        set(credits);
    }

    synchronized void set(double credits) {
        micros = Math.round(credits * SCALE);
    }

    synchronized double balance() {
        return micros / SCALE;
    }

    /** Charges if the balance covers the cost; check and charge are one step so concurrent jobs cannot overdraw. */
    synchronized boolean tryCharge(double cost) {
        long price = Math.round(cost * SCALE);
        if (micros < price) {
            return false;
        }
        micros -= price;
        return true;
    }
}
