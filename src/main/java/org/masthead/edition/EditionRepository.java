package org.masthead.edition;

import org.springframework.data.jpa.repository.JpaRepository;

interface EditionRepository extends JpaRepository<Edition, Long> {}
