package org.mastheadplanted.tx;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A read-only service whose one method overrides that with a writing transaction. */
@Service
@Transactional(readOnly = true)
public class PlantedReadOnlyService {

    public String read() {
        return "";
    }

    @Transactional
    public void write() {}
}
