package dev.camelsegmind.simulator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One balance per API key, as on Segmind where each key belongs to an account of its own. Kept in
 * millionths of a credit so thousands of 0.06 charges add up exactly, as tests compare balances
 * with equality. Unknown keys have no account: they never get past the key check.
 */
final class CreditAccounts {

    private static final double SCALE = 1_000_000d;

    private final Map<String, Long> micros = new LinkedHashMap<>();
    private final double starting;

    CreditAccounts(Collection<String> keys, double starting) {
        this.starting = starting;
        keys.forEach(key -> micros.put(key, toMicros(starting)));
    }

    synchronized double balance(String key) {
        return micros.get(account(key)) / SCALE;
    }

    synchronized void set(String key, double credits) {
        micros.put(account(key), toMicros(credits));
    }

    synchronized void setAll(double credits) {
        micros.replaceAll((key, old) -> toMicros(credits));
    }

    /** Back to the starting balance on every key. */
    synchronized void reset() {
        setAll(starting);
    }

    /** Charges if the balance covers the cost; check and charge are one step so concurrent jobs cannot overdraw. */
    synchronized boolean tryCharge(String key, double cost) {
        long price = toMicros(cost);
        long balance = micros.get(account(key));
        if (balance < price) {
            return false;
        }
        micros.put(key, balance - price);
        return true;
    }

    private String account(String key) {
        if (!micros.containsKey(key)) {
            throw new IllegalArgumentException("not one of the simulator's API keys");
        }
        return key;
    }

    private static long toMicros(double credits) {
        return Math.round(credits * SCALE);
    }
}
