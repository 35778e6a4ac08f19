package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DraftRescueRepository extends JpaRepository<DraftRescue, Long> {

    Optional<DraftRescue> findByKey(String key);

    @Modifying
    @Query("delete from DraftRescue r where r.expiresAt < :now")
    int deleteExpired(Instant now);
}
