package kz.hattama.precinct;

import kz.hattama.config.DatasetProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DatasetProperties.class)
public class PrecinctConfiguration {

    @Bean
    public CityNames cityNames(DatasetProperties props) {
        return CityNames.load(props.cityNames());
    }

    @Bean
    public PlaceFinder placeFinder(PrecinctStore precincts, CityNames cityNames) {
        return new PlaceFinder(precincts, cityNames);
    }
}
