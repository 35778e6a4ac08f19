package org.masthead.newsletter;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SubscriberTokenRepository extends JpaRepository<SubscriberToken, Long> {

    @Query("select t from SubscriberToken t join fetch t.subscriber where t.tokenHash = :hash and t.purpose = :purpose")
    Optional<SubscriberToken> findByHash(String hash, SubscriberToken.Purpose purpose);

    /** Spends every outstanding link of a subscriber (after they unsubscribed, a confirm link must not resubscribe them). */
    @Modifying
    @Query("update SubscriberToken t set t.usedAt = :now where t.subscriber = :subscriber and t.usedAt is null")
    int useAll(Subscriber subscriber, Instant now);
}
