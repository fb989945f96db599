package kz.hattama.precinct;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a protocol was counted. {@code from} says how that is known: the official list names its precinct, or only
 * the city could be read from the printed address, or neither.
 */
@JsonPropertyOrder({"region", "district", "city", "from"})
public record Place(String region, String district, String city, @JsonProperty("from") Source from) {

    public enum Source {
        @JsonProperty("precinct_list") PRECINCT_LIST,
        @JsonProperty("address") ADDRESS,
        @JsonProperty("unknown") UNKNOWN
    }

    public static final Place UNKNOWN = new Place(null, null, null, Source.UNKNOWN);
}
