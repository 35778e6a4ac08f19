package org.masthead.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    /** Uses the unique index on {@code lower(email)}. */
    @Query("select a from Account a where lower(a.email) = lower(:email)")
    Optional<Account> findByEmail(@Param("email") String email);

    List<Account> findAllByOrderByEmailAsc();

    /** Sets the last sign-in without touching the version, so a sign-in never conflicts with an admin's edit. */
    @Modifying
    @Query("update Account a set a.lastSignInAt = :at where a.id = :id")
    int markSignedIn(@Param("id") long id, @Param("at") Instant at);
}
