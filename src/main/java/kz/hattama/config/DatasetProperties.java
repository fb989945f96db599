package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the dataset side: places, statistics and their flags. Environment variables as for
 * {@link HattamaProperties}: {@code hattama.stats-histogram-bin} is {@code HATTAMA_STATS_HISTOGRAM_BIN}.
 *
 * @param cityNames                extra city names, one city a line: the name to use, then its other spellings
 *                                 ({@code HATTAMA_CITY_NAMES}); added to the built-in Kazakhstan list
 * @param statsHistogramBin        width of a turnout histogram bar in percentage points ({@code HATTAMA_STATS_HISTOGRAM_BIN})
 * @param statsRoundShareStep      a party share that is an exact multiple of this many percent is flagged as round
 *                                 ({@code HATTAMA_STATS_ROUND_SHARE_STEP})
 * @param statsFlagMinParticipants precincts with fewer participants are not flagged for round shares or identical
 *                                 figures, which small numbers produce by chance ({@code HATTAMA_STATS_FLAG_MIN_PARTICIPANTS})
 */
@ConfigurationProperties("hattama")
public record DatasetProperties(Path cityNames, double statsHistogramBin, double statsRoundShareStep,
                                int statsFlagMinParticipants) {

    public DatasetProperties {
        statsHistogramBin = statsHistogramBin <= 0 ? 5 : statsHistogramBin;
        statsRoundShareStep = statsRoundShareStep <= 0 ? 5 : statsRoundShareStep;
        statsFlagMinParticipants = statsFlagMinParticipants <= 0 ? 100 : statsFlagMinParticipants;
    }

    public static DatasetProperties defaults() {
        return new DatasetProperties(null, 0, 0, 0);
    }
}
