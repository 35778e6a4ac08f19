package org.mastheadplanted.tx;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service with two writing methods and a read, for the one-write-per-request rule. */
@Service
@Transactional
public class PlantedService {

    public void first() {}

    public void second() {}

    @Transactional(readOnly = true)
    public String read() {
        return "";
    }
}
