package dev.pat.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The bare stack: one {@code @GetMapping} answering {@code {"result":0}}, as a trivial platform call would. */
@SpringBootApplication
@RestController
public class BareApp {
    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }

    @GetMapping("/1.0/environment/control/rest/getenvinfo")
    Map<String, Integer> answer() {
        return Map.of("result", 0);
    }
}
