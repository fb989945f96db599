package kz.hattama;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HattamaApplication {
}
