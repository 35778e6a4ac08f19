package org.masthead.article;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DraftRescueRepository extends JpaRepository<DraftRescue, Long> {

    Optional<DraftRescue> findByKeyHash(String keyHash);

    @Modifying
    @Query("delete from DraftRescue r where r.expiresAt < :now")
    int deleteExpired(Instant now);

    /** Serialises keeping rescues for one member (until the transaction ends), so their count stays bounded. */
    @Query(
            value =
                    "select count(*) from (select pg_advisory_xact_lock(43, cast(:accountId % 2147483647 as integer))) l",
            nativeQuery = true)
    long lockRescuesOf(long accountId);

    /** Drops a member's oldest rescues beyond the newest {@code keep}. */
    @Modifying
    @Query(value = """
                    delete from draft_rescues where account_id = :accountId and id not in (
                        select id from draft_rescues where account_id = :accountId order by id desc limit :keep)""", nativeQuery = true)
    int deleteOldestBeyond(long accountId, int keep);
}
