package org.masthead.archive;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses an import may fetch old images from: public ones only. */
class ImportImagesAddressTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "192.0.0.8", "198.18.0.1", "198.19.255.254", "224.0.0.1", "::1", "fd00::1", "fe80::1"
            })
    void anInternalOrReservedAddressIsRefused(String address) throws Exception {
        assertThat(ImportImages.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "198.17.255.1", "198.20.0.1", "2606:2800:220:1::1"})
    void aPublicAddressIsAllowed(String address) throws Exception {
        assertThat(ImportImages.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
