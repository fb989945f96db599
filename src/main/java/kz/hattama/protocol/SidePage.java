package kz.hattama.protocol;

/**
 * One side of a two-sided protocol as stored, waiting to be joined or joined already.
 *
 * @param position where the page came in its upload, counting every page of every file: the two sides of one sheet
 *                 are normally next to each other
 */
public record SidePage(long id, long sourceId, int pageNo, int position, PageReading reading) {

    public int side() {
        return reading.sides().get(0);
    }
}
