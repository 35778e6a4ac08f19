package org.mastheadplanted.repo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller outside any web package that reads a repository directly: violates the controllers rule. */
@RestController
public class PlantedRepositoryController {

    private final PlantedRepository repository;

    PlantedRepositoryController(PlantedRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/planted/repository")
    String answer() {
        return repository.toString();
    }
}
