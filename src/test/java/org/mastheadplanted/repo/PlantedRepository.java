package org.mastheadplanted.repo;

import org.springframework.data.repository.Repository;

public interface PlantedRepository extends Repository<Object, Long> {}
