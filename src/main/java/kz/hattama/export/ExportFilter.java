package kz.hattama.export;

import kz.hattama.reconcile.ProtocolStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which protocols an export holds; no statuses means all of them, rejected files included. */
public record ExportFilter(Set<ProtocolStatus> statuses) {

    public ExportFilter {
        statuses = Set.copyOf(statuses);
    }

    public static ExportFilter all() {
        return new ExportFilter(Set.of());
    }

    /** {@code all}, or statuses separated by commas, in any case: the CLI's and the web's {@code --status}/{@code status}. */
    public static ExportFilter parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("all")) {
            return all();
        }
        EnumSet<ProtocolStatus> set = EnumSet.noneOf(ProtocolStatus.class);
        for (String s : spec.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            try {
                set.add(ProtocolStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown status '" + s.strip() + "'. Use all or some of "
                        + Arrays.toString(ProtocolStatus.values()));
            }
        }
        return new ExportFilter(set);
    }

    public static ExportFilter of(ProtocolStatus... statuses) {
        return new ExportFilter(Set.of(statuses));
    }
}
