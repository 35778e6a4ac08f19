package org.mastheadplanted.tx;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that opens its own transaction: reported. */
@RestController
public class PlantedTransactionalController {

    @Transactional
    @GetMapping("/admin/planted-transaction")
    String page() {
        return "";
    }
}
