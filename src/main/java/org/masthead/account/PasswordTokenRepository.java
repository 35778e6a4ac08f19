package org.masthead.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordTokenRepository extends JpaRepository<PasswordToken, Long> {

    @Query("select t from PasswordToken t join fetch t.account where t.tokenHash = :hash")
    Optional<PasswordToken> findByTokenHash(@Param("hash") String hash);

    /** A new link replaces the account's earlier unused ones. */
    @Modifying
    @Query("delete from PasswordToken t where t.account.id = :accountId and t.usedAt is null")
    int deleteUnused(@Param("accountId") long accountId);
}
