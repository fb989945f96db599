package kz.hattama.protocol;

import java.util.List;

/**
 * The sides that make one protocol, in the protocol's page order.
 *
 * @param protocolId the stored protocol the group joins (a side arriving after its protocol was made of the other
 *                   side alone); null for a new protocol
 * @param stored     how many of {@code pages}, from the first, belong to that protocol already
 */
public record SideGroup(List<SidePage> pages, Long protocolId, int stored) {

    public SideGroup {
        pages = List.copyOf(pages);
    }

    public static SideGroup of(List<SidePage> pages) {
        return new SideGroup(pages, null, 0);
    }

    public List<SidePage> added() {
        return pages.subList(stored, pages.size());
    }

    public List<PageReading> readings() {
        return pages.stream().map(SidePage::reading).toList();
    }
}
